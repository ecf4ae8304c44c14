// patchlore add against local stand-ins of every site: lore is Debian's public-inbox 1.9 serving
// six wish1 threads of the nvdimm corpus (not the 2021-06-17 compound pagemaps v2 thread, which
// lore "cannot serve"); lkml.iu.edu and spinics.net are the corpus's web-archives/ pages (the
// real hypermail 2.1.7 and 2.4.1 and MHonArc 2.6.19 wrote them) under those sites' URL shapes;
// Patchwork is the real Patchwork 3.2.1 rig with wish1 loaded; marc.info's raw view and
// lkml.org's headers view are modelled from corpus mail (no real page of theirs is in the
// corpus). Every URL form resolves to its Message-ID and pulls the whole thread; what lore cannot
// serve is imported from the page. Skips, saying why, without public-inbox, git or the corpus;
// the Patchwork cases without the rig.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../ingest/import/import-sources.ts';
import { openStore, sqlOf } from '../../ingest/store/sqlite-store-fs.ts';
import type { Store } from '../../ingest/store/store-port.ts';
import { tempDir } from '../../ingest/test-support/mail-builder.ts';
import { findThread } from '../../ingest/thread/thread-queries.ts';
import type { ThreadListing } from '../../ingest/read-models.ts';
import { missingRig, startRig, type Rig } from '../patchwork/patchwork-rig-fs.ts';
import { startPageSites, type PageSites, type SiteAnswer } from './page-sites-fs.ts';
import { appendCommits, CORPUS, createInbox, indexInbox, missing, openCorpus, startHttpd, type Corpus, type Httpd, type Inbox } from './public-inbox-fs.ts';
import { cli, writeConfig } from './run-cli.ts';

const ARCHIVES = join(CORPUS, 'web-archives');
const SEEDS = join(CORPUS, '../seeds');
const RFC = '2024-04-11_rfc-00-10-fs-dax-fix-fs-dax-page-reference-counts';
const V9 = '2025-02-28_patch-v9-00-20-fs-dax-fix-zone-device-page-reference-counts';
const PAGEMAPS = '2021-06-17_patch-v2-00-14-mm-sparse-vmemmap-introduce-compound-pagemaps';
const RFC_COVER = 'cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com';
/** Jason Gunthorpe's reply in the RFC thread: hypermail's 0011.html, MHonArc's msg00011.html. */
const JASON = '20240411122530.GQ5383@nvidia.com';
/** The sparse-vmemmap v9 cover letter (Patchwork's series 14, cover 11, patches 128-132). */
const SPARSE_V9 = '20220420155310.9712-1-joao.m.martins@oracle.com';
/** Jason Gunthorpe's "Not special means more to me" (seed 004), in a thread whose root is not on
 *  the list. */
const NOT_SPECIAL = '20211014230606.GZ2744544@nvidia.com';
/** Members of the threads lore serves (each thread is everything connected to one). */
const SERVED = [RFC_COVER, 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com', SPARSE_V9, NOT_SPECIAL, '166225775968.2351842.11156458342486082012.stgit@dwillia2-xfh.jf.intel.com'];
/** The first message of the compound pagemaps v2 thread, which lore does not serve. */
const PAGEMAPS_COVER = '20210617184507.3662-1-joao.m.martins@oracle.com';

/** One row of the corpus index. */
interface Row {
  commit: string;
  id: string;
  parent: string;
}

function indexRows(): Row[] {
  return readFileSync(join(CORPUS, 'nvdimm/full/all.index.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map((r) => ({ commit: r[1]!, id: r[4]!.replace(/^<|>$/g, ''), parent: r[5]!.replace(/^<|>$/g, '') }));
}

/** Every message connected to one of `ids` by In-Reply-To, either way. */
function threadsOf(rows: readonly Row[], ids: readonly string[]): Set<string> {
  const out = new Set(ids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (!r.parent || out.has(r.id) === out.has(r.parent)) continue;
      out.add(r.id);
      out.add(r.parent);
      grew = true;
    }
  }
  return out;
}

/** The raw bytes of a corpus message, by Message-ID. */
function rawOf(corpus: Corpus, rows: readonly Row[], id: string): Buffer {
  const commit = rows.find((r) => r.id === id)!.commit;
  return execFileSync('git', ['--git-dir', corpus.gitDir, 'show', `${commit}:m`], { maxBuffer: 1 << 26 });
}

/** The header block of a message as a page shows it (lkml.org's headers view, modelled). */
function headersPage(raw: Buffer): string {
  const head = raw.toString('utf8').split(/\r?\n\r?\n/, 1)[0]!;
  const esc = head.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html><html><head><title>LKML: headers</title></head><body><pre>${esc}</pre></body></html>`;
}

describe.skipIf(missing)(`patchlore add against local stand-ins of lore and the archive sites${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let inbox: Inbox;
  let httpd: Httpd;
  let sites: PageSites;
  let rig: Rig | null = null;
  let rigProblem: string | null = missingRig;
  let config: string;
  let ref: Store;
  let n = 0;

  beforeAll(async () => {
    tmp = tempDir('patchlore-add-');
    const corpus = openCorpus(tmp.dir);
    const rows = indexRows();
    const served = threadsOf(rows, SERVED);
    expect(served.has(PAGEMAPS_COVER)).toBe(false);
    const commits = new Set(rows.filter((r) => served.has(r.id)).map((r) => r.commit));
    // Indexed in full: add searches lore for a page that gives no usable Message-ID.
    inbox = createInbox(join(tmp.dir, 'pi'), 'nvdimm', 'full');
    appendCommits(inbox, 0, corpus, corpus.commits.filter((c) => commits.has(c.sha)));
    indexInbox(inbox);
    httpd = await startHttpd(inbox.config);
    const marcRaw = rawOf(corpus, rows, NOT_SPECIAL);
    sites = await startPageSites((path): SiteAnswer | null => {
      const html = (file: string): SiteAnswer => ({ kind: 'file', path: file, type: 'text/html; charset=utf-8' });
      let m = /^\/iu(24)?\/hypermail\/linux\/kernel\/([\w.-]+)\/(\d{4}\.html)$/.exec(path);
      if (m) return html(join(ARCHIVES, m[1] ? 'hypermail-2.4.1' : 'hypermail', m[2]!, m[3]!));
      m = /^\/spinics\/lists\/([\w.-]+)\/(msg\d{5}\.html)$/.exec(path);
      if (m) return html(join(ARCHIVES, 'mhonarc', m[1]!, m[2]!));
      if (path === '/marc/?l=linux-mm&m=163425282417742&q=raw') return { kind: 'body', body: marcRaw, type: 'text/plain' };
      if (path === '/lkmlorg/lkml/mheaders/2021/10/14/1234') return { kind: 'body', body: headersPage(marcRaw), type: 'text/html' };
      return null;
    });
    if (!rigProblem) {
      try {
        rig = await startRig(join(tmp.dir, 'patchwork'));
      } catch (err) {
        rigProblem = (err as Error).message;
      }
    }
    config = writeConfig(tmp.dir, { base: httpd.url, lists: ['nvdimm'], http: { delayMs: 5 } });
    ref = openStore(join(tmp.dir, 'ref.sqlite'));
    await importSources(ref, [inbox.epoch(0)], { list: 'nvdimm', mboxFormat: 'auto', workers: 0 });
  }, 600_000);

  afterAll(async () => {
    ref?.close();
    await rig?.stop();
    await sites?.close();
    await httpd?.stop();
    tmp?.cleanup();
  });

  const pageBases = (): string[] => [
    ['lkml.iu.edu', `${sites.url}/iu`],
    ['lkml.indiana.edu', `${sites.url}/iu24`],
    ['www.spinics.net', `${sites.url}/spinics`],
    ['marc.info', `${sites.url}/marc`],
    ['lkml.org', `${sites.url}/lkmlorg`],
    ...(rig ? [['patchwork.kernel.org', rig.url]] : []),
  ].flatMap(([host, base]) => ['--page-base', `${host}=${base}`]);
  /** Add into a fresh store and cache; the store opened read-only afterwards. */
  async function add(...args: string[]) {
    n++;
    const db = join(tmp.dir, `s${n}.sqlite`);
    const r = await cli('add', '--db', db, '--config', config, '--cache', join(tmp.dir, `c${n}`), '--json', ...pageBases(), ...args);
    return { ...r, db };
  }
  const thread = (db: string, id: string): ThreadListing | null => {
    const s = openStore(db, { readonly: true });
    try {
      return findThread(s, id);
    } finally {
      s.close();
    }
  };
  const recovered = (db: string): number => {
    const s = openStore(db, { readonly: true });
    try {
      return (sqlOf(s).prepare('SELECT count(*) AS n FROM messages WHERE recovered IS NOT NULL').get() as { n: number }).n;
    } finally {
      s.close();
    }
  };

  const LORE_FORMS: Array<[string, string]> = [
    ['lore message page', `https://lore.kernel.org/nvdimm/${JASON}/`],
    ['lore /T/', `https://lore.kernel.org/nvdimm/${JASON}/T/#u`],
    ['lore /t/', `https://lore.kernel.org/nvdimm/${JASON}/t/`],
    ['lore /raw', `https://lore.kernel.org/nvdimm/${JASON}/raw`],
    ['lore t.mbox.gz', `https://lore.kernel.org/nvdimm/${JASON}/t.mbox.gz`],
    ['lore /r/', `https://lore.kernel.org/r/${JASON}`],
    ['patch.msgid.link', `https://patch.msgid.link/${JASON}`],
    ['lkml.kernel.org/r/', `https://lkml.kernel.org/r/${JASON}`],
    ['marc.info ?i=', `https://marc.info/?i=${JASON}`],
  ];
  it.each(LORE_FORMS)('%s: the Message-ID from the URL, the whole thread from lore', async (_, url) => {
    const r = await add(url);
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j.resolved).toEqual([{ input: url, messageId: JASON, via: 'url', imported: 'thread', source: url }]);
    expect(j.fetched.requests).toBe(1);
    expect(thread(r.db, JASON)).toEqual(findThread(ref, JASON));
    expect(thread(r.db, JASON)!.messages.filter((m) => !m.ghost)).toHaveLength(45);
  });

  it('an lkml.iu.edu page (hypermail 2.1.7) and a spinics.net page (MHonArc): the Message-ID read from the page', async () => {
    for (const [url, source] of [
      [`https://lkml.iu.edu/hypermail/linux/kernel/${RFC}/0011.html`, 'iu'],
      [`https://www.spinics.net/lists/${RFC}/msg00011.html`, 'spinics'],
    ] as const) {
      sites.requests.length = 0;
      const r = await add(url);
      expect(r.code, r.err + r.out).toBe(0);
      expect(r.json().resolved).toEqual([{ input: url, messageId: JASON, via: 'page', imported: 'thread', source: url }]);
      expect(sites.requests).toEqual([new URL(url).pathname.replace(/^/, `/${source}`)]);
      expect(thread(r.db, JASON)).toEqual(findThread(ref, JASON));
      expect(recovered(r.db)).toBe(0);
    }
  });

  it("marc.info's message page (its raw view) and lkml.org's (its headers view): the Message-ID from the headers", async () => {
    for (const url of ['https://marc.info/?l=linux-mm&m=163425282417742&w=2', 'https://lkml.org/lkml/2021/10/14/1234']) {
      const r = await add(url);
      expect(r.code, r.err + r.out).toBe(0);
      expect(r.json().resolved).toEqual([{ input: url, messageId: NOT_SPECIAL, via: 'headers', imported: 'thread', source: url }]);
      expect(thread(r.db, NOT_SPECIAL)).toEqual(findThread(ref, NOT_SPECIAL));
    }
  });

  it('Patchwork: a page by Message-ID, a numeric patch URL (redirected), a series list and a series mbox', async (ctx) => {
    if (!rig) ctx.skip(`no Patchwork rig: ${rigProblem}`);
    const cover = `https://patchwork.kernel.org/project/nvdimm/cover/${SPARSE_V9}/`;
    const expected = findThread(ref, SPARSE_V9);
    expect(expected!.messages.filter((m) => !m.ghost).length).toBeGreaterThan(5);
    const byId = await add(cover);
    expect(byId.json().resolved).toEqual([{ input: cover, messageId: SPARSE_V9, via: 'url', imported: 'thread', source: cover }]);
    // Series 14 is sparse-vmemmap v9 (cover 11, patches 128-132) in the rig's wish1 load.
    for (const [url, via] of [
      ['https://patchwork.kernel.org/patch/128/', 'page'],
      ['https://patchwork.kernel.org/project/nvdimm/list/?series=14', 'headers'],
      ['https://patchwork.kernel.org/series/14/', 'headers'],
    ] as const) {
      const r = await add(url);
      expect(r.code, r.err + r.out).toBe(0);
      const j = r.json();
      expect(j.resolved.length, url).toBeGreaterThan(0);
      expect(j.resolved.every((x: { via: string; imported: string }) => x.via === via && x.imported === 'thread'), JSON.stringify(j.resolved)).toBe(true);
      expect(thread(r.db, SPARSE_V9), url).toEqual(expected);
      // One page (or mbox) and one thread: the other patches came with it.
      expect(j.fetched.downloads.filter((d: { kind: string }) => d.kind === 'thread'), url).toHaveLength(1);
    }
  });

  it('what lore cannot serve: the page itself, marked as recovered from it, the 404 kept as a warning', async () => {
    const url = `https://lkml.iu.edu/hypermail/linux/kernel/${PAGEMAPS}/0000.html`;
    const r = await add(url);
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j.resolved).toEqual([{ input: url, messageId: PAGEMAPS_COVER, via: 'page', imported: 'page', source: url }]);
    expect(j.fetched.problems).toEqual([expect.objectContaining({ code: 'http/not-found', severity: 'warning', hint: expect.stringMatching(/^the page itself was imported instead/) })]);
    expect(j.stored).toBe(1);
    const s = openStore(r.db, { readonly: true });
    try {
      const row = sqlOf(s).prepare('SELECT recovered FROM messages WHERE message_id = ?').get(PAGEMAPS_COVER) as { recovered: string };
      expect(JSON.parse(row.recovered)).toMatchObject({ generator: 'hypermail', version: '2.1.7', source: url, messageId: 'complete' });
      expect(s.mail.sightingsOf(1)).toEqual([{ source: url, locator: '', list: '' }]);
    } finally {
      s.close();
    }
  });

  it('a saved public-inbox thread directory: every Message-ID read, one thread pulled', async () => {
    const dir = join(ARCHIVES, 'public-inbox-html', RFC);
    const r = await add(dir);
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(new Set(j.resolved.map((x: { messageId: string }) => x.messageId)).size).toBe(45);
    expect(j.resolved.every((x: { via: string; imported: string }) => x.via === 'file' && x.imported === 'thread')).toBe(true);
    expect(j.fetched.downloads.map((d: { kind: string }) => d.kind)).toEqual(['thread']);
    expect(thread(r.db, RFC_COVER)).toEqual(findThread(ref, RFC_COVER));
  });

  it('saved hypermail 2.4.1 pages (Message-IDs cut): the thread from the IDs left, every page then matched to its mail', async () => {
    const dir = join(ARCHIVES, 'hypermail-2.4.1', RFC);
    const r = await add(dir);
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j.fetched.downloads.filter((d: { kind: string }) => d.kind === 'thread')).toHaveLength(1);
    // The 44 pages whose IDs were cut, matched to the pulled mail: copies of it, no placeholder left.
    expect(j.diagnostics.filter((d: { code: string }) => d.code === 'store/recovered-copy')).toHaveLength(44);
    expect(recovered(r.db)).toBe(0);
    expect(thread(r.db, RFC_COVER)).toEqual(findThread(ref, RFC_COVER));
  });

  // The seed documents are text copies of archive pages. They do not carry their URLs: each one's
  // site is told by its layout, and its message found in the corpus by its text. Where the corpus
  // has the message, add is given a URL of it in that site's form where one names the message
  // (Patchwork's page by Message-ID), else its lore URL; the thread pulled must hold the seed's
  // words. The two pages from before the corpus (2017, 2020) have no thread here.
  const SEED_CASES: Array<{ seed: string; site: string; text: string; message: string | null; url?: string }> = [
    { seed: '000_3d5995231e54cf97.txt', site: 'lkml.iu.edu', text: 'checking for page-idle it\'s checking for "get_user_pages()" idle', message: null },
    {
      seed: '001_a5a61db4d6f739a3.txt',
      site: 'spinics.net',
      text: 'flag DAX_ZAP to track that this page is unreferenced',
      message: '631a420ad2f28_166f29423@dwillia2-xfh.jf.intel.com.notmuch',
      url: 'https://lore.kernel.org/nvdimm/631a420ad2f28_166f29423@dwillia2-xfh.jf.intel.com.notmuch/',
    },
    { seed: '002_53fe9e40f8165a66.txt', site: 'lkml.iu.edu', text: "You're overlooking that the page reference count 1 after", message: null },
    {
      seed: '003_9dd4229fe2479e56.txt',
      site: 'Patchwork',
      text: 'FS DAX pages have always maintained their own page reference counts',
      message: RFC_COVER,
      url: `https://patchwork.kernel.org/project/linux-mm/cover/${RFC_COVER}/`,
    },
    { seed: '004_e419c30222af6864.txt', site: 'unknown (its text is flattened)', text: 'Not special means more to me', message: NOT_SPECIAL, url: `https://lore.kernel.org/nvdimm/${NOT_SPECIAL}/` },
  ];
  /** The site a seed's layout shows. */
  const siteOf = (text: string): string =>
    /^\[Date Prev\]\[Date Next\]/m.test(text) ? 'spinics.net' : /^Message ID \S+@\S+$/m.test(text) ? 'Patchwork' : /^Date: \w{3} \w{3} \d\d \d{4} - [\d:]+ E[SD]T$/m.test(text) ? 'lkml.iu.edu' : 'unknown (its text is flattened)';
  it.each(SEED_CASES)('seed $seed ($site): its thread, where the corpus has it', async ({ seed, site, text, message, url }) => {
    const doc = readFileSync(join(SEEDS, seed), 'utf8');
    expect(siteOf(doc)).toBe(site);
    expect(doc.replace(/\s+/g, ' ')).toContain(text);
    if (message === null) {
      // Written before the corpus starts (2021-05-18): no thread of it here.
      const date = /^Date: \w{3} (\w{3}) (\d\d) (\d{4})/m.exec(doc)!;
      expect(Date.parse(`${date[1]} ${date[2]} ${date[3]}`)).toBeLessThan(Date.parse('2021-05-18'));
      return;
    }
    // Patchwork's page carries its Message-ID: the seed shows it.
    if (site === 'Patchwork') expect(doc).toContain(`Message ID ${message}`);
    const r = await add(url!);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.json().resolved).toEqual([{ input: url, messageId: message, via: 'url', imported: 'thread', source: url }]);
    expect(thread(r.db, message)).toEqual(findThread(ref, message));
    const s = openStore(r.db, { readonly: true });
    try {
      expect(s.mail.bodyOf(message).replace(/\s+/g, ' ')).toContain(text);
    } finally {
      s.close();
    }
  });

  it('a page whose Message-ID the archive cut (hypermail 2.4.1): found by a lore search for its subject and date, then matched', async () => {
    const url = `https://lkml.indiana.edu/hypermail/linux/kernel/${RFC}/0011.html`;
    const r = await add(url);
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j.resolved).toEqual([{ input: url, messageId: JASON, via: 'search', imported: 'thread', source: url }]);
    expect(j.fetched.downloads.map((d: { kind: string; subject: string }) => [d.kind, d.subject])).toEqual([
      ['query', 's:"Re: [RFC 02/10] mm/hmm: Remove dead check for HugeTLB and FS DAX" d:20240410..20240412'],
    ]);
    expect(recovered(r.db)).toBe(0);
    expect(thread(r.db, JASON)).toEqual(findThread(ref, JASON));
  });

  it('a message URL while lore is down: nothing imported, exit 1, the failure said', async () => {
    const down = writeConfig(tmp.dir, { base: 'http://127.0.0.1:9', lists: ['nvdimm'], http: { retries: 0 } }, 'down.json');
    const r = await cli('add', '--db', join(tmp.dir, 'down.sqlite'), '--config', down, '--cache', join(tmp.dir, 'cdown'), '--json', `https://lore.kernel.org/r/${JASON}`);
    expect(r.code).toBe(1);
    const j = r.json();
    expect(j.resolved).toEqual([{ input: `https://lore.kernel.org/r/${JASON}`, messageId: JASON, via: 'url', imported: 'nothing', source: `https://lore.kernel.org/r/${JASON}` }]);
    expect(j.fetched.problems).toEqual([expect.objectContaining({ code: 'http/network', severity: 'error' })]);
  });

  it('refuses what it cannot read before fetching anything (exit 2)', async () => {
    const r = await cli('add', '--db', join(tmp.dir, 'bad.sqlite'), '--config', config, 'https://lore.kernel.org/nvdimm/', 'https://lkml.iu.edu/hypermail/');
    expect(r.code).toBe(2);
    expect(r.err).toContain('names the list nvdimm, not a message');
    expect(r.err).toContain('an lkml.iu.edu message page is e.g.');
  });
});
