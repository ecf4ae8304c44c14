// The CLI's exit codes where a new user meets them first: a missing or empty input, a bad port,
// an empty query. 0 success, 1 input or environment errors (nothing could be done), 2 bad usage.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mail, mbox, tempDir } from '../test-support/mail-builder.ts';
import { cli } from '../test-support/run-cli.ts';

describe('honest exit codes', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeAll(() => {
    tmp = tempDir();
    db = join(tmp.dir, 'db.sqlite');
  });
  afterAll(() => tmp.cleanup());

  it('start on a missing file stops with the error, before building or serving anything', async () => {
    const out = join(tmp.dir, 'site');
    const r = await cli('start', '--db', db, '--out', out, join(tmp.dir, 'nope.mbox'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`patchlore start: nothing imported: no mail found in ${join(tmp.dir, 'nope.mbox')}`);
    expect(r.err).not.toContain('building the site');
    expect(existsSync(out)).toBe(false);
  });

  it('import exits 1 when it stored nothing, 0 when all it found was already stored', async () => {
    const empty = tmp.file('empty.mbox', '');
    const r = await cli('import', '--db', db, empty);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`patchlore import: nothing imported: no mail found in ${empty}\n`);
    const junk = tmp.file('junk.txt', 'just some notes\nwithout any mail headers\n');
    const j = await cli('import', '--db', db, junk);
    expect(j.code).toBe(1);
    expect(j.err).toContain('nothing imported: none of the 1 messages read from');
    const file = tmp.file('one.mbox', mbox([mail({ id: 'a@x' })]));
    expect((await cli('import', '--db', db, file)).code).toBe(0);
    expect((await cli('import', '--db', db, file)).code).toBe(0);
  });

  it('a port out of range is bad usage (2), not an internal error', async () => {
    const r = await cli('serve', '--out', tmp.dir, '--port', '99999');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--port must be at most 65535');
    expect(r.err).not.toContain('internal error');
  });

  it('an empty query is bad usage (2)', async () => {
    for (const q of [[''], ['  ']]) {
      const r = await cli('search', '--db', db, ...q);
      expect(r.code).toBe(2);
      expect(r.err).toContain('give a QUERY');
    }
  });
});

describe('start with a bad port', () => {
  it('stops before importing anything', async () => {
    const tmp = tempDir();
    try {
      const db = join(tmp.dir, 'db.sqlite');
      const r = await cli('start', '--db', db, '--port', '70000', tmp.file('one.mbox', mbox([mail({ id: 'a@x' })])));
      expect(r.code).toBe(2);
      expect(existsSync(db)).toBe(false);
    } finally {
      tmp.cleanup();
    }
  });
});
