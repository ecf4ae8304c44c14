// The CLI's one error boundary: each class of failure, thrown by a command, gives its exit code
// and its kind of message; then the real places that throw them, end to end.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../environment-error.ts';
import { StoreVersionError } from '../store/sqlite-store-fs.ts';
import { HttpClient } from '../sync/http-client-fs.ts';
import { mirrorEpochFs } from '../sync/mirror-epoch-fs.ts';
import { mail, mbox, tempDir } from '../test-support/mail-builder.ts';
import { cli } from '../test-support/run-cli.ts';
import { COMMANDS } from './commands.ts';
import { UsageError, UserError } from './main.ts';

const BUG = 'internal error (a bug in patchlore, not in your input)';

describe('the error boundary, by class', () => {
  let thrown: unknown;
  beforeAll(() => {
    COMMANDS['fail-test'] = { synopsis: '', summary: 'throws what the test gives it', options: {}, run: async () => Promise.reject(thrown) };
  });
  afterAll(() => {
    delete COMMANDS['fail-test'];
  });
  const failWith = (err: unknown) => {
    thrown = err;
    return cli('fail-test', '--db', '/nonexistent/never-opened.sqlite');
  };

  it('bad usage: exit 2, the message and the usage', async () => {
    const r = await failWith(new UsageError('give exactly one MSGID'));
    expect(r.code).toBe(2);
    expect(r.err).toBe('patchlore fail-test: give exactly one MSGID\n\nusage: patchlore fail-test \n\nthrows what the test gives it\n');
  });

  it('the user\'s input (UserError, StoreVersionError): exit 1, the message alone', async () => {
    for (const err of [new UserError('no store at x'), new StoreVersionError('x was indexed by another patchlore version')]) {
      const r = await failWith(err);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`patchlore fail-test: ${err.message}\n`);
    }
  });

  it('the environment (EnvironmentError): exit 1, the message alone', async () => {
    const r = await failWith(new EnvironmentError('cannot run git rev-parse: spawn git ENOENT', { cause: new Error('spawn git ENOENT') }));
    expect(r.code).toBe(1);
    expect(r.err).toBe('patchlore fail-test: cannot run git rev-parse: spawn git ENOENT\n');
  });

  it('Node\'s system errors, told by their code: exit 1, the message alone', async () => {
    let err: unknown;
    try {
      readFileSync('/nonexistent/file');
    } catch (e) {
      err = e;
    }
    const r = await failWith(err);
    expect(r.code).toBe(1);
    expect(r.err).toBe("patchlore fail-test: ENOENT: no such file or directory, open '/nonexistent/file'\n");
  });

  it('SQLite: the disk and locking are the environment, its other errors a bug', async () => {
    const busy = await failWith(new Database.SqliteError('database is locked', 'SQLITE_BUSY'));
    expect(busy.code).toBe(1);
    expect(busy.err).toBe('patchlore fail-test: database is locked (SQLITE_BUSY)\n');
    const full = await failWith(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));
    expect(full.err).toBe('patchlore fail-test: database or disk is full (SQLITE_FULL)\n');
    const sql = await failWith(new Database.SqliteError('no such table: nodez', 'SQLITE_ERROR'));
    expect(sql.code).toBe(1);
    expect(sql.err).toContain(BUG);
    expect(sql.err).toContain('no such table: nodez');
  });

  it('anything else is a bug, with its stack, whatever its message says', async () => {
    const r = await failWith(new Error('git log failed, cannot run SQLITE_ things'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^patchlore fail-test: ${BUG.replace(/[()]/g, '\\$&')}:\\nError: git log failed, cannot run SQLITE_ things\\n    at `));
  });
});

describe('the environment, where it fails', () => {
  let tmp: ReturnType<typeof tempDir>;
  const path = process.env.PATH;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterEach(() => {
    process.env.PATH = path;
  });
  afterAll(() => tmp.cleanup());

  it('a store that cannot be opened names itself', async () => {
    const notDb = tmp.file('not-a-store.sqlite', 'this is not an SQLite database, and is long enough to say so\n'.repeat(20));
    const r = await cli('stats', '--db', notDb);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`patchlore stats: cannot open the store ${notDb}: file is not a database\n`);
    const underFile = join(tmp.file('plain-file', 'x'), 'store.sqlite');
    const u = await cli('import', '--db', underFile, '--jobs', '0', tmp.file('one.mbox', mbox([mail({ id: 'a@x' })])));
    expect(u.code).toBe(1);
    expect(u.err).toBe(`patchlore import: cannot open the store ${underFile}: EEXIST: file already exists, mkdir '${join(tmp.dir, 'plain-file')}'\n`);
  });

  it('git that cannot be run, reading an epoch', async () => {
    const epoch = join(tmp.dir, 'epoch.git');
    mkdirSync(join(epoch, 'objects'), { recursive: true });
    tmp.file('epoch.git/HEAD', 'ref: refs/heads/master\n');
    process.env.PATH = join(tmp.dir, 'no-programs-here');
    const r = await cli('import', '--db', join(tmp.dir, 'e.sqlite'), '--jobs', '0', epoch);
    expect(r.code).toBe(1);
    expect(r.err).toBe('patchlore import: cannot run git: spawn git ENOENT\n');
  });

  it('git that cannot be run, mirroring an epoch: thrown, not reported as a fetch problem', async () => {
    process.env.PATH = join(tmp.dir, 'no-programs-here');
    const settings = { userAgent: 'patchlore/0.1.0', delayMs: 0, timeoutMs: 2000, retries: 0, backoffMs: 0, maxBackoffMs: 0, maxRetryAfterMs: 0, maxRequests: 10, cacheTtlMs: 0 };
    const client = new HttpClient(settings, join(tmp.dir, 'http'), { log: () => undefined });
    try {
      const r = mirrorEpochFs({
        list: 'nvdimm',
        step: { kind: 'clone', n: 0, shallowSince: null, probe: false },
        urls: ['http://127.0.0.1:9/nvdimm/0'],
        dir: join(tmp.dir, 'mirror', 'git', '0.git'),
        client,
        settings,
      });
      await expect(r).rejects.toBeInstanceOf(EnvironmentError);
      await expect(r).rejects.toThrow('cannot run git: spawn git ENOENT');
    } finally {
      await client.close();
    }
  });
});
