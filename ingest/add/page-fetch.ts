// What to fetch to learn which message an archive site's page shows, site by site: most pages
// carry the Message-ID themselves (hypermail's `<!-- id= -->`, MHonArc's `<!--X-Message-Id: -->`,
// Patchwork's header block); marc.info's raw view (q=raw) is the message as marc keeps it;
// lkml.org shows the headers on its mheaders view; a Patchwork series (its URL, or its patch list
// ?series=N) is its mbox. Pure.
import type { PageSite } from '../lore/archive-page-url.ts';
import type { BodyKind } from '../sync/check-body.ts';

/** What to fetch for one page. */
export interface PageFetch {
  /** The URL to fetch. */
  url: string;
  /** What the body must be (the HTTP client checks it). */
  expect: BodyKind;
  /** What the body holds: an archive page; mail (a message or an mbox, importable as such); or
   *  only the header block of a message (its Message-ID is read, it is never imported). */
  holds: 'page' | 'mail' | 'headers';
}

/** The fetch that tells which message the page at `url` (of `site`) shows. */
export function pageFetch(site: PageSite, url: string): PageFetch {
  const u = new URL(url);
  switch (site) {
    case 'marc':
      // marc.info/?l=<list>&m=<n>&q=raw: the message as marc received it. Not URLSearchParams:
      // it would re-encode what it did not need to.
      u.search = `?${[...u.search.slice(1).split('&').filter((p) => p && !/^[qw]=/.test(p)), 'q=raw'].join('&')}`;
      return { url: u.href, expect: 'page', holds: 'mail' };
    case 'lkml-org':
      // lkml.org/lkml/2021/10/14/1234 -> lkml.org/lkml/mheaders/2021/10/14/1234.
      u.pathname = u.pathname.replace(/^\/lkml\//, '/lkml/mheaders/');
      return { url: u.href, expect: 'page', holds: 'headers' };
    case 'patchwork': {
      // A series has no page of its own in Patchwork 3.x, and its patch list shows only the
      // states needing action by default; its mbox holds every patch.
      const series = /^\/series\/(\d+)(?:\/mbox)?\/?$/.exec(u.pathname)?.[1] ?? (/^\/project\/[^/]+\/list\/?$/.test(u.pathname) ? /[?&]series=(\d+)/.exec(u.search)?.[1] : undefined);
      if (series) return { url: `${u.protocol}//${u.host}/series/${series}/mbox/`, expect: 'mbox', holds: 'mail' };
      return { url: u.href, expect: 'page', holds: 'page' };
    }
    case 'lkml-iu':
    case 'spinics':
      return { url: u.href, expect: 'page', holds: 'page' };
  }
}
