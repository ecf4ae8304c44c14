// format=flowed text (RFC 3676) -> its paragraphs, one line each. Pure.
//
// mailparser's own decoder (libmime's decodeFlowed) joins a line ending in a space with the next
// whatever it is: an empty line after such a line vanishes and the next paragraph is glued on,
// and a flowed quoted line swallows the reply that follows it ("> page. " + "" + "Yeah, it's
// tricky..." becomes one quoted line), so the reply's own words were taken for quoted text.
// This decoder follows the RFC: quote depth first (4.5), then space-stuffing (4.4), then a line
// ending in a space flows into the next only when that line has the same quote depth; the
// signature separator "-- " never flows, and (a leniency) an empty line always ends a paragraph.
// parse-message.ts installs it in place of libmime's.

/** One line split into its quote depth and its text (without quote marks and stuffing). */
function splitLine(line: string): { depth: number; text: string } {
  let depth = 0;
  while (depth < line.length && line.charCodeAt(depth) === 62 /* > */) depth++;
  let text = line.slice(depth);
  if (text.startsWith(' ')) text = text.slice(1);
  return { depth, text };
}

/** A paragraph as a line: its quote marks (with the space mailers put after them), then its text. */
function emit(depth: number, text: string): string {
  if (depth === 0) return text;
  return '>'.repeat(depth) + (text ? ' ' + text : '');
}

/** Decode flowed text; with `delSp` (DelSp=yes), the space ending a flowed line is removed when
 *  the line is joined. Line ends become "\n". */
export function decodeFlowed(input: string, delSp = false): string {
  const out: string[] = [];
  let open: { depth: number; pieces: string[] } | null = null;
  const close = (): void => {
    if (open) out.push(emit(open.depth, open.pieces.join('')));
    open = null;
  };
  const lines = input.split(/\r?\n/);
  for (const line of lines) {
    const { depth, text } = splitLine(line);
    // A flowed line followed by a line of another depth ends there (RFC 3676 4.5).
    // The signature separator stands alone: it neither flows nor is flowed into. So does an
    // empty line: the RFC would let a line ending in a space swallow it, but mailers that end a
    // paragraph with a space meant the empty line after it.
    const separator = text === '-- ';
    if (open && (open.depth !== depth || separator || text === '')) close();
    const flowed = text.endsWith(' ') && !separator;
    if (!open) open = { depth, pieces: [] };
    open.pieces.push(flowed && delSp ? text.slice(0, -1) : text);
    if (!flowed) close();
  }
  close();
  return out.join('\n');
}
