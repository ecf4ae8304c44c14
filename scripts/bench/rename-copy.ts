// Makes copy N of a real list's message distinct from every other copy, for the scale benchmark's
// inputs (bench-scale.ts): every Message-ID and address (anything written local@domain or
// local%40domain, in headers and bodies alike: References, links in changelogs, Link: trailers)
// gets a per-copy suffix on its domain; the sender's display name and the names of person
// trailers a per-copy word; diff paths a per-copy top directory; change-ids a per-copy suffix;
// subjects a per-copy word in their [PATCH] group or at their end. So copies never share a thread, a patch fingerprint or a
// lineage (different authors link only on explicit evidence), while words, phrases, prefixes and
// diff names stay searchable as they were. Copy 0 is the message unchanged. Works on one mboxrd
// record (its From_ line removed, ">From " quoting kept) as a latin1 string, so 8-bit mail passes
// through byte for byte; base64 text parts are decoded, renamed and encoded again, and
// quoted-printable ones have their soft line breaks joined (a part that encodes its line ends
// as =0A is one line then, and its trailers are not renamed: one verdict in the nvdimm list). Pure.

/** The per-copy word: "c7". */
export function copyTag(copy: number): string {
  return `c${copy}`;
}

/** A character that may stand before "@" in a Message-ID or address (RFC 5322 atext, and '.'). */
const LOCAL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]";
/** A domain as Message-IDs and addresses write it: dot-separated labels, never ending in '.', so
 *  a full stop after an address is not taken in. Every right-hand side of the nvdimm list's
 *  Message-IDs has this shape. */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?';
const AT_DOMAIN = new RegExp(`(?<=${LOCAL})(@|%40)(${LABEL}(?:\\.${LABEL})*)`, 'g');

/** A line naming a file of a diff, after any quote markers: the path is group 3. */
const DIFF_PATH_LINES: readonly RegExp[] = [
  /^((?:> ?)*)(diff --git a\/)(\S+)( b\/)(\S+)/,
  /^((?:> ?)*)((?:---|\+\+\+) [ab]\/)(\S+)/,
  /^((?:> ?)*)((?:rename|copy) (?:from|to) )(\S+)/,
];
/** A diffstat line: " fs/dax.c | 12 +++---" (path in group 3). */
const DIFFSTAT = /^((?:> ?)*)( )(\S+)(\s+\|\s+(?:\d+|Bin))/;
/** A person trailer ("Reviewed-by: Dan Williams <dan@x>"): the name is group 3. The sender's
 *  name is renamed, so this one must be too, or a trailer that matches its sender only by name
 *  would stop counting. */
const PERSON_TRAILER = /^((?:> ?)*)([A-Za-z][A-Za-z-]*-by: *)([^<\n]*?\S)( *<)/;
/** A b4 change-id trailer. */
const CHANGE_ID = /^((?:> ?)*)(change-id: *)(\S+)/i;

/** `domain` -> `domain.c7` after every "@" or "%40" that follows a local-part character. */
export function renameAddresses(text: string, copy: number): string {
  const tag = copyTag(copy);
  return text.replace(AT_DOMAIN, (_, at: string, domain: string) => `${at}${domain}.${tag}`);
}

/** Reply markers and bracket groups in front of a subject's title. */
const SUBJECT_HEAD = /^\s*(?:(?:re|aw|fwd?|sv|antw)\s*:\s*|\[[^\]\n]*\]\s*)*/i;
/** A bracket group that says PATCH or RFC (its other words are read as prefixes, like net-next). */
const PATCH_GROUP = /\[([^\]\n]*\b(?:patch\w*|rfc)\b[^\]\n]*)\]/i;

/** The subject with the copy's tag where it changes neither the title, nor the kind, nor the
 *  version: as a word of the patch group ("[PATCH v3 1/5 c7] ..."), read as a prefix; a subject
 *  without one gets "[c7]" at its end (a word inserted into a title would change how similar two
 *  titles are, and so which revisions link; a group in front would hide the start of an mm-commits
 *  notice, "+ foo.patch added to ..."). */
function renameSubject(value: string, tag: string): string {
  const head = SUBJECT_HEAD.exec(value)![0];
  const group = PATCH_GROUP.exec(head);
  if (group) return `${value.slice(0, group.index)}[${group[1]} ${tag}]${value.slice(group.index + group[0].length)}`;
  return `${value.replace(/\s+$/, '')} [${tag}]`;
}

/** "Dan Williams <dan@x>" -> "Dan Williams c7 <dan@x>"; a bare address is left alone. */
function renameSender(value: string, tag: string): string {
  const lt = value.lastIndexOf('<');
  if (lt < 0 || !/\S/.test(value.slice(0, lt))) return value;
  return `${value.slice(0, lt).replace(/\s*$/, '')} ${tag} ${value.slice(lt)}`;
}

/** One body line with its diff path, diffstat path or change-id renamed. */
function renameBodyLine(line: string, tag: string): string {
  for (const re of DIFF_PATH_LINES) {
    const m = re.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length);
    return m[5] !== undefined ? `${m[1]}${m[2]}${tag}/${m[3]}${m[4]}${tag}/${m[5]}${rest}` : `${m[1]}${m[2]}${tag}/${m[3]}${rest}`;
  }
  let m = DIFFSTAT.exec(line);
  if (m) return `${m[1]}${m[2]}${tag}/${m[3]}${m[4]}${line.slice(m[0].length)}`;
  m = PERSON_TRAILER.exec(line);
  if (m) return `${m[1]}${m[2]}${m[3]} ${tag}${m[4]}${line.slice(m[0].length)}`;
  m = CHANGE_ID.exec(line);
  if (m) return `${m[1]}${m[2]}${m[3]}-${tag}${line.slice(m[0].length)}`;
  return line;
}

/** Multipart nesting followed at most; deeper parts are copied as they are (real list mail nests
 *  two or three levels: signed, mixed, alternative). */
const MAX_MIME_DEPTH = 8;
/** Base64 line length (RFC 2045 6.8). */
const BASE64_LINE = 76;

/** A message's or part's header block cut into fields, continuation lines kept with theirs. */
function headerFields(head: string): string[] {
  return head.split(/\r?\n(?![ \t])/);
}

/** The unfolded value of the first header field called `name` (lower case), '' when absent. */
function headerValue(fields: readonly string[], name: string): string {
  for (const f of fields) {
    const colon = f.indexOf(':');
    if (colon > 0 && f.slice(0, colon).trim().toLowerCase() === name) return f.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
  }
  return '';
}

/** Head and body of a message or part: the body starts with the blank line that ends the head. */
function splitHead(text: string): { head: string; body: string } {
  if (/^\r?\n/.test(text)) return { head: '', body: text };
  const m = /\r?\n\r?\n/.exec(text);
  const end = m ? m.index : text.length;
  return { head: text.slice(0, end), body: text.slice(end) };
}

/** Text lines with their diff paths, diffstat paths, person trailers and change-ids renamed. */
function renameLines(text: string, tag: string): string {
  return text
    .split('\n')
    .map((l) => renameBodyLine(l, tag))
    .join('\n');
}

/** A base64 text part: decoded, renamed (addresses included), encoded again in lines of the
 *  standard length; what followed the encoded text (blank lines) kept. */
function renameBase64(body: string, tag: string, copy: number): string {
  const trail = /\s*$/.exec(body)![0];
  const lead = /^\s*/.exec(body)![0];
  const decoded = Buffer.from(body, 'base64').toString('latin1');
  const encoded = Buffer.from(renameAddresses(renameLines(decoded, tag), copy), 'latin1').toString('base64');
  const eol = /\r\n/.test(body) ? '\r\n' : '\n';
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += BASE64_LINE) lines.push(encoded.slice(i, i + BASE64_LINE));
  return lead + lines.join(eol) + trail;
}

/** The body of a message or part, renamed: each part of a multipart, a base64 text part decoded
 *  first, a quoted-printable one with its soft line breaks joined, anything else line by line. */
function renameBody(fields: readonly string[], body: string, tag: string, copy: number, depth: number): string {
  const type = headerValue(fields, 'content-type');
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(type);
  if (/^multipart\//i.test(type) && boundary && depth < MAX_MIME_DEPTH) {
    const delimiter = `--${boundary[1] ?? boundary[2]}`;
    // Lines between delimiter lines are one part each; the delimiters, the preamble and the
    // epilogue stay as they are.
    const out: string[] = [];
    let part: string[] | null = null;
    const flush = (): void => {
      if (!part) return;
      const { head, body: partBody } = splitHead(part.join(''));
      out.push(head + renameBody(headerFields(head), partBody, tag, copy, depth + 1));
      part = null;
    };
    for (const line of body.split(/(?<=\n)/)) {
      const bare = line.replace(/\s+$/, '');
      if (bare === delimiter || bare === `${delimiter}--`) {
        flush();
        out.push(line);
        if (bare === delimiter) part = [];
      } else if (part) part.push(line);
      else out.push(line);
    }
    flush();
    return out.join('');
  }
  const encoding = headerValue(fields, 'content-transfer-encoding').toLowerCase();
  const text = type === '' || /^text\//i.test(type);
  if (encoding === 'base64' && text) return renameBase64(body, tag, copy);
  // Soft line breaks joined (what decoding does first), so no address is cut in two; lines may
  // then pass 76 characters, which readers accept.
  if (encoding === 'quoted-printable' && text) return renameLines(body.replace(/=\r?\n/g, ''), tag);
  return renameLines(body, tag);
}

/** Copy `copy` of one message (latin1 text of an mboxrd record without its From_ line). */
export function renameCopy(message: string, copy: number): string {
  if (copy === 0) return message;
  const tag = copyTag(copy);
  const { head, body } = splitHead(message);
  // Header fields with their continuation lines, so a folded Subject or From is one field.
  const fields = headerFields(head);
  const eol = /\r\n/.test(head) ? '\r\n' : '\n';
  const renamedHead = fields
    .map((f) => {
      const colon = f.indexOf(':');
      if (colon < 0) return f;
      const name = f.slice(0, colon).toLowerCase();
      const value = f.slice(colon + 1);
      if (name === 'subject') return f.slice(0, colon + 1) + ' ' + renameSubject(value.replace(/^ /, ''), tag);
      if (name === 'from') return f.slice(0, colon + 1) + renameSender(value, tag);
      return f;
    })
    .join(eol);
  return renameAddresses(renamedHead + renameBody(fields, body, tag, copy, 0), copy);
}
