// The Patchwork tables through the port: records read again replace those stored (checks kept
// when not read), state changes are found, cursors are found by link name or the name asked and
// follow a renamed project, mail no stored message carries is listed until marked unavailable,
// the stamp moves with every write, reindex keeps everything, and a read-only store written
// before the tables existed answers as one without records.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importSources } from '../import/import-sources.ts';
import { reindexStore } from '../import/reindex-store.ts';
import { mail, mbox } from '../test-support/mail-builder.ts';
import { useTempStore } from '../test-support/temp-store.ts';
import { PW_SERVER, pwCover, pwCursor, pwPatch, pwProject, pwSeries, writePatchwork } from '../test-support/patchwork-records.ts';
import { openStore } from './sqlite-store-fs.ts';
import { PATCHWORK_TABLES } from './schema.ts';

const write = writePatchwork;

describe('store.patchwork', () => {
  const t = useTempStore();

  it('replaces a record read again, keeps checks not read, and says which states changed', () => {
    const checks = [{ context: 'build', state: 'success', url: null, description: '', date: 1, user: 'ci' }];
    expect(write(t.store, { project: pwProject(), patches: [pwPatch(1, 'a@x', 'new', { checks, checkState: 'success' }), pwPatch(2, 'b@x', 'new')] })).toEqual([]);
    const changes = write(t.store, { patches: [pwPatch(1, 'a@x', 'accepted', { commitRef: 'abc' }), pwPatch(2, 'b@x', 'new')], at: 2000 });
    expect(changes).toEqual([{ server: PW_SERVER, id: 1, messageId: 'a@x', from: 'new', to: 'accepted', at: 2000 }]);
    const [a] = t.store.patchwork.patchesOf(['a@x']);
    expect(a).toMatchObject({ patch: { state: { slug: 'accepted', name: 'Accepted' }, commitRef: 'abc', checks }, project: 'nvdimm', projectId: 1, stateSince: 2000 });
    expect(a!.commitUrlFormat).toContain('{}');
    expect(t.store.patchwork.patchesOf(['b@x'])[0]!.stateSince).toBe(1000);
    expect(t.store.patchwork.projects()).toMatchObject([{ server: PW_SERVER, project: { linkName: 'nvdimm' }, states: { accepted: 1, new: 1 } }]);
    expect([...t.store.patchwork.states()]).toEqual([
      { messageId: 'a@x', state: 'accepted' },
      { messageId: 'b@x', state: 'new' },
    ]);
  });

  it('keeps one record per project tracking a patch, and a cover letter with its series', () => {
    write(t.store, { project: pwProject(), patches: [pwPatch(1, 'a@x', 'accepted')], covers: [pwCover(5, 'c@x', 37)], series: [pwSeries(37, 'c@x', ['a@x'])] });
    write(t.store, { projectId: 2, project: pwProject({ id: 2, linkName: 'linux-mm' }), patches: [pwPatch(9, 'a@x', 'superseded', { origin: { ...pwPatch(9, 'a@x', 'new').origin, project: 'linux-mm' } })] });
    expect(t.store.patchwork.patchesOf(['a@x', 'none@x']).map((r) => [r.project, r.patch.state.slug])).toEqual([
      ['nvdimm', 'accepted'],
      ['linux-mm', 'superseded'],
    ]);
    expect([...t.store.patchwork.covers()]).toEqual([{ messageId: 'c@x', server: PW_SERVER, patchMessageIds: ['a@x'] }]);
  });

  it('finds a cursor by link name or the name asked, and keeps one per project when it is renamed', () => {
    write(t.store, { project: pwProject(), cursor: pwCursor({ asked: 'nvdimm@lists.linux.dev' }) });
    expect(t.store.patchwork.cursor(PW_SERVER, 'NVDIMM')?.asked).toBe('nvdimm@lists.linux.dev');
    expect(t.store.patchwork.cursor(PW_SERVER, 'nvdimm@lists.linux.dev')?.project).toBe('nvdimm');
    expect(t.store.patchwork.cursor('https://other.example.org', 'nvdimm')).toBeNull();
    write(t.store, { project: pwProject({ linkName: 'linux-nvdimm' }), cursor: pwCursor({ project: 'linux-nvdimm', asked: 'linux-nvdimm', eventDate: '2026-12-05T00:00:00.000000' }) });
    expect(t.store.patchwork.cursor(PW_SERVER, 'nvdimm')).toBeNull();
    expect(t.store.patchwork.cursor(PW_SERVER, 'linux-nvdimm')?.eventDate).toBe('2026-12-05T00:00:00.000000');
    expect(t.store.patchwork.projects().map((p) => p.project.linkName)).toEqual(['linux-nvdimm']);
  });

  it('lists the mail records name that the store lacks, oldest first, until marked unavailable', async () => {
    await importSources(t.store, [t.tmp.file('l.mbox', mbox([mail({ id: 'have@x' })]))], { list: 'nvdimm', mboxFormat: 'auto', workers: 0 });
    write(t.store, {
      project: pwProject(),
      patches: [pwPatch(1, 'have@x', 'new'), pwPatch(2, 'p2@x', 'new', { date: 20 }), pwPatch(3, 'p3@x', 'new', { date: 10, series: [] })],
      covers: [pwCover(4, 'c@x', 37, { date: 5 })],
    });
    expect(t.store.patchwork.lackingMail(PW_SERVER, 1, 0)).toEqual([
      { kind: 'cover', id: 4, messageId: 'c@x', seriesId: 37, date: 5, server: PW_SERVER },
      { kind: 'patch', id: 3, messageId: 'p3@x', seriesId: null, date: 10, server: PW_SERVER },
      { kind: 'patch', id: 2, messageId: 'p2@x', seriesId: 37, date: 20, server: PW_SERVER },
    ]);
    expect(t.store.patchwork.lackingMail(PW_SERVER, 2, 0)).toEqual([]);
    t.store.transaction(() => t.store.patchwork.markUnavailable(PW_SERVER, ['p3@x'], 500));
    expect(t.store.patchwork.lackingMail(PW_SERVER, 1, 100).map((m) => m.messageId)).toEqual(['c@x', 'p2@x']);
    expect(t.store.patchwork.lackingMail(PW_SERVER, 1, 600).map((m) => m.messageId)).toEqual(['c@x', 'p3@x', 'p2@x']);
  });

  it('moves its stamp with every write, and keeps everything through reindex', async () => {
    expect(t.store.patchwork.stamp()).toBe('');
    write(t.store, { project: pwProject(), patches: [pwPatch(1, 'a@x', 'new')], cursor: pwCursor() });
    const s1 = t.store.patchwork.stamp();
    write(t.store, { patches: [pwPatch(1, 'a@x', 'accepted')], at: 3000 });
    expect(t.store.patchwork.stamp()).not.toBe(s1);
    await reindexStore(t.store, { workers: 0 });
    expect(t.store.patchwork.patchesOf(['a@x'])[0]!.patch.state.slug).toBe('accepted');
    expect(t.store.patchwork.cursor(PW_SERVER, 'nvdimm')).not.toBeNull();
  });

  it('answers as a store without records (or rebuilt copies) when opened read-only from before the tables', () => {
    const path = `${t.tmp.dir}/old.sqlite`;
    openStore(path).close();
    const db = new Database(path);
    for (const t of [...PATCHWORK_TABLES, 'rebuilt_messages']) db.exec(`DROP TABLE ${t}`);
    db.close();
    const old = openStore(path, { readonly: true });
    try {
      expect(old.mail.rebuiltAmong(['a@x'])).toEqual(new Map());
      expect([old.patchwork.stamp(), old.patchwork.cursor(PW_SERVER, 'nvdimm'), old.patchwork.projects(), old.patchwork.patchesOf(['a@x']), [...old.patchwork.states()], [...old.patchwork.covers()], old.patchwork.lackingMail(PW_SERVER, 1, 0)]).toEqual(['', null, [], [], [], [], []]);
    } finally {
      old.close();
    }
    // Opened for writing, it gets them.
    const rw = openStore(path);
    expect(rw.patchwork.stamp()).toBe('');
    rw.close();
  });
});
