// The baseline of the import benchmark: read the same file the same way (streamed, gunzipped,
// split at From_ lines) and run mailparser on every message, with the same options and nothing
// else. Prints {"messages","bytes","ms"}.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { simpleParser } from 'mailparser';
import { MboxSplitter } from '../../ingest/source/split-mbox.ts';

const file = process.argv[2]!;
const t0 = performance.now();
const input = createReadStream(file, { highWaterMark: 1 << 20 });
const stream = file.endsWith('.gz') ? input.pipe(createGunzip({ chunkSize: 1 << 20 })) : input;
const splitter = new MboxSplitter('auto', file);
let messages = 0;
let bytes = 0;
const parse = async (b: Buffer) => {
  messages++;
  bytes += b.length;
  await simpleParser(b, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
};
for await (const chunk of stream) for (const rec of splitter.push(chunk as Buffer)) await parse(rec.bytes);
for (const rec of splitter.end()) await parse(rec.bytes);
process.stdout.write(JSON.stringify({ messages, bytes, ms: performance.now() - t0 }) + '\n');
