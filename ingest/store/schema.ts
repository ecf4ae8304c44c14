// The store's SQLite schema. Two layers: primary data (raw mail and where it was seen), which is
// never rewritten, and derived tables, which `patchlore reindex` drops and rebuilds from the raw
// mail alone. Bump DERIVED_VERSION whenever a derived table changes shape or meaning.

import type { SearchField } from '../search/query-types.ts';

/** The full-text table's columns, one per lore search field, in declaration order (the search
 *  stage's ALL_FIELDS holds the same fields; a test checks they agree). */
export const FTS_COLUMNS: readonly SearchField[] = ['s', 'f', 't', 'c', 'm', 'n', 'nq', 'q', 'dfn', 'dfa', 'dfb', 'dfhh', 'dfctx'];

/** Version of the primary tables; changing them needs a migration, not a rebuild. */
export const PRIMARY_VERSION = 1;

/** Version of the derived tables; a store with another version must be reindexed. */
export const DERIVED_VERSION = 6;

/** Tables holding mail as received. Never dropped. */
export const PRIMARY_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- Every distinct byte sequence ever read, exactly as read.
CREATE TABLE IF NOT EXISTS raw (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  bytes BLOB NOT NULL,
  -- the mbox From_ line date of the copy first read (a date of last resort)
  envelope_date TEXT,
  -- set when the reader knew the bytes were incomplete (truncated input): a JSON diagnostic;
  -- such mail is kept but never parsed, also by reindex
  refused TEXT
);
-- Each place a raw message was read from; the list it came by.
CREATE TABLE IF NOT EXISTS sightings (
  raw_id INTEGER NOT NULL REFERENCES raw(id),
  source TEXT NOT NULL,
  locator TEXT NOT NULL,
  list TEXT NOT NULL,
  PRIMARY KEY (raw_id, source, locator)
) WITHOUT ROWID;
-- Problems with inputs that are not tied to a stored message (unreadable files, deletions).
CREATE TABLE IF NOT EXISTS source_diagnostics (
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  source TEXT NOT NULL,
  locator TEXT NOT NULL,
  message_id TEXT NOT NULL,
  PRIMARY KEY (code, source, locator, message_id)
) WITHOUT ROWID;
-- The last commit imported from each git epoch.
CREATE TABLE IF NOT EXISTS epochs (
  git_dir TEXT PRIMARY KEY,
  last_commit TEXT NOT NULL
);
`;

/** Tables derived from raw mail. Dropped and rebuilt by reindex. */
export const DERIVED_SCHEMA = `
-- One row per distinct message (same Message-ID and same content = same message).
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY,
  -- node id in threads: the Message-ID, or imposter.<hash>.<Message-ID> for a reused ID
  key TEXT NOT NULL UNIQUE,
  message_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  synthetic_id INTEGER NOT NULL,
  imposter INTEGER NOT NULL DEFAULT 0,
  subject TEXT NOT NULL,
  author TEXT NOT NULL,
  from_name TEXT NOT NULL,
  from_email TEXT NOT NULL,
  recipients TEXT NOT NULL,
  date INTEGER,
  date_source TEXT NOT NULL,
  date_header TEXT NOT NULL,
  in_reply_to TEXT NOT NULL,
  refs TEXT NOT NULL,
  list_ids TEXT NOT NULL,
  -- text parts joined; parts holds their boundaries and the non-text parts
  body TEXT NOT NULL,
  parts TEXT NOT NULL,
  -- threading: null thread_id means "not threaded yet"
  thread_id TEXT,
  parent TEXT,
  depth INTEGER,
  ord INTEGER,
  UNIQUE (message_id, content_hash)
);
CREATE INDEX IF NOT EXISTS messages_message_id ON messages(message_id);
CREATE INDEX IF NOT EXISTS messages_thread ON messages(thread_id, ord);
CREATE INDEX IF NOT EXISTS messages_date ON messages(date);
-- Which stored message each raw copy is, or why it is not one.
CREATE TABLE IF NOT EXISTS copies (
  raw_id INTEGER PRIMARY KEY REFERENCES raw(id),
  message INTEGER REFERENCES messages(id),
  unparsed_code TEXT,
  unparsed_message TEXT,
  unparsed_expected TEXT,
  unparsed_found TEXT
);
CREATE INDEX IF NOT EXISTS copies_message ON copies(message);
-- Lists each message was seen on.
CREATE TABLE IF NOT EXISTS message_lists (
  message INTEGER NOT NULL REFERENCES messages(id),
  list TEXT NOT NULL,
  PRIMARY KEY (message, list)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS message_lists_list ON message_lists(list);
-- Problems found parsing or threading a message.
CREATE TABLE IF NOT EXISTS diagnostics (
  raw_id INTEGER,
  message_key TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  expected TEXT,
  found TEXT
);
CREATE INDEX IF NOT EXISTS diagnostics_raw ON diagnostics(raw_id);
CREATE INDEX IF NOT EXISTS diagnostics_key ON diagnostics(message_key, code);
-- Every node of every thread: messages and ghosts, shown or not.
CREATE TABLE IF NOT EXISTS nodes (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL,
  ghost INTEGER NOT NULL,
  parent TEXT,
  depth INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  shown INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_thread ON nodes(thread_id);
-- One row per thread, for listings.
CREATE TABLE IF NOT EXISTS threads (
  id TEXT PRIMARY KEY,
  root TEXT NOT NULL,
  subject TEXT NOT NULL,
  messages INTEGER NOT NULL,
  ghosts INTEGER NOT NULL,
  first_date INTEGER,
  last_date INTEGER
);
CREATE INDEX IF NOT EXISTS threads_last ON threads(last_date);
CREATE TABLE IF NOT EXISTS thread_lists (
  thread_id TEXT NOT NULL,
  list TEXT NOT NULL,
  last_date INTEGER,
  PRIMARY KEY (list, thread_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS thread_lists_date ON thread_lists(list, last_date);
-- Patch facts of each message (ingest/patch/mine-patch.ts), as JSON.
CREATE TABLE IF NOT EXISTS patch_meta (
  message INTEGER PRIMARY KEY REFERENCES messages(id),
  kind TEXT NOT NULL,
  meta TEXT NOT NULL
);
-- Postings: one cover letter and its patches, sent together (ingest/series/group-postings.ts).
CREATE TABLE IF NOT EXISTS postings (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_email TEXT NOT NULL,
  date INTEGER,
  version_tag TEXT,
  rfc INTEGER NOT NULL,
  resend INTEGER NOT NULL,
  bundle INTEGER NOT NULL,
  total INTEGER,
  prefixes TEXT NOT NULL,
  title TEXT NOT NULL,
  subject TEXT NOT NULL,
  cover_key TEXT,
  cover_how TEXT,
  change_id TEXT,
  links TEXT NOT NULL,
  changelog_from TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS postings_thread ON postings(thread_id);
CREATE INDEX IF NOT EXISTS postings_cover ON postings(cover_key);
-- Each posting's place in its lineage (a bundle may continue two lineages).
CREATE TABLE IF NOT EXISTS revisions (
  posting TEXT NOT NULL,
  family TEXT NOT NULL,
  version REAL NOT NULL,
  version_inferred INTEGER NOT NULL,
  link_from TEXT,
  forked_from TEXT,
  signal TEXT,
  confidence REAL NOT NULL,
  PRIMARY KEY (family, posting)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS revisions_posting ON revisions(posting);
CREATE TABLE IF NOT EXISTS posting_patches (
  posting TEXT NOT NULL,
  key TEXT NOT NULL,
  idx INTEGER NOT NULL,
  total INTEGER NOT NULL,
  subject TEXT NOT NULL,
  title TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (posting, idx, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS posting_patches_key ON posting_patches(key);
CREATE TABLE IF NOT EXISTS posting_trailers (
  posting TEXT NOT NULL,
  patch_key TEXT NOT NULL,
  name TEXT NOT NULL,
  person TEXT NOT NULL,
  email TEXT NOT NULL,
  value TEXT NOT NULL,
  source TEXT NOT NULL,
  given_in TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS posting_trailers_patch ON posting_trailers(patch_key);
CREATE INDEX IF NOT EXISTS posting_trailers_posting ON posting_trailers(posting);
CREATE TABLE IF NOT EXISTS trailer_mismatches (
  posting TEXT NOT NULL,
  message_key TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  sender TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS trailer_mismatches_posting ON trailer_mismatches(posting);
-- What the series derivation keeps so that new mail recomputes only what it can change
-- (ingest/derive/derive-series.ts).
-- Threads written since the series were derived (by the thread derivation, in its transaction).
CREATE TABLE IF NOT EXISTS series_dirty_threads (
  thread_id TEXT PRIMARY KEY
) WITHOUT ROWID;
-- Dated patches and cover letters at the root of their threads, by sender and date: the mail sent
-- without threading that postings may gather across threads (ingest/series/grouping-scope.ts).
-- While new mail is grouped, a message may have a row as it was and one as it is.
CREATE TABLE IF NOT EXISTS series_roots (
  key TEXT NOT NULL,
  sender TEXT NOT NULL,
  date INTEGER NOT NULL,
  PRIMARY KEY (key, sender, date)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS series_roots_sender ON series_roots(sender, date);
-- Each posting as the series stage made it (JSON), found by author and change-id.
CREATE TABLE IF NOT EXISTS posting_records (
  posting TEXT PRIMARY KEY,
  author_key TEXT NOT NULL,
  change_id TEXT,
  record TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS posting_records_author ON posting_records(author_key);
CREATE INDEX IF NOT EXISTS posting_records_change_id ON posting_records(change_id) WHERE change_id IS NOT NULL;
-- The Message-IDs each posting points at as other versions of it (Posting.links).
CREATE TABLE IF NOT EXISTS posting_links (
  target TEXT NOT NULL,
  posting TEXT NOT NULL,
  PRIMARY KEY (target, posting)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS posting_links_posting ON posting_links(posting);
-- What comparing each posting with earlier ones found (PostingEvidence): its predecessor (one row,
-- from_posting null when none) and a bundle's evidence against its author's other postings.
CREATE TABLE IF NOT EXISTS posting_evidence (
  posting TEXT NOT NULL,
  kind TEXT NOT NULL,
  ord INTEGER NOT NULL,
  from_posting TEXT,
  signal TEXT,
  confidence REAL,
  PRIMARY KEY (posting, kind, ord)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS posting_evidence_from ON posting_evidence(from_posting);
-- The discussion (ingest/discussion/): who wrote each quoted block of a message, the statements
-- and verdicts of replies, the messages each message cites. Keyed by message row id (keys change
-- when an imposter is re-keyed); spans are character offsets in messages.body.
CREATE TABLE IF NOT EXISTS quote_sources (
  message INTEGER NOT NULL,
  block INTEGER NOT NULL,
  depth INTEGER NOT NULL,
  span_from INTEGER NOT NULL,
  span_to INTEGER NOT NULL,
  source_key TEXT,
  author_name TEXT NOT NULL,
  author_email TEXT NOT NULL,
  how TEXT NOT NULL,
  confidence REAL NOT NULL,
  PRIMARY KEY (message, block)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statements (
  id INTEGER PRIMARY KEY,
  message INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  span_from INTEGER NOT NULL,
  span_to INTEGER NOT NULL,
  answers_text TEXT,
  answers_name TEXT,
  answers_email TEXT,
  answers_key TEXT,
  confidence REAL NOT NULL,
  why TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_message ON statements(message);
CREATE TABLE IF NOT EXISTS verdicts (
  id INTEGER PRIMARY KEY,
  message INTEGER NOT NULL,
  target_key TEXT,
  kind TEXT NOT NULL,
  by_name TEXT NOT NULL,
  by_email TEXT NOT NULL,
  text TEXT NOT NULL,
  span_from INTEGER NOT NULL,
  span_to INTEGER NOT NULL,
  confidence REAL NOT NULL,
  why TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS verdicts_message ON verdicts(message);
CREATE INDEX IF NOT EXISTS verdicts_target ON verdicts(target_key);
CREATE TABLE IF NOT EXISTS message_links (
  message INTEGER NOT NULL,
  target TEXT NOT NULL,
  PRIMARY KEY (message, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS message_links_target ON message_links(target);
-- Threads whose discussion rows are current: the thread's message count and id sum when done.
CREATE TABLE IF NOT EXISTS discussed_threads (
  thread_id TEXT PRIMARY KEY,
  messages INTEGER NOT NULL,
  id_sum INTEGER NOT NULL
) WITHOUT ROWID;
-- Full text over messages, one column per lore search field (ingest/search/search-fields.ts
-- splits a message into them; query-prefixes.ts maps prefixes to columns). Contentless: the text
-- is in messages, and snippets are cut from it (ingest/search/search-snippet.ts). Kernel
-- identifiers stay whole: '_' is a word character.
CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
  ${FTS_COLUMNS.join(', ')},
  content='',
  tokenize="unicode61 remove_diacritics 2 tokenchars '_'"
);
-- The words of messages_fts (for stem lookups: a query word finds the words of its stem).
CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts_words USING fts5vocab(messages_fts, row);
`;

/** Derived tables in drop order. */
export const DERIVED_TABLES = [
  'discussed_threads',
  'message_links',
  'verdicts',
  'statements',
  'quote_sources',
  'posting_evidence',
  'posting_links',
  'posting_records',
  'series_roots',
  'series_dirty_threads',
  'trailer_mismatches',
  'posting_trailers',
  'posting_patches',
  'revisions',
  'postings',
  'patch_meta',
  'messages_fts_words',
  'messages_fts',
  'thread_lists',
  'threads',
  'nodes',
  'diagnostics',
  'message_lists',
  'copies',
  'messages',
];
