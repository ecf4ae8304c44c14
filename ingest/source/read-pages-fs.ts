// Reads a saved archive web page (hypermail, MHonArc, public-inbox message and thread pages,
// Patchwork) as SourceItems: each message on it synthesised into mail (ingest/archive/), seen at
// the page file and, on a thread page, the message's anchor. Index pages and foreign HTML give
// diagnostics; mail saved under a page's name (public-inbox's /raw) is read as mail.
// It fetches nothing: a page is read from disk as it was saved.
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic, ReadProgress, SourceItem } from '../types.ts';
import { decodePage } from '../archive/decode-page.ts';
import { parsePage } from '../archive/parse-page.ts';
import { synthesiseMessage } from '../archive/synthesise-message.ts';
import { readMboxFs } from './read-mbox-fs.ts';

/** Largest page read: a page is held whole, with its DOM, while it is read. The parse stage's
 *  bound on one message (MAX_MESSAGE_BYTES, 64 MiB); a /T/ page of a long thread holds every
 *  message of it, and lore's longest threads stay far below. */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/** Options for reading pages. */
export interface ReadPagesOptions {
  /** The list name to record on each message ('' to take it from the page or List-Id). */
  list: string;
  /** Progress counters (bytes of pages read). */
  progress?: ReadProgress;
  /** What to name the page in provenance and sightings: the URL it was fetched from (default:
   *  its path). */
  source?: string;
}

/** Yield the messages of the page at `path` (an absolute path). */
export async function* readPagesFs(path: string, opts: ReadPagesOptions): AsyncGenerator<SourceItem> {
  const name = opts.source ?? path;
  const problem = (d: Omit<Diagnostic, 'source'>): SourceItem => ({ kind: 'diagnostic', diagnostic: { ...d, source: name } });
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (opts.progress) opts.progress.total += size;
    if (size > MAX_PAGE_BYTES) {
      yield problem({ code: 'source/unreadable', message: `page of ${size} bytes is over the ${MAX_PAGE_BYTES}-byte limit; not read` });
      if (opts.progress) opts.progress.done += size;
      return;
    }
    bytes = await readFile(path);
    if (opts.progress) opts.progress.done += bytes.length;
  } catch (err) {
    yield problem({ code: 'source/unreadable', message: `cannot read: ${(err as Error).message}` });
    return;
  }
  const parsed = parsePage(decodePage(bytes).text, name);
  if (parsed.recognition.kind === 'mail') {
    yield* readMboxFs(path, { list: opts.list, format: 'auto', source: opts.source });
    return;
  }
  for (const d of parsed.diagnostics) yield { kind: 'diagnostic', diagnostic: d };
  for (const m of parsed.messages) {
    yield {
      kind: 'raw',
      raw: {
        kind: 'raw',
        bytes: synthesiseMessage(m),
        origin: { source: name, locator: m.provenance.anchor ? `#${m.provenance.anchor}` : '', list: opts.list },
        envelopeDate: null,
      },
      diagnostics: m.diagnostics,
      refuse: null,
    };
  }
}
