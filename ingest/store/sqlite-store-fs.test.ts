import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAndMine } from '../import/parse-pool.ts';
import { mail, tempDir, tempStore } from '../test-support/mail-builder.ts';
import { storeMessage } from '../import/store-message.ts';
import { ALL_FIELDS } from '../search/query-prefixes.ts';
import { FTS_COLUMNS } from './schema.ts';
import { sqlOf } from './sqlite-store-fs.ts';
import type { Store } from './store-port.ts';

async function storeMail(store: Store, id: string, body: string, wrap: (f: () => void) => void): Promise<void> {
  const bytes = Buffer.from(mail({ id, body }));
  const sha = createHash('sha256').update(bytes).digest('hex');
  const o = await parseAndMine({ kind: 'raw', bytes, origin: { source: 'test', locator: id, list: '' }, envelopeDate: null }, sha);
  if (o.kind !== 'message') throw new Error('not parsed');
  wrap(() => storeMessage(store, store.mail.insertRaw(sha, bytes, null, null), o.message, o.meta));
}

describe('Store full-text rows', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  const found = (word: string): number => (sqlOf(store).prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(word) as { n: number }).n;
  beforeAll(() => {
    tmp = tempDir();
    store = tempStore(tmp.dir);
  });
  afterAll(() => {
    store.close();
    tmp.cleanup();
  });

  it('are written with the message outside a transaction, at the end of Store.transaction, and inside a transaction opened on db', async () => {
    await storeMail(store, 'plain@x', 'alphaword\n', (f) => f());
    await storeMail(store, 'wrapped@x', 'betaword\n', (f) => store.transaction(f));
    await storeMail(store, 'raw@x', 'gammaword\n', (f) => sqlOf(store).transaction(f)());
    await storeMail(store, 'nested@x', 'deltaword\n', (f) => sqlOf(store).transaction(() => store.transaction(f))());
    expect([found('alphaword'), found('betaword'), found('gammaword'), found('deltaword')]).toEqual([1, 1, 1, 1]);
  });

  it('are not written when the transaction rolls back', async () => {
    await expect(
      storeMail(store, 'rolled@x', 'epsilonword\n', (f) =>
        store.transaction(() => {
          f();
          throw new Error('roll back');
        }),
      ),
    ).rejects.toThrow('roll back');
    expect(found('epsilonword')).toBe(0);
  });
});

describe('the full-text table', () => {
  it('has a column per search field, in the search stage order', () => {
    expect(FTS_COLUMNS).toEqual(ALL_FIELDS);
  });
});
