import { describe, expect, it } from 'vitest';
import { importSources } from '../import/import-sources.ts';
import { MINE_RULES } from '../patch/mine-patch.ts';
import { sqlOf } from '../store/sqlite-store-fs.ts';
import { mail, mbox } from '../test-support/mail-builder.ts';
import { useTempStore } from '../test-support/temp-store.ts';
import { deriveStore, staleDerivations } from './derive-store.ts';

describe('patch facts derivation', () => {
  const t = useTempStore();

  const patch = mail({ id: 'p1@example.org', from: 'Ann <ann@example.org>', subject: '[PATCH] foo: fix bar', body: 'Fix it.\n\nSigned-off-by: Ann <ann@example.org>\n---\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n' });
  const reply = mail({ id: 'r1@example.org', from: 'Bob <bob@example.org>', subject: 'Re: [PATCH] foo: fix bar', inReplyTo: 'p1@example.org', body: 'Looks good.\n\nReviewed-by: Bob <bob@example.org>\n' });

  it('mines new mail with the current rules at import, and has nothing to mine again', async () => {
    await importSources(t.store, [t.tmp.file('a.mbox', mbox([patch, reply]))], { list: '', mboxFormat: 'auto', workers: 0 });
    expect(t.store.mail.staleMineInputs(MINE_RULES, 0, 10)).toEqual([]);
    expect(staleDerivations(t.store, { workers: 0 })).toEqual([]);
  });

  it('mines again what older rules found, then the series read the new facts', async () => {
    await importSources(t.store, [t.tmp.file('a.mbox', mbox([patch, reply]))], { list: '', mboxFormat: 'auto', workers: 0 });
    // A store mined by the first rules: no version, and facts those rules got wrong.
    const db = sqlOf(t.store);
    db.prepare(`UPDATE patch_meta SET meta = json_remove(json_set(meta, '$.trailers', json('[]')), '$.rules')`).run();
    db.prepare("DELETE FROM meta WHERE key = 'derivation:patch'").run();
    expect(t.store.mail.staleMineInputs(MINE_RULES, 0, 10).map((r) => r.subject)).toEqual(['[PATCH] foo: fix bar', 'Re: [PATCH] foo: fix bar']);
    expect(staleDerivations(t.store, { workers: 0 }).map((d) => d.name)).toEqual(['patch', 'series', 'discussion', 'commits', 'patchwork', 'outcomes']);
    const report = await deriveStore(t.store, { workers: 0 });
    expect(report.steps.find((s) => s.name === 'patch')?.count).toBe(2);
    expect(t.store.mail.staleMineInputs(MINE_RULES, 0, 10)).toEqual([]);
    const posting = t.store.series.postingOfMember('p1@example.org');
    expect(posting).not.toBeNull();
    expect(t.store.series.trailers(posting!, 'p1@example.org').map((t) => `${t.name}: ${t.value}`).sort()).toEqual(['Reviewed-by: Bob <bob@example.org>', 'Signed-off-by: Ann <ann@example.org>']);
  });
});
