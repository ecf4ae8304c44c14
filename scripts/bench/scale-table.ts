// The scale benchmark's figures (bench-scale.ts) and the Markdown table they print: one column
// per input size, one row per measure, and how each total grows with the number of messages
// (the exponent b of time ~ n^b between the smallest and the largest size measured: about 1 for
// linear work, 1.1 to 1.2 for n log n over these sizes, 2 for quadratic). Pure.

/** What was measured for one input size; a stage not run is absent. */
export interface ScaleFigures {
  /** The size's label ("100k"). */
  label: string;
  /** Messages in the input. */
  messages: number;
  /** Copies of the archive the input was made of (the last one possibly partial). */
  copies: number;
  /** Bytes of mail in the input, uncompressed. */
  inputBytes?: number;
  import?: {
    wallMs: number;
    /** CPU time of all its threads (measure-fs.ts). */
    cpuMs: number;
    peakRssBytes: number;
    read: number;
    stored: number;
    /** Bytes of the store after the import (database, WAL and shared-memory files). */
    storeBytes: number;
    /** Time until the mail was stored and threaded, when the derivations began; undefined when
     *  the import failed before. */
    storedMs: number | undefined;
    /** Peak RSS until then. */
    storedPeakRssBytes: number | undefined;
    /** Threading inside the import (every few batches and at the end). */
    threadMs?: number;
    seriesMs?: number;
    discussionMs?: number;
    /** Why the import did not finish (its derivations' figures are then missing). */
    failed?: string;
  };
  /** The bare mailparser pass over the same input, in its own process. */
  bare?: { wallMs: number; cpuMs: number; peakRssBytes: number };
  build?: { wallMs: number; cpuMs: number; peakRssBytes: number; pages: number; outBytes: number; searchIndexBytes: number };
  search?: {
    cliP50Ms: number;
    cliP95Ms: number;
    /** The query that fetched the most bytes in the browser, and how many (gzip). */
    staticWorstBytes: { query: string; bytes: number };
    /** The query slowest to show its first result (median of its page loads). */
    staticWorstMs: { query: string; ms: number };
    staticP50Ms: number;
  };
}

/** "15k" -> 15000, "1M" -> 1000000, "2500" -> 2500; null when not a size. */
export function parseSize(label: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(label.trim());
  if (!m) return null;
  const n = Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]!) ? 1e3 : 1e6);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The exponent b of y ~ n^b through the first and last of `points` that have a value, or null
 *  with fewer than two sizes. */
export function growthExponent(points: ReadonlyArray<{ n: number; y: number | undefined }>): number | null {
  const have = points.filter((p): p is { n: number; y: number } => p.y !== undefined && p.y > 0);
  if (have.length < 2) return null;
  const a = have[0]!;
  const b = have[have.length - 1]!;
  if (a.n === b.n) return null;
  return Math.log(b.y / a.y) / Math.log(b.n / a.n);
}

const MB = 1024 * 1024;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const secs = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(1)) + ' s';
const mb = (bytes: number): string => (bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${int(bytes / MB)} MB`);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

interface Row {
  label: string;
  cell: (f: ScaleFigures) => string | false | undefined;
  /** The total whose growth is shown, when it has one. */
  total?: (f: ScaleFigures) => number | undefined;
}

const ROWS: readonly Row[] = [
  { label: 'messages (copies of the list)', cell: (f) => `${int(f.messages)} (${f.copies})` },
  { label: 'input, uncompressed', cell: (f) => (f.inputBytes === undefined ? undefined : mb(f.inputBytes)), total: (f) => f.inputBytes },
  { label: 'import: wall, derivations included', cell: (f) => f.import && (f.import.failed ? `failed after ${secs(f.import.wallMs)}` : secs(f.import.wallMs)), total: (f) => (f.import?.failed ? undefined : f.import?.wallMs) },
  { label: 'import: messages/s', cell: (f) => f.import && !f.import.failed && int(f.import.read / (f.import.wallMs / 1000)) },
  { label: 'import: mail stored and threaded (before the derivations): wall', cell: (f) => f.import?.storedMs !== undefined && secs(f.import.storedMs), total: (f) => f.import?.storedMs },
  { label: 'import: mail stored and threaded: messages/s', cell: (f) => f.import?.storedMs !== undefined && int(f.messages / (f.import.storedMs / 1000)) },
  { label: 'import: CPU time, all threads (per message)', cell: (f) => f.import && !f.import.failed && `${secs(f.import.cpuMs)} (${(f.import.cpuMs / f.import.read).toFixed(2)} ms)`, total: (f) => (f.import?.failed ? undefined : f.import?.cpuMs) },
  { label: 'bare mailparser pass: messages/s', cell: (f) => f.bare && int(f.messages / (f.bare.wallMs / 1000)) },
  { label: 'bare mailparser pass: CPU time', cell: (f) => f.bare && secs(f.bare.cpuMs), total: (f) => f.bare?.cpuMs },
  { label: 'import speed / bare pass speed', cell: (f) => (f.import && !f.import.failed && f.bare ? `${(f.bare.wallMs / f.import.wallMs).toFixed(2)}x` : undefined) },
  { label: 'import: peak RSS, storing / whole', cell: (f) => f.import && `${f.import.storedPeakRssBytes === undefined ? '–' : mb(f.import.storedPeakRssBytes)} / ${f.import.peakRssBytes ? mb(f.import.peakRssBytes) : 'unknown'}`, total: (f) => f.import?.storedPeakRssBytes },
  { label: 'store size', cell: (f) => f.import && mb(f.import.storeBytes), total: (f) => f.import?.storeBytes },
  { label: 'threading, inside the import', cell: (f) => f.import?.threadMs !== undefined && secs(f.import.threadMs), total: (f) => f.import?.threadMs },
  { label: '`series` derivation', cell: (f) => f.import?.seriesMs !== undefined && secs(f.import.seriesMs), total: (f) => f.import?.seriesMs },
  { label: '`discussion` derivation', cell: (f) => f.import?.discussionMs !== undefined && secs(f.import.discussionMs), total: (f) => f.import?.discussionMs },
  { label: 'build: wall', cell: (f) => f.build && secs(f.build.wallMs), total: (f) => f.build?.wallMs },
  { label: 'build: CPU time', cell: (f) => f.build && secs(f.build.cpuMs), total: (f) => f.build?.cpuMs },
  { label: 'build: peak RSS', cell: (f) => f.build && mb(f.build.peakRssBytes), total: (f) => f.build?.peakRssBytes },
  { label: 'build: output (pages)', cell: (f) => f.build && `${mb(f.build.outBytes)} (${int(f.build.pages)})`, total: (f) => f.build?.outBytes },
  { label: 'build: search index', cell: (f) => f.build && mb(f.build.searchIndexBytes), total: (f) => f.build?.searchIndexBytes },
  { label: 'search CLI: p50 / p95', cell: (f) => f.search && `${f.search.cliP50Ms.toFixed(1)} / ${f.search.cliP95Ms.toFixed(1)} ms`, total: (f) => f.search?.cliP95Ms },
  { label: 'static search: most bytes of a cold query', cell: (f) => f.search && `${kb(f.search.staticWorstBytes.bytes)} (\`${f.search.staticWorstBytes.query}\`)`, total: (f) => f.search?.staticWorstBytes.bytes },
  { label: 'static search: time to first result, p50', cell: (f) => f.search && `${int(f.search.staticP50Ms)} ms` },
  { label: 'static search: slowest query to first result', cell: (f) => f.search && `${int(f.search.staticWorstMs.ms)} ms (\`${f.search.staticWorstMs.query}\`)`, total: (f) => f.search?.staticWorstMs.ms },
];

/** The Markdown table of `figures` (sorted by size); a cell not measured is "–"; a failed
 *  import's note follows the table. */
export function scaleTable(figures: readonly ScaleFigures[]): string {
  const sorted = [...figures].sort((a, b) => a.messages - b.messages);
  const lines = [`| | ${sorted.map((f) => f.label).join(' | ')} | growth (n^b) |`, `|---|${sorted.map(() => '---|').join('')}---|`];
  for (const row of ROWS) {
    const cells = sorted.map((f) => row.cell(f) || '–');
    if (cells.every((c) => c === '–')) continue;
    const b = row.total ? growthExponent(sorted.map((f) => ({ n: f.messages, y: row.total!(f) }))) : null;
    lines.push(`| ${row.label} | ${cells.join(' | ')} | ${b === null ? '' : `n^${b.toFixed(2)}`} |`);
  }
  for (const f of sorted) if (f.import?.failed) lines.push('', `${f.label}: the import failed: ${f.import.failed}`);
  return lines.join('\n');
}
