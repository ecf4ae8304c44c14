// URLs of list index pages: /l/<list>/ then /l/<list>/2/, ..., and the list's series at
// /l/<list>/series/. Pure.
import { shortHash } from './short-hash.ts';

/** Threads per list index page. */
export const THREADS_PER_PAGE = 100;

/** A list's URL segment: its name when that is plain, else a hash (names come from mail). */
export function listSlug(name: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/.test(name) ? name : `_${shortHash(name)}`;
}

export function listPath(name: string, page: number): string {
  return page <= 1 ? `/l/${listSlug(name)}/` : `/l/${listSlug(name)}/${page}/`;
}

export function pageCount(threads: number): number {
  return Math.max(1, Math.ceil(threads / THREADS_PER_PAGE));
}

export function listSeriesPath(name: string): string {
  return `/l/${listSlug(name)}/series/`;
}
