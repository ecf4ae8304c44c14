// A citation of a message or one statement in it, in the forms a reviewer pastes: a Markdown
// quote with author, date and the lore permalink; plain text; or a `Link:` trailer. The same text
// on the command line (`patchlore cite`), behind the site's "cite" buttons, and in topic pages.
// Pure.
import { authorDay } from '../message/parse-date.ts';
import { lorePermalink } from '../lore/lore-url.ts';
import type { Citation, CitationFormat } from '../types.ts';


/** The day of a citation: where its author was when the Date header is known, else UTC. */
const day = (c: Pick<Citation, 'date' | 'dateHeader'>): string => (c.date ? (authorDay(c.dateHeader ?? '', Date.parse(c.date)) ?? 'undated') : 'undated');

/** Markdown: characters that would start markup at the beginning of a quoted line are escaped. */
function mdQuote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l.replace(/^([#>+\-*]|\d+\.)(\s)/, '\\$1$2')}`.trimEnd())
    .join('\n');
}

/** A citation in one of its printed forms. */
export function formatCitation(c: Citation, format: CitationFormat): string {
  const link = lorePermalink(c.messageId);
  if (format === 'trailer') return `Link: ${link}`;
  const who = c.email ? `${c.author} <${c.email}>` : c.author;
  if (format === 'text') {
    const asked = c.answers ? `In reply to ${c.answers.author}: "${c.answers.text}"\n` : '';
    return `${asked}${c.author} wrote on ${day(c)}:\n\n  ${c.text.split('\n').join('\n  ')}\n\n-- ${who}, "${c.subject}", ${link}\n`;
  }
  const asked = c.answers ? `${mdQuote(`**${c.answers.author}:** ${c.answers.text}`)}\n>\n` : '';
  return `${asked}${mdQuote(c.answers ? `**${c.author}:** ${c.text}` : c.text)}\n\n— ${who}, ${day(c)}, [${c.subject.replace(/([[\]])/g, '\\$1')}](${link})\n`;
}
