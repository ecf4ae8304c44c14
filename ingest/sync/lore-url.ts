// The lore URL module moved to ingest/lore/lore-url.ts; this re-export keeps
// ingest/discussion/format-citation.ts building until it imports from there. No new importers.
export { DEFAULT_BASE, escapeMessageId } from '../lore/lore-url.ts';
