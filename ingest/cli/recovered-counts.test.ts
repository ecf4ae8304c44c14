// stats and report count the messages known only from archive pages, and say so in text.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mail, tempDir } from '../test-support/mail-builder.ts';
import { cli } from '../test-support/run-cli.ts';

const FIXTURES = join(import.meta.dirname, '../archive/fixtures');

describe('stats and report on recovered messages', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeAll(async () => {
    tmp = tempDir();
    db = join(tmp.dir, 's.sqlite');
    const pages = join(tmp.dir, 'pages');
    mkdirSync(pages);
    for (const f of ['hypermail-2.4.1-cut-message-id.html', 'mhonarc-spam-protected.html']) copyFileSync(join(FIXTURES, f), join(pages, f));
    tmp.file('pages/mail.eml', mail({ id: 'plain@example.org' }));
    const r = await cli('import', '--db', db, '--jobs', '0', pages);
    expect(r.code, r.err).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('stats --json counts them, and the text says how many of the messages they are', async () => {
    const j = (await cli('stats', '--db', db, '--json')).json();
    expect({ messages: j.messages, recovered: j.recovered }).toEqual({ messages: 3, recovered: 2 });
    expect((await cli('stats', '--db', db)).out).toMatch(/^messages {3}3 \(2 recovered from archive pages\)$/m);
  });

  it('report gives them by generator, and those under a placeholder ID', async () => {
    const j = (await cli('report', '--db', db, '--json')).json();
    expect(j.recovered).toEqual({ messages: 2, placeholders: 1, byGenerator: { hypermail: 1, mhonarc: 1 } });
    const text = (await cli('report', '--db', db)).out;
    expect(text).toContain('recovered from archive pages, no mail stored: 2 (hypermail 1, mhonarc 1)\n  under a placeholder Message-ID (the page damaged or lacked it): 1');
  });
});
