// Where a Patchwork record was read: the server and project asked, the API version, the record's
// id and URLs from its JSON, and when. Pure; the records themselves are mapped beside it
// (map-patch.ts, map-cover.ts, map-series.ts).
import type { PatchworkOrigin } from '../types.ts';
import type { PatchworkFields } from './patchwork-fields.ts';

/** What the reader knows about an answer besides its JSON. */
export interface ReadContext {
  /** Base URL of the server as asked, without a trailing slash. */
  server: string;
  /** Project link name. */
  project: string;
  /** API version of the request ("1.3"). */
  apiVersion: string;
  /** The URL the answer came from (for problems). */
  url: string;
  /** When it was read, ms since the epoch. */
  readAt: number;
}

/** The origin of a record whose id is `id`. */
export function mapOrigin(f: PatchworkFields, id: number, ctx: ReadContext): PatchworkOrigin {
  return {
    server: ctx.server,
    project: ctx.project,
    apiVersion: ctx.apiVersion,
    id,
    apiUrl: f.string('url'),
    // web_url arrived with API 1.1
    webUrl: f.optionalString('web_url'),
    readAt: ctx.readAt,
  };
}
