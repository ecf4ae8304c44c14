// The store's SQLite schema. Two layers: primary data (raw mail and where it was seen, the git
// histories read by `patchlore commits`, and what Patchwork servers said about patches), which is
// never rebuilt, and derived tables, which `patchlore reindex` drops and rebuilds from the primary
// data alone. Bump DERIVED_VERSION whenever a derived table changes shape or meaning.

import type { SearchField } from '../search/query-types.ts';

/** The full-text table's columns, one per lore search field, in declaration order (the search
 *  stage's ALL_FIELDS holds the same fields; a test checks they agree). */
export const FTS_COLUMNS: readonly SearchField[] = ['s', 'f', 't', 'c', 'm', 'n', 'nq', 'q', 'dfn', 'dfa', 'dfb', 'dfhh', 'dfctx'];

/** FTS5's pending-terms budget ('hashsize'), bytes. */
const FTS_HASH_BYTES = 16 * 1024 * 1024;

/** Version of the primary tables; changing them needs a migration, not a rebuild. */
export const PRIMARY_VERSION = 1;

/** Version of the derived tables; a store with another version must be reindexed. */
export const DERIVED_VERSION = 8;

/** Tables holding what cannot be rebuilt: mail as received, git histories as read, what
 *  Patchwork servers said. Never dropped. */
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
-- Git repositories read by \`patchlore commits\` (ingest/commits/): not mail, and not rebuildable
-- from it, so they stay through reindex. Per repository: where it is, the web address of a commit
-- (%H for the hash), the refs read, and the heads and release tags (JSON) the last read saw,
-- where the next read starts.
CREATE TABLE IF NOT EXISTS git_repos (
  name TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  url_template TEXT,
  refs TEXT NOT NULL,
  heads TEXT NOT NULL,
  tags TEXT NOT NULL,
  read_at INTEGER NOT NULL
);
-- Every commit read, as git gave it; seq orders a repository's commits as git log does (newest
-- first by descending seq). Files and parents are JSON arrays.
CREATE TABLE IF NOT EXISTS git_commits (
  id INTEGER PRIMARY KEY,
  repo TEXT NOT NULL,
  hash TEXT NOT NULL,
  seq INTEGER NOT NULL,
  parents TEXT NOT NULL,
  tree TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_email TEXT NOT NULL,
  author_date INTEGER NOT NULL,
  committer_name TEXT NOT NULL,
  committer_email TEXT NOT NULL,
  commit_date INTEGER NOT NULL,
  subject TEXT NOT NULL,
  message TEXT NOT NULL,
  files TEXT NOT NULL,
  patch_id TEXT,
  UNIQUE (repo, hash)
);
CREATE INDEX IF NOT EXISTS git_commits_seq ON git_commits(repo, seq);
CREATE INDEX IF NOT EXISTS git_commits_patch_id ON git_commits(patch_id);
-- The first release tag (in version order) containing each commit of a repository.
CREATE TABLE IF NOT EXISTS git_releases (
  repo TEXT NOT NULL,
  commit_hash TEXT NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (repo, commit_hash)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS git_releases_tag ON git_releases(repo, tag);
-- What Patchwork servers say about patches (ingest/patchwork/, \`patchlore sync --patchwork\`): the
-- maintainers' decisions, which no mail holds, so they are primary data that reindex keeps.
-- Records are keyed by server and their id there (ids are per server; a project renamed on its
-- server keeps its id); \`record\` is the record as read (types.ts: PatchworkProject,
-- PatchworkPatch, ...), the other columns what is looked up by. A record read again replaces the
-- stored one (a patch's checks read as null keep those stored).
CREATE TABLE IF NOT EXISTS pw_projects (
  server TEXT NOT NULL,
  id INTEGER NOT NULL,
  link_name TEXT NOT NULL,
  api_version TEXT NOT NULL,
  read_at INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (server, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pw_patches (
  server TEXT NOT NULL,
  id INTEGER NOT NULL,
  project INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  -- state slug, and when patchlore first read the patch in it (ms)
  state TEXT NOT NULL,
  state_since INTEGER NOT NULL,
  read_at INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (server, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pw_patches_message ON pw_patches(message_id);
CREATE INDEX IF NOT EXISTS pw_patches_project ON pw_patches(server, project, state);
CREATE TABLE IF NOT EXISTS pw_covers (
  server TEXT NOT NULL,
  id INTEGER NOT NULL,
  project INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  series_id INTEGER,
  read_at INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (server, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pw_covers_message ON pw_covers(message_id);
CREATE TABLE IF NOT EXISTS pw_series (
  server TEXT NOT NULL,
  id INTEGER NOT NULL,
  project INTEGER NOT NULL,
  read_at INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (server, id)
) WITHOUT ROWID;
-- Each state change a sync found (from the state stored to the state read), when it was read.
CREATE TABLE IF NOT EXISTS pw_state_changes (
  server TEXT NOT NULL,
  id INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS pw_state_changes_patch ON pw_state_changes(server, id);
-- Where the next sync of a server's project starts (PatchworkCursor as JSON).
CREATE TABLE IF NOT EXISTS pw_cursors (
  server TEXT NOT NULL,
  project INTEGER NOT NULL,
  link_name TEXT NOT NULL,
  asked TEXT NOT NULL,
  cursor TEXT NOT NULL,
  PRIMARY KEY (server, project)
) WITHOUT ROWID;
-- Mail a Patchwork record names that neither the list archive nor Patchwork could give, and when
-- that was found: not asked for again for a while.
CREATE TABLE IF NOT EXISTS pw_mail_unavailable (
  server TEXT NOT NULL,
  message_id TEXT NOT NULL,
  tried_at INTEGER NOT NULL,
  PRIMARY KEY (server, message_id)
) WITHOUT ROWID;
`;

/** The tables of PRIMARY_SCHEMA that hold Patchwork's records (a read-only store written before
 *  they existed lacks them). */
export const PATCHWORK_TABLES = ['pw_projects', 'pw_patches', 'pw_covers', 'pw_series', 'pw_state_changes', 'pw_cursors', 'pw_mail_unavailable'];

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
  -- how the message was recovered from an archive web page (Message.recovered as JSON); NULL for
  -- mail as received
  recovered TEXT,
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
-- Messages whose stored content is a server's rebuild of the mail, not the mail as sent (Patchwork's
-- mbox downloads, ingest/message/rebuilt-by.ts): the mail as sent replaces it when it arrives.
CREATE TABLE IF NOT EXISTS rebuilt_messages (
  message INTEGER PRIMARY KEY REFERENCES messages(id),
  rebuilt_by TEXT NOT NULL
);
-- Messages recovered from archive pages, by date: what new mail is matched against.
CREATE INDEX IF NOT EXISTS messages_recovered_date ON messages(date) WHERE recovered IS NOT NULL;
-- Placeholder IDs of page copies (ingest/archive/page-message-id.ts) matched to the message they
-- are copies of: a reply on the same archive naming the placeholder names that message.
CREATE TABLE IF NOT EXISTS aliases (
  alias TEXT PRIMARY KEY,
  message_id TEXT NOT NULL
) WITHOUT ROWID;
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
  -- who started it: the first message's sender (name, else address)
  author TEXT NOT NULL,
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
-- Dropping a thread's rows (the primary key starts with the list): without it each drop read
-- every row of the table.
CREATE INDEX IF NOT EXISTS thread_lists_thread ON thread_lists(thread_id);
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
-- The keys each posting is found under by the postings that may revise it (side 0:
-- link-revisions.ts foundUnder) and those under which it looks for the postings it may revise
-- (side 1: poolKeys): its author's identities, its signers', its title.
CREATE TABLE IF NOT EXISTS posting_keys (
  key TEXT NOT NULL,
  side INTEGER NOT NULL,
  posting TEXT NOT NULL,
  PRIMARY KEY (key, side, posting)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS posting_keys_posting ON posting_keys(posting);
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
-- Where each lineage stands (ingest/series/lineage-outcome.ts): its state, the applied notice,
-- the NAKs outstanding. JSON columns hold the nested parts.
CREATE TABLE IF NOT EXISTS lineage_outcomes (
  family TEXT PRIMARY KEY,
  latest_posting TEXT NOT NULL,
  state TEXT NOT NULL,
  applied TEXT,
  naks TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lineage_outcomes_state ON lineage_outcomes(state);
-- Facts about messages searched by exact value (the query language's facet prefixes: pw:
-- for a Patchwork state, merged: for whether a patch became a commit), one row per value. Each
-- facet is written whole by the derivation that knows it.
CREATE TABLE IF NOT EXISTS message_facets (
  message INTEGER NOT NULL,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (facet, value, message)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS message_facets_message ON message_facets(message);
-- Commit links (ingest/commits/link-commits.ts): each commit of a repository read and each posted
-- patch it came from, with the evidence, confidence, the facts compared (match, JSON) and how the
-- commit differs from the patch (forms, JSON); seq is the commit's place in its history.
CREATE TABLE IF NOT EXISTS commit_links (
  repo TEXT NOT NULL,
  commit_hash TEXT NOT NULL,
  message_key TEXT NOT NULL,
  posting TEXT NOT NULL,
  family TEXT NOT NULL,
  evidence TEXT NOT NULL,
  confidence REAL NOT NULL,
  match TEXT NOT NULL,
  forms TEXT NOT NULL,
  PRIMARY KEY (repo, commit_hash, message_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS commit_links_message ON commit_links(message_key);
CREATE INDEX IF NOT EXISTS commit_links_posting ON commit_links(posting);
CREATE INDEX IF NOT EXISTS commit_links_family ON commit_links(family);
-- Link:/Message-Id: trailers of commits naming a message no link was made to, and why.
CREATE TABLE IF NOT EXISTS commit_unresolved (
  repo TEXT NOT NULL,
  commit_hash TEXT NOT NULL,
  message_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (repo, commit_hash, message_id)
) WITHOUT ROWID;
-- Whether each lineage in a repository's reach landed (ingest/commits/commit-outcome.ts): merged,
-- partially merged or not, the revision that landed, every revision with a commit (JSON).
CREATE TABLE IF NOT EXISTS lineage_merges (
  family TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  landed INTEGER NOT NULL,
  patches INTEGER NOT NULL,
  landed_posting TEXT,
  landed_postings TEXT NOT NULL
) WITHOUT ROWID;
-- Threads whose discussion rows are current: the thread's message count and id sum when done.
CREATE TABLE IF NOT EXISTS discussed_threads (
  thread_id TEXT PRIMARY KEY,
  messages INTEGER NOT NULL,
  id_sum INTEGER NOT NULL
) WITHOUT ROWID;
-- Full text over messages, one column per lore search field (ingest/search/search-fields.ts
-- splits a message into them; query-prefixes.ts maps prefixes to columns). Contentless: the text
-- is in messages, and snippets are cut from it (ingest/search/search-snippet.ts). Kernel
-- identifiers stay whole: '_' is a word character. Rows can be deleted by rowid (a page copy's
-- row, when the original mail replaces it).
CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
  ${FTS_COLUMNS.join(', ')},
  content='',
  contentless_delete=1,
  tokenize="unicode61 remove_diacritics 2 tokenchars '_'"
);
-- Terms of new rows are held in memory up to this many bytes before FTS5 writes them out as a
-- segment (default 1 MB): fewer, larger segments to merge (the nvdimm list's index took 7% less
-- CPU to build with 16 MB, measured twice).
INSERT INTO messages_fts(messages_fts, rank) VALUES ('hashsize', ${FTS_HASH_BYTES});
-- The words of messages_fts (for stem lookups: a query word finds the words of its stem).
CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts_words USING fts5vocab(messages_fts, row);
`;

/** Derived tables in drop order. */
export const DERIVED_TABLES = [
  'lineage_merges',
  'commit_unresolved',
  'commit_links',
  'lineage_outcomes',
  'message_facets',
  'discussed_threads',
  'message_links',
  'verdicts',
  'statements',
  'quote_sources',
  'posting_evidence',
  'posting_links',
  'posting_keys',
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
  'rebuilt_messages',
  'aliases',
  'messages',
];
