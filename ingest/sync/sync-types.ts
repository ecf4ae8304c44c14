// The records the sync stage exchanges between its modules and hands to the CLI: what to pull
// (lists, threads, messages, queries, the Atom feed), how politely (HttpSettings), and what
// happened (FetchedReport; what could not be fetched is a Diagnostic with a FetchCode, see
// ingest/types.ts). Declarations only; nothing here does any work. Mail itself leaves this
// stage as files and git epochs that the import stage reads.
import type { PatchworkStateChange } from '../store/store-rows.ts';
import type { Diagnostic, ImportSummary } from '../types.ts';
import type { HttpClient } from './http-client-fs.ts';

/** How patchlore talks to a public-inbox server. Defaults and their reasons: sync-config.ts. */
export interface HttpSettings {
  /** Sent on every request, git's included: `patchlore/<version>`, plus `+<userAgentPlus>`. */
  userAgent: string;
  /** Pause between the end of one request and the start of the next, in ms. */
  delayMs: number;
  /** A request fails when connecting, waiting for headers or waiting between body bytes takes
   *  longer than this, in ms. git gets the same limit as its low-speed time. */
  timeoutMs: number;
  /** Retries of one request after connection errors, timeouts, truncated bodies, 429 and 5xx. */
  retries: number;
  /** First retry delay in ms; doubled on every further retry. */
  backoffMs: number;
  /** Cap on the backoff delay in ms; a server's Retry-After may ask for more (up to maxRetryAfterMs). */
  maxBackoffMs: number;
  /** A Retry-After asking for more than this (ms) ends the retries: the server wants a break. */
  maxRetryAfterMs: number;
  /** Requests (HTTP requests and git operations, retries included) one run may make. */
  maxRequests: number;
  /** Thread, message and feed downloads younger than this (ms) are reused without asking. */
  cacheTtlMs: number;
}

/** One list to keep current from its git epochs. */
export interface ListPlan {
  /** Inbox name on the server, e.g. "nvdimm". */
  name: string;
  /** Server base URL without the trailing slash, e.g. "https://lore.kernel.org". */
  base: string;
  /** Other servers carrying the same inboxes, tried in order when `base` fails. */
  mirrors: string[];
  /** Only mail the archive received on or after this day (YYYY-MM-DD), or everything. */
  since: string | null;
}

/** One targeted pull over HTTP. */
export type PullPlan =
  | {
      /** The thread holding a message, as lore's t.mbox.gz. */
      kind: 'thread';
      messageId: string;
      list: string;
      base: string;
      mirrors: string[];
    }
  | {
      /** One message (every message under that Message-ID), as lore's raw. */
      kind: 'message';
      messageId: string;
      list: string;
      base: string;
      mirrors: string[];
    }
  | {
      /** Search results as an mbox (POST ?q=...&x=m). */
      kind: 'query';
      query: string;
      /** Expand every hit to its whole thread (public-inbox's "full threads" button). */
      threads: boolean;
      list: string;
      base: string;
      mirrors: string[];
      /** Appended to the query as `rt:<since>..` (received on or after). */
      since: string | null;
    }
  | {
      /** The messages of the list's Atom feed (new.atom) not in the store yet. */
      kind: 'recent';
      list: string;
      base: string;
      mirrors: string[];
    };

/** One Patchwork project to sync: its maintainers' decisions, then the mail its records name that
 *  the store lacks (from the list archive first, then Patchwork). */
export interface PatchworkPlan {
  /** The server's base URL, without a trailing slash. */
  base: string;
  /** The project: its link name, List-Id, list address or name. */
  project: string;
  /** Only patches, cover letters and series dated on or after this day (YYYY-MM-DD). */
  since: string | null;
  /** Read everything, not only what the event log says changed. */
  full: boolean;
  /** Fetch the mail the records name that the store lacks. */
  mail: boolean;
  /** Where the list archive is asked for that mail (a public-inbox server and inbox). */
  archive: { list: string; base: string; mirrors: string[] };
}

/** What a Patchwork sync did (`patchlore sync --patchwork --json`; docs/cli.md: patches, states,
 *  fetched). */
export interface PatchworkReport {
  server: string;
  /** The project's link name ('' when it was not found). */
  project: string;
  /** The REST API version read, null when none answered. */
  apiVersion: string | null;
  /** full: everything read (the first sync, --refresh, a since-date moved back, a week since the
   *  last full read); incremental: only what the event log named. */
  mode: 'full' | 'incremental';
  /** Why that mode. */
  reason: string;
  /** Records read in this run, and events taken into account. */
  read: { patches: number; covers: number; series: number; events: number };
  /** The project's patches now stored, and how many are in each state (slug). */
  patches: number;
  states: Record<string, number>;
  /** Patches whose state this run found changed. */
  changed: PatchworkStateChange[];
  /** Messages the records name that were lacking and are now stored. */
  fetched: number;
  mail: {
    /** Messages the records named that the store lacked before this run. */
    lacking: number;
    /** Brought by the list archive (threads pulled: the mail as sent, with its replies). */
    fromArchive: string[];
    /** Brought by Patchwork's mbox (a rebuild: the archive's copy replaces it when it comes). */
    fromPatchwork: string[];
    /** Neither had them: not asked for again for a while (UNAVAILABLE_RETRY_MS). */
    unavailable: string[];
    /** Lacking, but found unavailable by an earlier sync recently: not asked for. */
    skipped: number;
  };
  /** HTTP requests made (to Patchwork and to the archive). */
  requests: number;
  /** What importing the fetched mail did. */
  import: ImportSummary;
  /** What went wrong: codes PatchworkCode and FetchCode, `source` the URL. */
  problems: Diagnostic[];
}

/** What happened to one epoch of one list. */
export interface EpochReport {
  list: string;
  /** Epoch number (N of git/N.git). */
  epoch: number;
  /** The URL it was cloned or fetched from, '' when it was not contacted. */
  url: string;
  /** cloned / fetched (new commits or not) / deepened (older history added for an earlier
   *  since-date) / unchanged (the manifest fingerprint matched the mirror: no git at all) /
   *  skipped (all its mail predates the since-date) / failed. */
  action: 'cloned' | 'fetched' | 'deepened' | 'unchanged' | 'skipped' | 'failed';
  /** The local mirror (a bare repository), '' when there is none. */
  mirror: string;
  /** Commit the mirror's HEAD points to afterwards, null when there is none. */
  head: string | null;
  /** Commits the mirror gained. */
  newCommits: number;
  /** Bytes git received (from its progress output; 0 when unknown). */
  bytes: number;
}

/** One HTTP download that was imported (or found empty). */
export interface DownloadReport {
  kind: 'manifest' | 'thread' | 'message' | 'query' | 'feed';
  /** What was asked for: the Message-ID, the query, the list. */
  subject: string;
  url: string;
  /** network: downloaded; not-modified: the server answered 304; cache: younger than the cache
   *  TTL, no request made; none: nothing to fetch (a query without hits). */
  source: 'network' | 'not-modified' | 'cache' | 'none';
  /** Body size in bytes. */
  bytes: number;
  /** The saved body in the sync cache ('' when there is none). */
  file: string;
  /** Messages read from it by the import (-1 when it is not mail, e.g. the manifest). */
  messages: number;
}

/** The `fetched` part of `patchlore sync --json`. */
export interface FetchedReport {
  /** HTTP requests sent, retries and redirects included. */
  requests: number;
  /** Of those, retries. */
  retries: number;
  /** Answers 304 Not Modified to conditional requests. */
  notModified: number;
  /** Downloads reused from the cache without a request (younger than the cache TTL). */
  cacheHits: number;
  /** Body bytes received over HTTP. */
  bytes: number;
  /** git clone/fetch operations run (each counts as one request towards the limit), and the
   *  bytes git reported receiving. */
  git: { operations: number; retries: number; bytes: number };
  epochs: EpochReport[];
  downloads: DownloadReport[];
  /** What could not be fetched (codes: FetchCode), with `source` the URL, `hint`, `attempts`
   *  and `severity` ('error' when something asked for was not fetched: the run exits 1;
   *  'warning' when a fallback got it anyway). Nothing is imported from a failed download. */
  problems: Diagnostic[];
  /** The run stopped early at its request limit. */
  limitReached: boolean;
}

/** Where the sync stage reports progress; structurally the CLI's Progress. */
export interface ProgressSink {
  update(done: number, total: number, detail?: string): void;
  end(): void;
}

/** What the sync stage's parts share. */
export interface SyncEnv {
  client: HttpClient;
  settings: HttpSettings;
  /** Root of the sync cache (mirrors/, http/). */
  cacheDir: string;
  /** Parser threads for the import. */
  workers: number;
  /** One line for the user. */
  log(line: string): void;
  /** A progress display for one piece of bulk work. */
  progress(label: string): ProgressSink;
}
