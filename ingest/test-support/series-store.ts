// Test helpers: a store in a temporary directory holding the small series lineage of
// series-mail.ts, imported as list "nvdimm" (close() closes it and removes the directory); mail
// parsed and mined once, then stored into any number of stores as the import stores it (raw copy,
// message, patch facts), part by part; and a series stage result written as a whole into a store's
// series tables (the reference a derivation is compared with).
import { createHash } from 'node:crypto';
import { importSources } from '../import/import-sources.ts';
import { parseAndMine, type MinedOutcome } from '../import/parse-pool.ts';
import { storeMessage } from '../import/store-message.ts';
import type { SeriesResult } from '../series/build-series.ts';
import { authorKey, foundUnder, poolKeys } from '../series/link-revisions.ts';
import { readSourceFs } from '../source/read-source-fs.ts';
import type { Store } from '../store/store-port.ts';
import { mbox, tempDir, tempStore } from './mail-builder.ts';
import { seriesMail } from './series-mail.ts';

export interface SeriesStore {
  store: Store;
  tmp: ReturnType<typeof tempDir>;
  close(): void;
}

export async function seriesStore(): Promise<SeriesStore> {
  const tmp = tempDir();
  const store = tempStore(tmp.dir);
  await importSources(store, [tmp.file('l.mbox', mbox(seriesMail()))], { list: 'nvdimm', mboxFormat: 'auto', workers: 0 });
  return {
    store,
    tmp,
    close() {
      store.close();
      tmp.cleanup();
    },
  };
}

/** One raw message with what parsing and mining made of it. */
export interface PreparedMail {
  bytes: Uint8Array;
  sha256: string;
  outcome: MinedOutcome;
}

async function prepare(bytes: Uint8Array, source: string): Promise<PreparedMail> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const outcome = await parseAndMine({ kind: 'raw', bytes, origin: { source, locator: sha256, list: '' }, envelopeDate: null }, sha256);
  return { bytes, sha256, outcome };
}

/** Messages given as text. */
export async function prepareMail(messages: readonly string[]): Promise<PreparedMail[]> {
  return Promise.all(messages.map((m) => prepare(Buffer.from(m), 'test')));
}

/** Every message of mail files (mbox, .gz, ...). */
export async function prepareFiles(paths: readonly string[]): Promise<PreparedMail[]> {
  const out: PreparedMail[] = [];
  for (const path of paths) {
    for await (const item of readSourceFs(path, { list: '', mboxFormat: 'auto' })) if (item.kind === 'raw') out.push(await prepare(item.raw.bytes, path));
  }
  return out;
}

/** Store prepared mail as one import batch (copies already stored are skipped). */
export function storePrepared(store: Store, mails: readonly PreparedMail[]): void {
  store.transaction(() => {
    for (const m of mails) {
      if (store.mail.knownRaw(m.sha256)) continue;
      const rawId = store.mail.insertRaw(m.sha256, m.bytes, null, null);
      if (m.outcome.kind === 'unparsed') store.mail.storeUnparsed(rawId, m.outcome.unparsed.reason);
      else storeMessage(store, rawId, m.outcome.message, m.outcome.meta);
    }
    store.derived.bumpGeneration();
  });
}

/** Write a whole series result into a store's (empty) series tables. */
export function writeSeriesResult(store: Store, r: SeriesResult): void {
  store.transaction(() => {
    store.series.clear();
    const collected = r.trailers.filter((t) => t.source !== 'carried');
    store.series.replacePostings([], { postings: r.postings.map((posting) => ({ posting, authorKey: authorKey(posting), foundUnder: foundUnder(posting), poolKeys: poolKeys(posting) })), trailers: collected, mismatches: r.mismatches });
    store.series.replaceLineages(
      r.postings.map((p) => p.id),
      r.revisions,
      r.trailers.filter((t) => t.source === 'carried'),
    );
  });
}
