import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../import/import-sources.ts';
import type { Store } from '../store/store-port.ts';
import { mbox, tempDir, tempStore } from '../test-support/mail-builder.ts';
import { DISCUSSION_IDS as D, discussionMail } from '../test-support/series-mail.ts';
import { checkTopicsFs, storeTopicsFs } from './read-topics-fs.ts';

describe('topics against a store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeAll(async () => {
    tmp = tempDir();
    store = tempStore(tmp.dir);
    await importSources(store, [tmp.file('l.mbox', mbox(discussionMail()))], { list: '', mboxFormat: 'auto', workers: 0 });
  });
  afterAll(() => {
    store.close();
    tmp.cleanup();
  });

  it('checks the topics of the lists the store holds, and leaves the others out', () => {
    tmp.file('ok.md', `---\ntitle: OK\nlists: [nvdimm]\nquery: 's:refcounts'\n---\n[[${D.answer}]]\n`);
    tmp.file('broken.md', `---\ntitle: Broken\nlists: [nvdimm]\nquery: 's:(refcounts'\nmessages: [gone@example.com]\n---\nText\n\n[[gone@example.com]]\n`);
    tmp.file('other.md', `---\ntitle: Other list\nlists: [linux-cxl]\nquery: 's:cxl'\n---\n[[gone@example.com]]\n`);
    const { topics, skipped } = storeTopicsFs(store, tmp.dir);
    expect(topics.map((t) => t.slug).sort()).toEqual(['broken', 'ok']);
    expect(skipped.map((t) => t.slug)).toEqual(['other']);
    const problems = checkTopicsFs(store, tmp.dir).map((p) => `${p.source!.replace(/.*\//, '')}:${p.locator}: ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^broken\.md:2: query: /),
      'broken.md:2: pinned <gone@example.com> is not in the store (https://lore.kernel.org/r/gone@example.com)',
      'broken.md:9: <gone@example.com> is not in the store (a message not in the archive cannot be cited)',
    ]);
  });

  it('has no topics when told so', () => {
    expect(storeTopicsFs(store, null).topics).toEqual([]);
  });
});
