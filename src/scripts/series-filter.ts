// Browser side of the series tables: applies the filter form to the rows (data-* attributes), keeps
// the filter in the URL (shareable, survives reload), and says how many series are shown.
import { filterQuery, matchesFilter, parseFilter, type SeriesFilter } from '../lib/series-filter.ts';

const form = document.querySelector<HTMLFormElement>('form.series-filter');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('table.series tbody tr')];
const count = document.getElementById('series-count');

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
  check('latest', s.latest);
  check('nak', s.nacked);
  check('reviewed', s.reviewed);
}

function apply(s: SeriesFilter): void {
  let shown = 0;
  let of = 0;
  for (const tr of rows) {
    if (!s.latest || tr.dataset.latest === '1') of++;
    const d = tr.dataset;
    const ok = matchesFilter(
      { author: d.author ?? '', title: d.title ?? '', rfc: d.rfc === '1', latest: d.latest === '1', nacked: d.nak === '1', reviewed: d.reviewed === '1' },
      s,
    );
    tr.hidden = !ok;
    if (ok) shown++;
  }
  if (count) count.textContent = `${shown} of ${of} ${s.latest ? 'series' : 'postings'} shown`;
}

if (form) {
  const initial = parseFilter(new URLSearchParams(location.search));
  toForm(form, initial);
  apply(initial);
  const update = (): void => {
    const s = fromForm(form);
    apply(s);
    history.replaceState(null, '', `${location.pathname}${filterQuery(s)}${location.hash}`);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
}
