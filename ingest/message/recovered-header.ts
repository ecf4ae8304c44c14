// The X-Patchlore-Recovered header: how a message recovered from an archive web page says where
// it came from (generator, page, state of its Message-ID, what the archive hid). The page
// synthesiser (ingest/archive/synthesise-message.ts) writes it as the first header field; the
// parse stage reads it back into Message.recovered. Pure; reading never throws.
// It does not decide whether a message may claim to be recovered: parse-message.ts does.
import type { Obfuscation, PageDate, PageGenerator, PageMessageId, Recovered } from '../types.ts';

/** The header's name, as written. */
export const RECOVERED_HEADER = 'X-Patchlore-Recovered';

const GENERATORS: readonly PageGenerator[] = ['hypermail', 'mhonarc', 'public-inbox', 'public-inbox-thread', 'patchwork'];
const ID_STATES: ReadonlyArray<PageMessageId['state']> = ['complete', 'truncated', 'made-up', 'missing'];
const PRECISIONS: ReadonlyArray<PageDate['precision']> = ['second', 'minute', 'day', 'none'];
const FIELDS: ReadonlyArray<Obfuscation['field']> = ['from', 'to', 'cc', 'body', 'message-id', 'references'];
const HOWS: ReadonlyArray<Obfuscation['how']> = ['x-domain', 'spelt-out', 'truncated', 'name-only'];

/** A parameter value as an RFC 2045 token, or quoted with backslash escapes. */
function param(value: string): string {
  return /^[A-Za-z0-9.+\-_]+$/.test(value) ? value : `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** The header's value (unfolded; the synthesiser folds it):
 *  `hypermail 2.4.1; source="file:///.../0011.html"; message-id=truncated;
 *  written-id=x.apopple_at_xxxxx; date=second; obfuscated="from x-domain lost, body spelt-out
 *  restored"` (written-id only for an ID that is not complete). */
export function recoveredHeader(r: Recovered): string {
  // A version is a token: whatever else a page wrote there is dropped.
  const version = r.version.replace(/[^A-Za-z0-9.+\-_]/g, '');
  const parts = [version ? `${r.generator} ${version}` : r.generator];
  parts.push(`source=${param(r.source)}`, `message-id=${r.messageId}`);
  if (r.writtenId) parts.push(`written-id=${param(r.writtenId)}`);
  parts.push(`date=${r.datePrecision}`);
  if (r.obfuscated.length) {
    parts.push(`obfuscated=${param(r.obfuscated.map((o) => `${o.field} ${o.how} ${o.restored ? 'restored' : 'lost'}`).join(', '))}`);
  }
  return parts.join('; ');
}

/** `key=value` parameters after the first ';', quoted strings unescaped. */
function params(s: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /;\s*([a-z-]+)=(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const key = m[1]!.toLowerCase();
    if (!out.has(key)) out.set(key, m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
  }
  return out;
}

function oneOf<T extends string>(values: readonly T[], s: string | undefined, fallback: T): T {
  return values.includes(s as T) ? (s as T) : fallback;
}

/** Parse the header's value; null when it does not name a known generator (then the message is
 *  not taken as recovered). Unknown or missing parameters fall back to the least claim:
 *  message-id=missing, date=none. */
export function readRecoveredHeader(value: string): Recovered | null {
  const v = value.replace(/\s+/g, ' ').trim();
  const head = v.split(';', 1)[0]!.trim().split(' ');
  const generator = head[0] as PageGenerator;
  if (!GENERATORS.includes(generator)) return null;
  const p = params(v.slice(v.indexOf(';') < 0 ? v.length : v.indexOf(';')));
  const obfuscated: Obfuscation[] = [];
  for (const item of (p.get('obfuscated') ?? '').split(',')) {
    const [field, how, state] = item.trim().split(' ');
    if (FIELDS.includes(field as Obfuscation['field']) && HOWS.includes(how as Obfuscation['how'])) {
      obfuscated.push({ field: field as Obfuscation['field'], how: how as Obfuscation['how'], restored: state === 'restored' });
    }
  }
  return {
    generator,
    version: (head[1] ?? '').replace(/[^A-Za-z0-9.+\-_]/g, ''),
    source: p.get('source') ?? '',
    messageId: oneOf(ID_STATES, p.get('message-id'), 'missing'),
    writtenId: p.get('written-id') ?? '',
    obfuscated,
    datePrecision: oneOf(PRECISIONS, p.get('date'), 'none'),
  };
}
