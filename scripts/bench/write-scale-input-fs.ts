// Writes the scale benchmark's input: the first N messages of copies 0, 1, 2, ... of a real
// mboxrd archive, each copy made distinct by renameCopy (rename-copy.ts), as one gzip-compressed
// mboxrd file. Streams: the archive is read again for each copy and only one message is held at a
// time, so a million messages never sit in memory. Copy 0 is the archive unchanged.
import { createReadStream, createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { isFromLine } from '../../ingest/source/split-mbox.ts';
import { renameCopy } from './rename-copy.ts';

/** lore's mboxrd separator line. */
const FROM_LINE = 'From mboxrd@z Thu Jan  1 00:00:00 1970\n';

/** The messages of an mboxrd archive (plain or gzip), each as latin1 text without its From_ line
 *  (">From " quoting and the blank line after it kept). */
export async function* readMboxrdRecords(file: string): AsyncGenerator<string> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = file.endsWith('.gz') ? input.pipe(createGunzip({ chunkSize: 1 << 20 })) : input;
  let pending = '';
  let current: string[] | null = null;
  const lineOf = function* (text: string): Generator<string> {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      yield text.slice(start, nl + 1);
      start = nl + 1;
    }
    pending = text.slice(start);
  };
  try {
    for await (const chunk of stream) {
      for (const line of lineOf(pending + (chunk as Buffer).toString('latin1'))) {
        if (line.startsWith('From ') && isFromLine(line.replace(/\r?\n$/, ''))) {
          if (current) yield current.join('');
          current = [];
        } else current?.push(line);
      }
    }
    if (pending) current?.push(pending);
    if (current) yield current.join('');
  } finally {
    // A caller that stops early leaves the file open otherwise.
    input.destroy();
  }
}

/** What writing an input did. */
export interface ScaleInput {
  file: string;
  messages: number;
  copies: number;
  bytes: number;
}

/** Write `messages` messages of renamed copies of `archive` to `file` (gzip), unless `file`
 *  already exists (an earlier run's input is reused). Written beside and renamed into place, so
 *  an interrupted run never leaves a short input behind. */
export async function writeScaleInputFs(archive: string, messages: number, file: string): Promise<ScaleInput | null> {
  if (existsSync(file)) return null;
  const tmp = `${file}.partial`;
  const gzip = createGzip({ level: 1, chunkSize: 1 << 20 });
  const out = createWriteStream(tmp);
  gzip.pipe(out);
  let written = 0;
  let bytes = 0;
  let copy = 0;
  for (; written < messages; copy++) {
    let inCopy = 0;
    for await (const record of readMboxrdRecords(archive)) {
      if (written >= messages) break;
      const text = FROM_LINE + renameCopy(record, copy);
      bytes += text.length;
      written++;
      inCopy++;
      if (!gzip.write(Buffer.from(text, 'latin1'))) await once(gzip, 'drain');
    }
    if (inCopy === 0) throw new Error(`${archive} holds no messages`);
  }
  gzip.end();
  await once(out, 'close');
  renameSync(tmp, file);
  return { file, messages: written, copies: copy, bytes };
}
