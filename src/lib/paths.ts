// The site's URLs and the files behind them. Stable URLs (docs/cli.md): /m/<msgid>/ resolves to a
// message; thread pages live at /t/<slug>/ with one anchor per message; series lineages at
// /s/<slug>/. Message-IDs are mail-controlled, so every path built from one is checked before it
// touches the disk. Pure, and usable in the browser.
import { escapeMessageId, lorePermalink } from '../../ingest/lore/lore-url.ts';
import { shortHash } from './short-hash.ts';

/** A thread page's slug: derived from the thread id, URL- and filesystem-safe. */
export function threadSlug(threadId: string): string {
  return shortHash(threadId);
}

export function threadPath(threadId: string): string {
  return `/t/${threadSlug(threadId)}/`;
}

/** A series lineage's page: its slug is derived from the family id (the first posting's id). */
export function seriesPath(family: string): string {
  return `/s/${shortHash(family)}/`;
}

/** The anchor (element id) of a message on its thread page: its key. HTML ids may hold any
 *  character but whitespace, and keys have none. */
export function messageAnchor(key: string): string {
  return key;
}

/** The fragment pointing at an element id ('@' and friends left readable). */
export function anchorHref(anchor: string): string {
  return `#${encodePathSegment(anchor)}`;
}

/** Link to a message at its place in its thread. */
export function messageHref(threadId: string, key: string): string {
  return `${threadPath(threadId)}${anchorHref(messageAnchor(key))}`;
}

/** Bytes allowed in one path segment on disk (ext4 allows 255). */
const MAX_SEGMENT_BYTES = 200;

/** Whether a Message-ID can be a directory path as it is: no empty, "." or ".." segments, no
 *  control characters, no over-long segments. Such IDs get a hashed path instead. */
export function isPathSafe(mid: string): boolean {
  if (!mid || /[\x00-\x1f\x7f\\]/.test(mid)) return false;
  return mid.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && new TextEncoder().encode(seg).length <= MAX_SEGMENT_BYTES);
}

/** Relative directory (under the site root) of the /m/ page of a Message-ID. A static server
 *  decodes %XX before looking up files, so the directory is the ID as written. */
export function messageDir(mid: string): string {
  return isPathSafe(mid) ? `m/${mid}` : `m/_/${shortHash(mid)}`;
}

/** The /m/ URL of a Message-ID: every character that is not safe in a URL path is escaped. */
export function messagePath(mid: string): string {
  if (!isPathSafe(mid)) return `/${messageDir(mid)}/`;
  return `/m/${mid.split('/').map(encodePathSegment).join('/')}/`;
}

/** Percent-encode a path segment, keeping what RFC 3986 allows in pchar (including @ : + = $):
 *  public-inbox's escaping of Message-IDs, so the site's links and lore's agree. */
export function encodePathSegment(seg: string): string {
  return escapeMessageId(seg);
}

/** The message on lore.kernel.org (its /r/ redirector finds it on any list): lorePermalink, which
 *  new code imports from ingest/lore/lore-url.ts itself. */
export function loreUrl(mid: string): string {
  return lorePermalink(mid);
}
