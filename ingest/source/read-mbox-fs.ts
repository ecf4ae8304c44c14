// Reads mbox files (plain or gzip) and single message files as a stream of RawMessages, never
// holding the whole file: memory is bounded by the largest message. A file that does not start
// with a From_ line is one message (.eml, .patch from git format-patch without --stdout).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Diagnostic, RawMessage, ReadProgress, SourceItem } from '../types.ts';
import { MboxSplitter, envelopeDate, type MboxFormat, type MboxRecord } from './split-mbox.ts';


/** Read size: large enough that a typical message arrives in one chunk. */
const CHUNK_BYTES = 1 << 20;

/** Whether a file starts with the gzip magic number. */
async function isGzip(path: string): Promise<boolean> {
  const fh = await import('node:fs/promises').then((fs) => fs.open(path, 'r'));
  try {
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Options for reading one mbox or message file. */
export interface ReadMboxOptions {
  /** The list name to record on each message ('' to take it from List-Id). */
  list: string;
  /** mbox variant; 'auto' detects lore's mboxrd and Content-Length delimited bodies. */
  format: MboxFormat;
  /** Updated with compressed bytes consumed, for progress display. */
  progress?: ReadProgress;
  /** What to name the file in sightings and diagnostics (the URL it was fetched from; default:
   *  its path). */
  source?: string;
}

/**
 * Yield the messages of an mbox or message file. A stream that ends early (a truncated gzip)
 * yields its last, possibly incomplete, record as truncated so it is kept raw, not imported as
 * if complete.
 */
export async function* readMboxFs(path: string, opts: ReadMboxOptions): AsyncGenerator<SourceItem> {
  const size = (await stat(path)).size;
  if (opts.progress) opts.progress.total += size;
  const gz = await isGzip(path);
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  let consumed = 0;
  file.on('data', (c) => {
    consumed += c.length;
    if (opts.progress) opts.progress.done += c.length;
  });
  const stream = gz ? file.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : file;
  if (gz) file.on('error', (e) => stream.destroy(e));
  const name = opts.source ?? path;
  const splitter = new MboxSplitter(opts.format, name);
  const toItem = (rec: MboxRecord, truncated: Diagnostic | null): SourceItem => {
    const raw: RawMessage = {
      kind: 'raw',
      bytes: rec.bytes,
      origin: { source: name, locator: `@${rec.offset}`, list: opts.list },
      envelopeDate: envelopeDate(rec.fromLine),
    };
    return { kind: 'raw', raw, diagnostics: rec.diagnostics, refuse: truncated };
  };
  let failure: Error | null = null;
  let pending: MboxRecord[] = [];
  try {
    for await (const chunk of stream) {
      pending = splitter.push(chunk as Buffer);
      for (const rec of pending) yield toItem(rec, null);
    }
  } catch (err) {
    failure = err as Error;
  }
  const last = splitter.end();
  if (failure) {
    const where = gz ? `gzip stream ends early after ${consumed} of ${size} compressed bytes` : `read failed`;
    const d: Diagnostic = {
      code: 'mbox/truncated',
      message: `${where} (${failure.message}); the last message is kept raw, not imported`,
      source: name,
    };
    for (const rec of last) yield toItem(rec, { ...d, locator: `@${rec.offset}` });
    if (last.length === 0) yield { kind: 'diagnostic', diagnostic: d };
    return;
  }
  for (const rec of last) yield toItem(rec, null);
}
