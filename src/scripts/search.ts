// Browser side of /search/: reads ?q= (and &sort=), parses the lore query, runs it on the sharded
// static index (fetching only the shards its words need), and shows hits grouped by series and
// thread. Everything from mail is set with textContent: subjects, names and snippets are
// mail-controlled. Keyboard: "/" focuses the search box, j/k move between results, Enter opens.
import { formatQueryError, parseQuery } from '../../ingest/search/parse-query.ts';
import { highlightOf, markPieces } from '../../ingest/search/search-snippet.ts';
import { messagePath } from '../lib/paths.ts';
import { messageIdQuery } from '../lib/search-query.ts';
import { StaticQueryError, rowOf, runQuery, threadOf, type Loader } from '../lib/search-engine.ts';
import { groupResults, type ResultHit } from '../lib/search-results-view.ts';
import { relaxations, type Relaxation } from '../lib/search-suggest.ts';
import type { QueryNode } from '../../ingest/search/query-types.ts';
import { frontDecode, type DocRow, type FacetFile, type FamilyName, type SearchMeta, type ShardEntry } from '../lib/search-static-format.ts';

/** Thread groups shown at first and per "More results". */
const PAGE_GROUPS = 10;

const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const errorBox = document.getElementById('search-error')!;
const more = document.getElementById('search-more') as HTMLButtonElement;
const sortLine = document.getElementById('search-sort')!;
const input = document.querySelector<HTMLInputElement>('form.search input[name=q]')!;

const json = <T>(path: string): Promise<T> =>
  fetch(path).then((r) => {
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return r.json() as Promise<T>;
  });
const cache = new Map<string, Promise<unknown>>();
const once = <T>(path: string, load: () => Promise<T>): Promise<T> => {
  if (!cache.has(path)) cache.set(path, load());
  return cache.get(path) as Promise<T>;
};
const loader: Loader = {
  meta: () => once('/search/index.json', () => json<SearchMeta>('/search/index.json')),
  boundaries: (f: FamilyName) => once(`/search/${f}/index.txt`, () => fetch(`/search/${f}/index.txt`).then((r) => r.text()).then(frontDecode)),
  shard: (f: FamilyName, n: number) => once(`/search/${f}/${n}.json`, () => json<ShardEntry[]>(`/search/${f}/${n}.json`)),
  docs: (c: number) => once(`/search/docs/${c}.json`, () => json<DocRow[]>(`/search/docs/${c}.json`)),
  facet: (name: string) => once(`/search/facets/${name}.json`, () => json<FacetFile>(`/search/facets/${name}.json`)),
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function sortLinks(q: string, sort: string): void {
  sortLine.hidden = false;
  for (const s of ['relevance', 'date']) {
    const a = document.getElementById(`sort-${s}`) as HTMLAnchorElement;
    a.href = `/search/?q=${encodeURIComponent(q)}${s === 'date' ? '&sort=date' : ''}`;
    if (s === sort) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
}

async function rowsOf(docs: number[], chunkStarts: readonly number[]): Promise<Map<number, DocRow>> {
  const chunks = [...new Set(docs.map((d) => rowOf(chunkStarts, d).chunk))];
  const byChunk = new Map(await Promise.all(chunks.map((c) => loader.docs(c).then((rows) => [c, rows] as const))));
  const out = new Map<number, DocRow>();
  for (const d of docs) {
    const at = rowOf(chunkStarts, d);
    out.set(d, byChunk.get(at.chunk)![at.index]!);
  }
  return out;
}

function hitItem(h: ResultHit, highlight: ReturnType<typeof highlightOf>): HTMLLIElement {
  const [messageId, subject, author, date, href, lists, , , summary] = h.row;
  const li = el('li', 'search-hit');
  li.dataset.messageId = messageId;
  const a = el('a', undefined, subject || '(no subject)');
  a.href = href;
  const meta = el('span', 'meta', `${author} · ${date.slice(0, 10) || 'no date'}${lists ? ` · ${lists}` : ''}`);
  const snippet = el('span', 'search-snippet');
  for (const p of markPieces(summary, highlight)) snippet.append(p.mark ? el('mark', undefined, p.text) : p.text);
  li.append(a, meta, snippet);
  return li;
}

async function run(q: string, sort: 'relevance' | 'date'): Promise<void> {
  list.replaceChildren();
  errorBox.hidden = true;
  more.hidden = true;
  if (!q.trim()) {
    // Nothing asked yet: the help says what can be asked.
    status.textContent = 'Type a query above: words, "a phrase", prefixes such as s: f: dfn: d: (listed below), or a Message-ID.';
    const help = document.querySelector<HTMLDetailsElement>('details.search-help');
    if (help) help.open = true;
    return;
  }
  const mid = messageIdQuery(q);
  if (mid) {
    // A Message-ID: its permalink finds it, whatever the index holds.
    const a = el('a', undefined, `<${mid}>`);
    a.href = messagePath(mid);
    status.replaceChildren('Go to message ', a);
    return;
  }
  const parsed = parseQuery(q);
  if (parsed.kind === 'error') {
    status.textContent = 'Cannot read this query.';
    errorBox.hidden = false;
    errorBox.replaceChildren(formatQueryError(q, parsed.error).replace(/\n  e\.g\. .*$/, ''), '\n  e.g. ');
    const fix = el('a', undefined, parsed.error.example);
    fix.href = `/search/?q=${encodeURIComponent(parsed.error.example)}`;
    errorBox.append(fix);
    return;
  }
  status.textContent = 'Searching…';
  let result;
  try {
    result = await runQuery(parsed.query, loader, sort);
  } catch (err) {
    status.textContent = err instanceof StaticQueryError ? err.message : `The search index could not be read: ${(err as Error).message}`;
    return;
  }
  const { hits, threadStarts, chunkStarts } = result;
  sortLinks(q, sort);
  const threadsOf = (d: number): number => threadOf(threadStarts, d);
  const threads = new Set(hits.map((h) => threadsOf(h.doc))).size;
  const highlight = highlightOf(parsed.query);
  // Show groups a page at a time: rows are fetched only for what is shown.
  const order: number[] = [];
  const seen = new Set<number>();
  for (const h of hits) {
    const t = threadsOf(h.doc);
    if (!seen.has(t)) {
      seen.add(t);
      order.push(t);
    }
  }
  let shown = 0;
  const showMore = async (): Promise<void> => {
    const want = new Set(order.slice(shown, shown + PAGE_GROUPS));
    shown += PAGE_GROUPS;
    const page = hits.filter((h) => want.has(threadsOf(h.doc)));
    const rows = await rowsOf(page.map((h) => h.doc), chunkStarts);
    for (const g of groupResults(page.map((h) => ({ doc: h.doc, row: rows.get(h.doc)! })), threadsOf)) {
      const li = el('li');
      if (g.seriesHref) {
        const head = el('p', 'search-series', 'Series: ');
        const a = el('a', undefined, g.seriesTitle || 'series');
        a.href = g.seriesHref;
        head.append(a);
        li.append(head);
      }
      for (const t of g.threads) {
        const box = el('section', 'search-thread');
        const first = t.hits[0]!.row;
        const h3 = el('h3', undefined, `Thread: ${first[1].replace(/^(?:(?:re|aw|fwd?):\s*)+/i, '') || '(no subject)'}`);
        box.append(h3);
        const ol = el('ol', 'search-hits');
        for (const h of t.hits) ol.append(hitItem(h, highlight));
        box.append(ol);
        li.append(box);
      }
      list.append(li);
    }
    more.hidden = shown >= order.length;
  };
  more.onclick = () => void showMore();
  await showMore();
  if (hits.length === 0) await offerRelaxations(parsed.query, sort);
  // Said last: tests and screen readers take this line as "results are shown".
  status.textContent =
    hits.length === 0 ? 'No messages match.' : `${hits.length} ${hits.length === 1 ? 'message matches' : 'messages match'} in ${threads} ${threads === 1 ? 'thread' : 'threads'}.`;
}

/** For a query that finds nothing: the looser queries that find something, as links. */
async function offerRelaxations(query: QueryNode, sort: 'relevance' | 'date'): Promise<void> {
  const found: Array<{ r: Relaxation; n: number }> = [];
  for (const r of relaxations(query)) {
    const p = parseQuery(r.query);
    if (p.kind !== 'ok') continue;
    try {
      const n = (await runQuery(p.query, loader, sort)).hits.length;
      if (n > 0) found.push({ r, n });
    } catch {
      // A relaxation too broad for the static index is not offered.
    }
  }
  if (found.length === 0) return;
  const li = el('li', 'search-relax', 'Try ');
  found.forEach(({ r, n }, i) => {
    const a = el('a', undefined, r.query);
    a.href = `/search/?q=${encodeURIComponent(r.query)}`;
    li.append(...(i ? [', '] : []), a, ` (${n}: ${r.why})`);
  });
  list.append(li);
}

/** j/k move between results, "/" goes to the search box. */
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if (target.closest('input, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === '/') {
    e.preventDefault();
    input.focus();
    input.select();
    return;
  }
  if (e.key !== 'j' && e.key !== 'k') return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('li[data-message-id] > a')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = e.key === 'j' ? Math.min(links.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
  links[next]!.focus();
  e.preventDefault();
});

const params = new URLSearchParams(location.search);
const q = params.get('q') ?? '';
const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
input.value = q;
void run(q, sort);
