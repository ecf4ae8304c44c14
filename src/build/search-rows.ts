// What the static index keeps per message beside its postings (format:
// src/lib/search-static-format.ts): the row results show, in rows files of ROW_DOCS numbers, and
// its minute, in dates blocks of DATE_DOCS numbers with a summary of each block's range. Rows and
// dates are given in any order and merged into the files already there: a file is written only
// when its content changes, and at most a bounded number of files wait in memory. Pure but for
// `read` and `write`, which give and take files under search/.
import type { SearchDoc } from '../../ingest/read-models.ts';
import { messageHref, seriesPath } from '../lib/paths.ts';
import {
  dateBlock,
  decodeDateBlock,
  decodeDateSummary,
  encodeDateBlock,
  encodeDateSummary,
  rowFile,
  type DateRange,
  type DocRow,
  type RowsFile,
} from '../lib/search-static-format.ts';

/** Characters of a message's own text kept for its snippet. */
export const SUMMARY_CHARS = 220;
/** Files waiting to be written before they are flushed. */
const PENDING_FILES = 256;

/** Reads a file under search/ (null when there is none); writes one. */
export type ReadFile = (path: string) => string | null;
export type WriteFile = (path: string, content: string) => void;

/** Files written, and how the index's size changed. */
export interface FilesWritten {
  written: number;
  bytes: number;
}

/** The start of a message's own words, without the "On ... wrote:" line. */
export function summaryOf(nq: string): string {
  const own = nq
    .split('\n')
    .filter((l) => !/wrote:\s*$/.test(l) && !/^(?:Signed-off-by|Cc|Reviewed-by|Acked-by):/i.test(l))
    .join(' ')
    .replace(/[\s\ue000]+/g, ' ')
    .trim();
  return own.length > SUMMARY_CHARS ? own.slice(0, SUMMARY_CHARS).replace(/\s\S*$/, '') + '…' : own;
}

/** The row of a message, with its snippet. */
export function docRow(d: Omit<SearchDoc, 'fields' | 'id'>, summary: string): DocRow {
  return [
    d.key,
    d.subject,
    d.fromName || d.author,
    d.date === null ? '' : new Date(d.date).toISOString(),
    messageHref(d.threadId, d.key),
    d.lists.join(' '),
    d.family ? seriesPath(d.family) : '',
    d.seriesTitle,
    summary,
  ];
}

/** Minutes since the epoch of a date in ms (0: none). */
export function minuteOf(date: number | null): number {
  return date === null ? 0 : Math.max(1, Math.floor(date / 60_000));
}

const byteLength = (s: string | null): number => (s === null ? 0 : Buffer.byteLength(s));

/** Collects rows and writes them into their files. */
export class RowsWriter {
  private readonly pending = new Map<number, Map<number, { row: DocRow; keepSummary: boolean }>>();
  readonly result: FilesWritten = { written: 0, bytes: 0 };

  constructor(
    private readonly read: ReadFile,
    private readonly write: WriteFile,
  ) {}

  /** The row of message `doc`; with `keepSummary`, the snippet already in the file is kept (the
   *  row was made without reading the message's text). */
  put(doc: number, row: DocRow, keepSummary = false): void {
    const { file, index } = rowFile(doc);
    let rows = this.pending.get(file);
    if (!rows) {
      if (this.pending.size >= PENDING_FILES) this.flush();
      this.pending.set(file, (rows = new Map()));
    }
    rows.set(index, { row, keepSummary });
  }

  /** Write every file waiting. */
  flush(): void {
    for (const [file, rows] of this.pending) {
      const path = `search/rows/${file}.json`;
      const before = this.read(path);
      const content: RowsFile = before === null ? [] : (JSON.parse(before) as RowsFile);
      for (const [index, { row, keepSummary }] of rows) {
        const old = content[index];
        while (content.length <= index) content.push(null);
        content[index] = keepSummary && old ? [...row.slice(0, 8), old[8]] as DocRow : row;
      }
      const after = JSON.stringify(content);
      if (after === before) continue;
      this.write(path, after);
      this.result.written++;
      this.result.bytes += byteLength(after) - byteLength(before);
    }
    this.pending.clear();
  }
}

/** Collects minutes and writes the dates blocks and their summary. */
export class DatesWriter {
  private readonly pending = new Map<number, Map<number, number>>();
  private readonly summary: DateRange[];
  private readonly summaryBefore: string | null;
  readonly result: FilesWritten = { written: 0, bytes: 0 };

  constructor(
    private readonly read: ReadFile,
    private readonly write: WriteFile,
  ) {
    this.summaryBefore = read('search/dates/index.txt');
    this.summary = this.summaryBefore === null ? [] : decodeDateSummary(this.summaryBefore);
  }

  put(doc: number, minute: number): void {
    const block = dateBlock(doc);
    let docs = this.pending.get(block);
    if (!docs) {
      if (this.pending.size >= PENDING_FILES) this.flushBlocks();
      this.pending.set(block, (docs = new Map()));
    }
    docs.set(doc, minute);
  }

  private flushBlocks(): void {
    for (const [block, docs] of this.pending) {
      const path = `search/dates/${block}.txt`;
      const before = this.read(path);
      const all = new Map<number, number>();
      if (before !== null) {
        const b = decodeDateBlock(before);
        b.docs.forEach((d, i) => all.set(d, b.minutes[i]!));
      }
      for (const [d, m] of docs) all.set(d, m);
      const sorted = [...all.keys()].sort((a, b) => a - b);
      const minutes = sorted.map((d) => all.get(d)!);
      const dated = minutes.filter((m) => m > 0);
      while (this.summary.length <= block) this.summary.push([0, 0, 0]);
      this.summary[block] = [dated.length ? Math.min(...dated) : 0, dated.length ? Math.max(...dated) : 0, dated.length < minutes.length ? 1 : 0];
      const after = encodeDateBlock({ docs: sorted, minutes });
      if (after === before) continue;
      this.write(path, after);
      this.result.written++;
      this.result.bytes += byteLength(after) - byteLength(before);
    }
    this.pending.clear();
  }

  /** Write every block waiting and the summary; returns how many blocks there are. */
  finish(): number {
    this.flushBlocks();
    const after = encodeDateSummary(this.summary);
    if (after !== this.summaryBefore) {
      this.write('search/dates/index.txt', after);
      this.result.written++;
      this.result.bytes += byteLength(after) - byteLength(this.summaryBefore);
    }
    return this.summary.length;
  }
}
