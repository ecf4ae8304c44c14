// Brings a site's static search index (src/lib/search-static-format.ts) up to date with the store.
// A full build indexes every message in segments of SEGMENT_DOCS (memory stays bounded whatever
// the archive's size), merged as a binary counter carries and into one at the end. An incremental
// one indexes the messages stored since (numbers above the last one indexed) as a new segment and
// merges small segments (search-segments.ts); rewrites the rows of messages whose thread or series
// changed (keeping their snippets, so their text is not read again); and adds the new messages'
// dates. Files are written only when their content changes; merged segments are removed. The
// state it returns is kept by the build for the next time. Reads the store through the port and
// the index's files through an IndexDir (index-dir-fs.ts: a site's search/ on disk).
import { FACETS } from '../../ingest/search/query-prefixes.ts';
import type { Store } from '../../ingest/store/store-port.ts';
import { searchDoc, searchDocs, seriesLabels } from '../lib/search-data-fs.ts';
import { FORMAT_VERSION, encodeNumbers, type FacetFile, type SearchMeta, type SegmentMeta } from '../lib/search-static-format.ts';
import { SegmentBuilder } from './search-index.ts';
import { DatesWriter, RowsWriter, docRow, minuteOf, summaryOf } from './search-rows.ts';
import { counterMerge, mergeSegments, tailMerge } from './search-segments.ts';

/** Messages per segment in a full build (the builder's memory is about 10 bytes per posting:
 *  some 200 MB for this many messages of list mail). */
export const SEGMENT_DOCS = 16384;

/** What the build keeps of the index between builds. */
export interface IndexState {
  format: number;
  /** Hash of the code that writes the index: other code, full rebuild. */
  code: string;
  segments: SegmentMeta[];
  /** Number of the next segment's directory (s<n>). */
  nextSegment: number;
  /** Messages indexed, the highest number among them, dates blocks. */
  docs: number;
  maxDoc: number;
  dateBlocks: number;
  /** Bytes of the rows and dates files (segments count their own). */
  otherBytes: number;
}

/** What changed since the previous build besides new messages (those numbered above the last one
 *  indexed): the rows of the messages of `threads` may show other threads, lists or series. */
export interface IndexChanges {
  threads: readonly string[];
}

export interface IndexUpdate {
  state: IndexState;
  /** Bytes of every index file. */
  bytes: number;
  written: number;
  removed: number;
}

/** The index's files, by path under the site ("search/..."). */
export interface IndexDir {
  /** A file's text, null when there is none. */
  read(path: string): string | null;
  write(path: string, content: string): void;
  /** Remove a segment's directory (search/<id>/); returns the files it held. */
  removeSegment(id: string): number;
  /** Remove every index file (not the search page, search/index.html); returns the entries removed. */
  clear(): number;
}

/** Counts what is written and removed. */
class Files {
  written = 0;
  removed = 0;
  constructor(private readonly dir: IndexDir) {}
  read = (path: string): string | null => this.dir.read(path);
  readExisting = (path: string): string => {
    const t = this.dir.read(path);
    if (t === null) throw new Error(`the search index lacks ${path}: build the site again from scratch (remove it)`);
    return t;
  };
  write = (path: string, content: string): void => {
    this.dir.write(path, content);
    this.written++;
  };
  removeSegment(id: string): void {
    this.removed += this.dir.removeSegment(id);
  }
  clear(): void {
    this.removed += this.dir.clear();
  }
}

function mergeTail(segments: SegmentMeta[], range: [number, number], id: string, files: Files): void {
  const [from, to] = range;
  const merged = mergeSegments(segments.slice(from, to), id, files.readExisting, files.write);
  for (const s of segments.slice(from, to)) files.removeSegment(s.id);
  segments.splice(from, to - from, merged);
}

/** Bring the index in `dir` up to date. `previous`: the state of the last build (null, or
 *  `changes` null: rebuild it whole); `code`: hash of the code that writes it. */
export function updateSearchIndex(store: Store, dir: IndexDir, previous: IndexState | null, changes: IndexChanges | null, code: string): IndexUpdate {
  const files = new Files(dir);
  const full = previous === null || changes === null || previous.format !== FORMAT_VERSION || previous.code !== code;
  if (full) files.clear();
  const state: IndexState = full
    ? { format: FORMAT_VERSION, code, segments: [], nextSegment: 0, docs: 0, maxDoc: 0, dateBlocks: 0, otherBytes: 0 }
    : { ...previous!, segments: [...previous!.segments] };
  const rows = new RowsWriter(files.read, files.write);
  const dates = new DatesWriter(files.read, files.write);
  const segmentId = (): string => `s${state.nextSegment++}`;

  // New messages: segments of at most SEGMENT_DOCS.
  let builder = new SegmentBuilder();
  const close = (to: number): void => {
    if (builder.docs === 0) return;
    state.segments.push(builder.finish(segmentId(), to, files.write));
    builder = new SegmentBuilder();
    for (let m = full ? counterMerge(state.segments) : null; m; m = counterMerge(state.segments)) mergeTail(state.segments, m, segmentId(), files);
  };
  const added = new Set<number>();
  for (const d of searchDocs(store, full ? 0 : previous!.maxDoc)) {
    if (builder.docs >= SEGMENT_DOCS) close(d.id);
    builder.add(d.id, d.fields);
    rows.put(d.id, docRow(d, summaryOf(d.fields.nq)));
    dates.put(d.id, minuteOf(d.date));
    added.add(d.id);
    state.docs++;
    state.maxDoc = Math.max(state.maxDoc, d.id);
  }
  close(state.maxDoc + 1);
  if (full && state.segments.length > 1) mergeTail(state.segments, [0, state.segments.length], segmentId(), files);
  for (let m = full ? null : tailMerge(state.segments); m; m = tailMerge(state.segments)) mergeTail(state.segments, m, segmentId(), files);

  // Rows of messages already indexed whose thread, lists or series may have changed.
  if (!full && changes!.threads.length) {
    const labels = seriesLabels(store);
    for (const r of store.search.documentsOf(changes!.threads)) {
      if (added.has(r.id) || r.id > state.maxDoc) continue;
      rows.put(r.id, docRow(searchDoc(r, labels, false), ''), true);
    }
  }
  rows.flush();
  state.dateBlocks = dates.finish();
  state.otherBytes += rows.result.bytes + dates.result.bytes;

  // Facets change without new mail (a Patchwork sync): each is written whole, when it changed.
  const facets: string[] = [];
  for (const facet of [...new Set(Object.values(FACETS).map((f) => f.facet))].sort()) {
    const values = new Map<string, number[]>();
    for (const r of store.search.facetMessages(facet)) {
      let docs = values.get(r.value);
      if (!docs) values.set(r.value, (docs = []));
      docs.push(r.id);
    }
    if (values.size === 0) continue;
    facets.push(facet);
    const file: FacetFile = {};
    for (const [value, docs] of values) file[value] = encodeNumbers(docs.map((d, i) => d - (i ? docs[i - 1]! : 0)));
    const path = `search/facets/${facet}.json`;
    const content = JSON.stringify(file);
    const before = files.read(path);
    if (content !== before) files.write(path, content);
    state.otherBytes += Buffer.byteLength(content) - (before === null ? 0 : Buffer.byteLength(before));
  }

  const meta: SearchMeta = { version: FORMAT_VERSION, docs: state.docs, segments: state.segments, dateBlocks: state.dateBlocks, ...(facets.length ? { facets } : {}) };
  const manifest = JSON.stringify(meta);
  const before = files.read('search/index.json');
  if (manifest !== before) files.write('search/index.json', manifest);
  const bytes = state.otherBytes + Buffer.byteLength(manifest) + state.segments.reduce((n, s) => n + s.bytes, 0);
  return { state, bytes, written: files.written, removed: files.removed };
}
