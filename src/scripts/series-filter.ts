// Browser side of the series tables: applies the filter form to the rows, keeps the filter in the
// URL (shareable, survives reload), and says how many series are shown. The page holds the latest
// revision of each lineage on it; a filter that needs more (other pages, earlier revisions)
// fetches the table's rows file once and shows every row that matches.
import { filterQuery, isDefaultFilter, matchesFilter, parseFilter, type SeriesFilter, type SeriesRowData } from '../lib/series-filter.ts';
import type { SeriesRowView } from '../lib/series-view.ts';

const form = document.querySelector<HTMLFormElement>('form.series-filter');
const table = document.querySelector<HTMLTableElement>('table.series');
const body = table?.tBodies[0] ?? null;
const pageRows = body ? [...body.rows] : [];
const pager = document.querySelector<HTMLElement>('nav.series-pages');
const count = document.getElementById('series-count');
const lineages = Number(table?.dataset.lineages ?? pageRows.length);
let allRows: Promise<SeriesRowView[]> | null = null;

function fromForm(f: HTMLFormElement): SeriesFilter {
  const get = (name: string): string => (f.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const checked = (name: string): boolean => (f.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
  const rfc = get('rfc');
  return {
    author: get('author').trim(),
    title: get('title').trim(),
    latest: checked('latest'),
    rfc: rfc === 'only' || rfc === 'none' ? rfc : 'any',
    nacked: checked('nak'),
    reviewed: checked('reviewed'),
    state: get('state') || 'any',
  };
}

function toForm(f: HTMLFormElement, s: SeriesFilter): void {
  const set = (name: string, v: string): void => {
    const el = f.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (el) el.value = v;
  };
  const check = (name: string, v: boolean): void => {
    const el = f.elements.namedItem(name) as HTMLInputElement | null;
    if (el) el.checked = v;
  };
  set('author', s.author);
  set('title', s.title);
  set('rfc', s.rfc);
  set('state', s.state);
  check('latest', s.latest);
  check('nak', s.nacked);
  check('reviewed', s.reviewed);
}

function dataOf(r: SeriesRowView): SeriesRowData {
  return { author: `${r.author} ${r.authorEmail}`, title: r.title, rfc: r.states.rfc, latest: r.states.latest, nacked: r.states.nacked, reviewed: r.states.reviewed, state: r.state };
}

function cell(tr: HTMLTableRowElement, text: string, cls = '', href = '', title = ''): void {
  const td = tr.insertCell();
  if (cls) td.className = cls;
  if (!href) {
    td.textContent = text;
    return;
  }
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (title) a.title = title;
  td.append(a);
}

function badge(td: HTMLTableCellElement, text: string, cls: string): void {
  const b = document.createElement('span');
  b.className = `badge ${cls}`;
  b.textContent = text;
  td.append(b);
}

/** A row as SeriesTable.astro renders one (mail text as text). */
function rowOf(r: SeriesRowView): HTMLTableRowElement {
  const tr = document.createElement('tr');
  Object.assign(tr.dataset, { family: r.family, author: `${r.author} ${r.authorEmail}`, title: r.title, rfc: r.states.rfc ? '1' : '0', latest: r.states.latest ? '1' : '0', nak: r.states.nacked ? '1' : '0', reviewed: r.states.reviewed ? '1' : '0', state: r.state });
  cell(tr, r.title, '', r.revisionHref);
  cell(tr, r.label, 'date', r.threadHref, r.labelNote);
  cell(tr, r.author);
  cell(tr, r.date, 'date');
  cell(tr, `${r.reviewed}/${r.patches}`, 'n');
  cell(tr, String(r.revisions), 'n');
  const states = tr.insertCell();
  states.className = 'states';
  badge(states, r.state, `state s-${r.state}`);
  if (r.states.rfc) badge(states, 'RFC', 'rfc');
  if (r.states.nacked) badge(states, 'NAK', 'nak');
  if (r.states.reviewed) badge(states, 'reviewed', 'ok');
  if (r.latestBadge) badge(states, 'latest', 'latest');
  if (r.stateBadge) badge(states, r.stateBadge.text, r.stateBadge.className);
  if (r.patchworkBadge) badge(states, r.patchworkBadge.text, r.patchworkBadge.className);
  return tr;
}

/** Rows shown at most for a filter: a broad one is refined, not scrolled. */
const MAX_SHOWN = 1000;

async function apply(s: SeriesFilter): Promise<void> {
  if (!body) return;
  if (isDefaultFilter(s)) {
    body.replaceChildren(...pageRows);
    if (pager) pager.hidden = false;
    if (count) count.textContent = `${pageRows.length} of ${lineages} series shown`;
    return;
  }
  allRows ??= fetch(table!.dataset.rows!).then((r) => (r.ok ? (r.json() as Promise<SeriesRowView[]>) : Promise.reject(new Error(`HTTP ${r.status}`))));
  let rows: SeriesRowView[];
  try {
    rows = await allRows;
  } catch (err) {
    if (count) count.textContent = `cannot filter: ${(err as Error).message}`;
    return;
  }
  const of = rows.filter((r) => !s.latest || r.states.latest).length;
  const shown = rows.filter((r) => matchesFilter(dataOf(r), s));
  body.replaceChildren(...shown.slice(0, MAX_SHOWN).map(rowOf));
  if (pager) pager.hidden = true;
  const more = shown.length > MAX_SHOWN ? ` (the first ${MAX_SHOWN}: refine the filter)` : '';
  if (count) count.textContent = `${shown.length} of ${of} ${s.latest ? 'series' : 'postings'} shown${more}`;
}

if (form) {
  const initial = parseFilter(new URLSearchParams(location.search));
  toForm(form, initial);
  void apply(initial);
  const update = (): void => {
    const s = fromForm(form);
    void apply(s);
    history.replaceState(null, '', `${location.pathname}${filterQuery(s)}${location.hash}`);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
}
