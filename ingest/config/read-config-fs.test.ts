import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/mail-builder.ts';
import { readConfigFs } from './read-config-fs.ts';

describe('readConfigFs', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('reads ./patchlore.config.json, or the file named, relative paths from its directory', () => {
    mkdirSync(join(tmp.dir, 'p'));
    writeFileSync(join(tmp.dir, 'p', 'patchlore.config.json'), JSON.stringify({ db: 'db.sqlite' }));
    expect(readConfigFs(undefined, join(tmp.dir, 'p'))).toMatchObject({ file: join(tmp.dir, 'p', 'patchlore.config.json'), dir: join(tmp.dir, 'p'), config: { db: 'db.sqlite' }, problems: [] });
    expect(readConfigFs('p/patchlore.config.json', tmp.dir)).toMatchObject({ dir: join(tmp.dir, 'p'), config: { db: 'db.sqlite' } });
  });

  it('uses the defaults without a file, and says so only when one was named', () => {
    expect(readConfigFs(undefined, tmp.dir)).toMatchObject({ file: null, dir: tmp.dir, config: { db: null }, problems: [] });
    expect(readConfigFs('none.json', tmp.dir).problems).toEqual([
      { code: 'config/missing', message: 'no such file', source: join(tmp.dir, 'none.json'), hint: 'check the --config path' },
    ]);
  });

  it('gives every problem the file as its source', () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, '{"db": ');
    expect(readConfigFs(bad).problems).toMatchObject([{ code: 'config/unreadable', source: bad, message: expect.stringMatching(/^not valid JSON \(/) }]);
    writeFileSync(bad, JSON.stringify({ db: 1, sync: { lists: 'nvdimm' } }));
    expect(readConfigFs(bad).problems.map((p) => [p.code, p.source])).toEqual([
      ['config/db', bad],
      ['config/sync', bad],
    ]);
    expect(readConfigFs(tmp.dir).problems).toMatchObject([{ code: 'config/unreadable', source: tmp.dir, message: expect.stringContaining('cannot read it') }]);
  });
});
