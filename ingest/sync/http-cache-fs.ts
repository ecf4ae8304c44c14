// The on-disk HTTP cache of the sync stage: each downloaded body beside a small JSON record of
// where it came from and its validators (ETag, Last-Modified) for conditional requests. Files
// are named after the URL (readable) plus a hash of the request (unique), under one directory
// per host. Writes go to a temporary name and are renamed into place, so an interrupted run
// leaves either the old entry or the new one, never half of one.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What is remembered about a cached body. */
export interface CacheMeta {
  /** The URL asked for. */
  url: string;
  /** Where the body finally came from (after redirects). */
  finalUrl: string;
  method: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** The Link header (RFC 8288) of the answer: where a paginated API's next page is. Absent in
   *  entries written before it was kept. */
  link?: string | null;
  /** When it was downloaded or last confirmed unchanged (ms since the epoch). */
  fetchedAt: number;
  bytes: number;
}

/** Longest readable part of a cache file name. */
const SLUG_MAX = 80;

/** The files of one cache entry. */
export interface CacheEntry {
  body: string;
  meta: string;
}

/** The cache under `dir` (created on first write). */
export class HttpCache {
  constructor(readonly dir: string) {}

  /** The files for a request: `key` identifies it (method, URL, body), `url` names it. */
  entry(key: string, url: string): CacheEntry {
    let host = 'local';
    let path = url;
    try {
      const u = new URL(url);
      host = u.host.replace(/[^\w.-]/g, '_');
      path = u.pathname + u.search;
    } catch {
      // keep the defaults: the key's hash still makes the name unique
    }
    const slug = path.replace(/[^A-Za-z0-9._@+-]+/g, '_').replace(/^[_.]+|_+$/g, '').slice(-SLUG_MAX) || 'index';
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
    const base = join(this.dir, host, `${slug}-${hash}`);
    return { body: `${base}.body`, meta: `${base}.json` };
  }

  /** The cached entry's record, or null when there is no complete entry. */
  async read(e: CacheEntry): Promise<CacheMeta | null> {
    try {
      const meta = JSON.parse(await readFile(e.meta, 'utf8')) as CacheMeta;
      const st = await stat(e.body);
      if (typeof meta.fetchedAt !== 'number' || st.size !== meta.bytes) return null;
      return meta;
    } catch {
      return null;
    }
  }

  /** Move a downloaded body (a temporary file in the cache's directory) into place with its
   *  record. The record is written last: an entry without one is not used. */
  async commit(e: CacheEntry, tmpBody: string, meta: CacheMeta): Promise<void> {
    await rename(tmpBody, e.body);
    await this.writeMeta(e, meta);
  }

  /** Rewrite an entry's record (after a 304). */
  async writeMeta(e: CacheEntry, meta: CacheMeta): Promise<void> {
    const tmp = `${e.meta}.tmp`;
    await writeFile(tmp, JSON.stringify(meta, null, 2) + '\n');
    await rename(tmp, e.meta);
  }

  /** A temporary name for a body being downloaded for `e`, in its directory. */
  async tmpFor(e: CacheEntry): Promise<string> {
    await mkdir(join(e.body, '..'), { recursive: true });
    return `${e.body}.part`;
  }
}
