// The filters of the series tables: by author (name or address, any part), title words, where
// the lineage stands (applied, open, ...), and state (RFC or not, latest revision only, has a
// NAK, fully reviewed). The filter lives in the page's query string so a filtered view can be
// shared. Pure; used in the browser.

export interface SeriesFilter {
  author: string;
  title: string;
  /** Only the most recent posting of each lineage (on unless latest=0). */
  latest: boolean;
  rfc: 'any' | 'only' | 'none';
  nacked: boolean;
  reviewed: boolean;
  /** The lineage's state ('any' for every state). */
  state: string;
}

/** What a table row carries in its data-* attributes. */
export interface SeriesRowData {
  author: string;
  title: string;
  rfc: boolean;
  latest: boolean;
  nacked: boolean;
  reviewed: boolean;
  state: string;
}

/** Whether a filter shows what the rendered page holds (the latest revision of each lineage,
 *  every state): only other filters need every row. */
export function isDefaultFilter(f: SeriesFilter): boolean {
  return f.latest && !f.author && !f.title && f.rfc === 'any' && !f.nacked && !f.reviewed && f.state === 'any';
}

export function parseFilter(params: URLSearchParams): SeriesFilter {
  const rfc = params.get('rfc');
  return {
    author: (params.get('author') ?? '').trim(),
    title: (params.get('title') ?? '').trim(),
    latest: params.get('latest') !== '0',
    rfc: rfc === 'only' || rfc === '1' ? 'only' : rfc === 'none' || rfc === '0' ? 'none' : 'any',
    nacked: params.get('nak') === '1',
    reviewed: params.get('reviewed') === '1',
    state: (params.get('state') ?? '').trim() || 'any',
  };
}

/** The query string of a filter, defaults left out ("" when nothing is filtered). */
export function filterQuery(f: SeriesFilter): string {
  const p = new URLSearchParams();
  if (f.author) p.set('author', f.author);
  if (f.title) p.set('title', f.title);
  if (!f.latest) p.set('latest', '0');
  if (f.rfc !== 'any') p.set('rfc', f.rfc);
  if (f.nacked) p.set('nak', '1');
  if (f.reviewed) p.set('reviewed', '1');
  if (f.state !== 'any') p.set('state', f.state);
  const s = p.toString();
  return s ? `?${s}` : '';
}

const words = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);

export function matchesFilter(row: SeriesRowData, f: SeriesFilter): boolean {
  if (f.latest && !row.latest) return false;
  if (f.rfc === 'only' && !row.rfc) return false;
  if (f.rfc === 'none' && row.rfc) return false;
  if (f.nacked && !row.nacked) return false;
  if (f.reviewed && !row.reviewed) return false;
  if (f.state !== 'any' && row.state !== f.state) return false;
  const author = row.author.toLowerCase();
  if (!words(f.author).every((w) => author.includes(w))) return false;
  const title = row.title.toLowerCase();
  return words(f.title).every((w) => title.includes(w));
}
