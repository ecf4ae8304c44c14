// The page behind /m/<msgid>/: sends the browser to the message's place in its thread page. A
// meta refresh (no script, so it works under the site's CSP) and a plain link. Pure.
import { META_CONTENT_SECURITY_POLICY } from '../lib/csp.ts';
import { escapeHtml } from '../lib/html.ts';

export function redirectPage(target: string, title: string): string {
  const t = escapeHtml(target);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">
<meta name="robots" content="noindex">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<meta http-equiv="refresh" content="0; url=${t}">
<link rel="canonical" href="${t}">
<title>${escapeHtml(title)}</title></head>
<body><p>This message is at <a href="${t}">${escapeHtml(title)}</a>.</p></body></html>
`;
}
