// fetchMissingMailFs against a tiny local server: a series mbox lacking a patch falls back to the
// patch's own mbox; what no mbox holds is still missing, with a problem; nothing is kept of a
// download that holds none of the wanted mail. The real server: test/patchwork/.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../sync/http-client-fs.ts';
import { tempDir } from '../test-support/mail-builder.ts';
import { fetchMissingMailFs } from './fetch-missing-mail-fs.ts';

const msg = (id: string) => `From patchwork Wed Apr 20 15:53:06 2022\nMessage-Id: <${id}>\nSubject: ${id}\n\nbody\n`;
const PAGES: Record<string, string> = {
  '/series/1/mbox/': msg('a@x') + '\n' + msg('other@x'),
  '/patch/12/mbox/': msg('b@x'),
  '/patch/13/mbox/': msg('unrelated@x'),
};

let server: Server;
let base = '';
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const body = PAGES[req.url ?? ''];
    if (body === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fetchMissingMailFs', () => {
  it('takes what the series mbox has, the rest from patch mboxes, and says what no mbox has', async () => {
    const tmp = tempDir();
    const client = new HttpClient({ userAgent: 't', delayMs: 0, timeoutMs: 5000, retries: 0, backoffMs: 1, maxBackoffMs: 1, maxRetryAfterMs: 1, maxRequests: 100, cacheTtlMs: 0 }, tmp.dir, { log: () => undefined });
    try {
      const r = await fetchMissingMailFs(client, base, [
        { messageId: 'a@x', kind: 'patch', id: 11, seriesId: 1 },
        { messageId: 'b@x', kind: 'patch', id: 12, seriesId: 1 },
        { messageId: 'c@x', kind: 'patch', id: 13, seriesId: 1 },
        { messageId: 'd@x', kind: 'cover', id: 4, seriesId: 1 },
      ]);
      expect(seen).toEqual(['/series/1/mbox/', '/patch/12/mbox/', '/patch/13/mbox/', '/cover/4/mbox/']);
      expect(r.fetched).toEqual(['a@x', 'b@x']);
      expect(r.files).toHaveLength(2);
      expect(r.stillMissing.sort()).toEqual(['c@x', 'd@x']);
      expect(r.problems.map((p) => `${p.code} ${p.severity} ${p.message}`)).toEqual(['patchwork/mbox warning patch 13 mbox lacks <c@x>', 'patchwork/mail-missing warning cover 4 mbox: HTTP 404']);
    } finally {
      await client.close();
      tmp.cleanup();
    }
  });
});
