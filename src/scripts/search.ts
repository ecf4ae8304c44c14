// Browser side of /search/: reads ?q= (and &sort=), parses the lore query, runs it on the sharded
// static index (fetching only the shards its words need), and shows hits a page at a time,
// grouped by series and thread (rows are fetched for the hits shown only). Everything from mail is set with textContent: subjects, names and snippets are
// mail-controlled. Keyboard: "/" focuses the search box, j/k move between results, Enter opens.
import { formatQueryError, parseQuery } from '../../ingest/search/parse-query.ts';
import { highlightOf, markPieces } from '../../ingest/search/search-snippet.ts';
import { messagePath } from '../lib/paths.ts';
import { messageIdQuery } from '../lib/search-query.ts';
import { StaticQueryError, rowsOf, runQuery, type Loader } from '../lib/search-engine.ts';
import { groupResults, type ResultHit } from '../lib/search-results-view.ts';
import { rowThread } from '../lib/search-static-format.ts';
import { relaxations, type Relaxation } from '../lib/search-suggest.ts';
import type { QueryNode } from '../../ingest/search/query-types.ts';

/** Hits shown at first and per "More results". */
const PAGE_HITS = 20;

const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const errorBox = document.getElementById('search-error')!;
const more = document.getElementById('search-more') as HTMLButtonElement;
const sortLine = document.getElementById('search-sort')!;
const input = document.querySelector<HTMLInputElement>('form.search input[name=q]')!;

/** Index files, each fetched once per page load. */
const cache = new Map<string, Promise<string>>();
const loader: Loader = {
  file(path) {
    let f = cache.get(path);
    if (!f) {
      f = fetch(`/search/${path}`).then((r) => {
        if (!r.ok) throw new Error(`/search/${path}: HTTP ${r.status}`);
        return r.text();
      });
      cache.set(path, f);
    }
    return f;
  },
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
  sortLinks(q, sort);
  const highlight = highlightOf(parsed.query);
  const { total } = result;
  // Shown a page of hits at a time: rows are fetched only for what is shown.
  let shown = 0;
  const threads = new Set<string>();
  const showMore = async (): Promise<void> => {
    const docs = await result.page(shown, PAGE_HITS);
    shown += docs.length;
    const rows = await rowsOf(docs, loader);
    const page = docs.map((doc) => ({ doc, row: rows.get(doc)! }));
    for (const h of page) threads.add(rowThread(h.row));
    for (const g of groupResults(page)) {
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
    more.hidden = shown >= total;
  };
  more.onclick = () => void showMore().then(() => (status.textContent = statusLine(total, shown, threads.size)));
  await showMore();
  if (total === 0) await offerRelaxations(parsed.query, sort);
  // Said last: tests and screen readers take this line as "results are shown".
  status.textContent = statusLine(total, shown, threads.size);
}

/** For a query that finds nothing: the looser queries that find something, as links. */
async function offerRelaxations(query: QueryNode, sort: 'relevance' | 'date'): Promise<void> {
  const found: Array<{ r: Relaxation; n: number }> = [];
  for (const r of relaxations(query)) {
    const p = parseQuery(r.query);
    if (p.kind !== 'ok') continue;
    try {
      const n = (await runQuery(p.query, loader, sort)).total;
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

/** "N messages match", with the threads they are in once every hit is shown. */
function statusLine(total: number, shown: number, threads: number): string {
  if (total === 0) return 'No messages match.';
  const messages = `${total} ${total === 1 ? 'message matches' : 'messages match'}`;
  if (shown < total) return `${messages}; the first ${shown} are shown.`;
  return `${messages} in ${threads} ${threads === 1 ? 'thread' : 'threads'}.`;
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
