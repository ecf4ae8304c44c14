// Targeted pulls over HTTP: a thread (t.mbox.gz), one message (raw), search results as an mbox
// (POST ?q=...&x=m), and the messages of the Atom feed (new.atom) not in the store yet. Each
// download is complete and checked before it is imported (see http-client-fs.ts); a 404 is
// reported with what to try, except for a search, where it means "no hits".
//
// Search results are the hits only: the POST body is public-inbox's "results only" button
// (z=results+only), because a body starting with "x=" (its "full threads" button, and what
// liblore sends) or a t=1 parameter expands every hit to its whole thread, which for a broad
// query is most of a list. --threads asks for that expansion deliberately (x=full+threads).
import { readFile } from 'node:fs/promises';
import { emptySummary, importSources } from '../import/import-sources.ts';
import type { Store } from '../store/store-port.ts';
import type { Diagnostic, ImportSummary } from '../types.ts';
import type { HttpRequest, HttpResult } from './http-client-fs.ts';
import { ALL_LISTS, loreUrl, type LoreResource } from '../lore/lore-url.ts';
import { parseAtom } from './parse-atom.ts';
import { addImportSummary } from './import-totals.ts';
import type { DownloadReport, PullPlan, SyncEnv } from './sync-types.ts';

/** What one pull did. */
export interface PullResult {
  summary: ImportSummary;
  downloads: DownloadReport[];
  problems: Diagnostic[];
}

/** The POST bodies of public-inbox's two mbox download buttons on a search page. */
const RESULTS_ONLY_BODY = 'z=results+only';
const FULL_THREADS_BODY = 'x=full+threads';

/** Downloads up to this size are parsed without worker threads (a thread is usually < 1 MB). */
const SMALL_DOWNLOAD_BYTES = 4 * 1024 * 1024;

/** A pull for people (and progress labels): thread <mid>, message <mid>, query "q", LIST feed. */
export function describe(p: PullPlan): string {
  switch (p.kind) {
    case 'thread':
      return `thread <${p.messageId}>`;
    case 'message':
      return `message <${p.messageId}>`;
    case 'query':
      return `query ${JSON.stringify(p.query)}`;
    case 'recent':
      return `${p.list} feed`;
  }
}

/** The list recorded on imported mail: lore's "all" is not a list; List-Id says which it was. */
function listOf(p: PullPlan): string {
  return p.list === ALL_LISTS ? '' : p.list;
}

function notFound(p: PullPlan, what: string, r: Extract<HttpResult, { kind: 'not-found' }>): Diagnostic {
  const otherList = p.list === ALL_LISTS ? `check the Message-ID` : `if it went to another list, name that list with --list LIST, or search every list with --list ${ALL_LISTS} (lore only)`;
  return {
    code: 'http/not-found',
    message: `${what} is not in ${p.list} at ${p.base} (HTTP ${r.status}${r.text && !r.text.startsWith('<') ? `: ${r.text.split('\n')[0]!.slice(0, 80)}` : ''})`,
    source: r.url,
    hint: otherList,
    attempts: r.attempts,
    severity: 'error',
  };
}

/** Download one resource; on success, import it and report it. */
async function pullOne(
  store: Store,
  p: PullPlan,
  env: SyncEnv,
  out: PullResult,
  kind: DownloadReport['kind'],
  resource: LoreResource,
  req: Omit<HttpRequest, 'urls' | 'label' | 'onBytes'>,
): Promise<HttpResult> {
  const what = describe(p);
  const urls = [p.base, ...p.mirrors].map((b) => loreUrl(b, p.list, resource));
  const progress = env.progress(what);
  const r = await env.client.fetch({
    ...req,
    urls,
    label: what,
    onBytes: (n, total) => progress.update(n, total, `${what}: ${(n / 1048576).toFixed(1)} MB`),
  });
  progress.end();
  out.problems.push(...r.warnings);
  if (r.kind === 'failed') {
    out.problems.push({ ...r.problem, message: `${what}: ${r.problem.message}` });
    return r;
  }
  if (r.kind === 'not-found') return r;
  // A thread or a message parses faster on this thread than worker threads start. The series
  // and the discussion are brought up to date once, at the end of the sync (sync-fs.ts).
  const workers = r.bytes > SMALL_DOWNLOAD_BYTES ? env.workers : 0;
  const s = await importSources(store, [r.file], { list: listOf(p), mboxFormat: 'auto', workers, derive: false });
  addImportSummary(out.summary, s);
  out.downloads.push({ kind, subject: subjectOf(p), url: r.url, source: r.source, bytes: r.bytes, file: r.file, messages: s.read });
  env.log(`${what}: ${s.read} messages (${s.stored} new) from ${r.url}${r.source === 'network' ? '' : ` (${r.source === 'cache' ? 'cached' : 'not modified'})`}`);
  return r;
}

function subjectOf(p: PullPlan): string {
  return p.kind === 'query' ? p.query : p.kind === 'recent' ? p.list : p.messageId;
}

/** Run one targeted pull and import what it fetched. */
export async function pullHttpFs(store: Store, p: PullPlan, env: SyncEnv): Promise<PullResult> {
  const out: PullResult = { summary: emptySummary(), downloads: [], problems: [] };
  switch (p.kind) {
    case 'thread': {
      const r = await pullOne(store, p, env, out, 'thread', { kind: 'thread', messageId: p.messageId }, { expect: 'gzip', inner: 'mbox', cache: 'ttl' });
      if (r.kind === 'not-found') out.problems.push(notFound(p, `message <${p.messageId}>`, r));
      return out;
    }
    case 'message': {
      const r = await pullOne(store, p, env, out, 'message', { kind: 'raw', messageId: p.messageId }, { expect: 'mbox', cache: 'ttl' });
      if (r.kind === 'not-found') out.problems.push(notFound(p, `message <${p.messageId}>`, r));
      return out;
    }
    case 'query': {
      const query = p.since ? `(${p.query}) rt:${p.since}..` : p.query;
      const r = await pullOne(store, p, env, out, 'query', { kind: 'search', query }, {
        method: 'POST',
        body: p.threads ? FULL_THREADS_BODY : RESULTS_ONLY_BODY,
        expect: 'gzip',
        inner: 'mbox',
        cache: 'none',
      });
      if (r.kind === 'not-found') {
        // public-inbox answers a search without hits (or one it cannot parse) with 404.
        out.downloads.push({ kind: 'query', subject: p.query, url: r.url, source: 'none', bytes: 0, file: '', messages: 0 });
        env.log(`query ${JSON.stringify(query)}: no hits in ${p.list} (${r.text.split('\n')[0] || `HTTP ${r.status}`})`);
      }
      return out;
    }
    case 'recent': {
      const urls = [p.base, ...p.mirrors].map((b) => loreUrl(b, p.list, { kind: 'atom' }));
      const r = await env.client.fetch({ urls, expect: 'atom', cache: 'revalidate', label: `${p.list} feed` });
      out.problems.push(...r.warnings);
      if (r.kind === 'failed') {
        out.problems.push({ ...r.problem, message: `${p.list} feed: ${r.problem.message}` });
        return out;
      }
      if (r.kind === 'not-found') {
        out.problems.push({ ...notFound(p, `the feed`, r), hint: 'check the list name and base URL' });
        return out;
      }
      const feed = parseAtom(await readFile(r.file, 'utf8'));
      out.downloads.push({ kind: 'feed', subject: p.list, url: r.url, source: r.source, bytes: r.bytes, file: r.file, messages: -1 });
      if (!feed.ok || feed.problems.length) {
        out.problems.push({
          code: 'atom/malformed',
          message: `${p.list} feed: ${feed.problems.slice(0, 3).map((x) => x.message).join('; ')}`,
          source: r.url,
          hint: feed.ok ? 'the other entries were pulled' : 'the server may not be public-inbox; try patchlore sync LIST (git) instead',
          attempts: 1,
          severity: feed.ok ? 'warning' : 'error',
        });
      }
      // Ghosts (Message-IDs only referenced) do not count as stored.
      const missing = feed.entries.filter((e) => !store.mail.hasMessage(e.messageId));
      env.log(`${p.list} feed: ${feed.entries.length} entries, ${missing.length} not in the store`);
      for (const e of missing) {
        const m: PullPlan = { kind: 'message', messageId: e.messageId, list: p.list, base: p.base, mirrors: p.mirrors };
        const mr = await pullOne(store, m, env, out, 'message', { kind: 'raw', messageId: e.messageId }, { expect: 'mbox', cache: 'ttl' });
        if (mr.kind === 'not-found') out.problems.push({ ...notFound(m, `message <${e.messageId}> of the feed`, mr), severity: 'warning', hint: 'it may have been removed from the archive since the feed was written' });
        if (mr.kind === 'failed' && mr.problem.code === 'http/limit') break;
      }
      return out;
    }
  }
}
