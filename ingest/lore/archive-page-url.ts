// URLs of list-archive sites other than public-inbox, as parse-archive-url.ts hands them over:
// lkml.iu.edu's hypermail pages, spinics.net's MHonArc pages, Patchwork's patch, cover and series
// pages (patchwork.kernel.org and any server with its layout), marc.info's message pages and
// lkml.org's. Most name a message only through the page they show: the answer says which site and
// which page; Patchwork's newer URLs carry the Message-ID itself. Pure; fetches nothing.
// What to fetch for a page is ingest/add/page-fetch.ts's.
import { messageIdInLink } from '../message/message-id.ts';
import { isListName, unescapeMessageId } from './lore-url.ts';

/** The sites whose pages name a message without its Message-ID in the URL. */
export type PageSite =
  /** lkml.iu.edu (hypermail): /hypermail/linux/kernel/2404.1/01234.html. */
  | 'lkml-iu'
  /** spinics.net (MHonArc): /lists/<list>/msg12345.html. */
  | 'spinics'
  /** Patchwork: /patch/<n>/, /cover/<n>/, /series/<n>/, /project/<p>/list/?series=<n>. */
  | 'patchwork'
  /** marc.info: /?l=<list>&m=<number>. */
  | 'marc'
  /** lkml.org: /lkml/<yyyy>/<m>/<d>/<n>. */
  | 'lkml-org';

/** Each site as people name it. */
export const SITE_NAMES: Record<PageSite, string> = { 'lkml-iu': 'lkml.iu.edu', spinics: 'spinics.net', patchwork: 'Patchwork', marc: 'marc.info', 'lkml-org': 'lkml.org' };

/** A page of one of these sites. */
export interface SitePageUrl {
  kind: 'page';
  site: PageSite;
  /** The URL without its fragment. */
  url: string;
  /** The list the site files the page under (spinics, marc), null when it does not say. */
  list: string | null;
}

/** What an archive site's URL names. */
export type ArchivePageUrl =
  | SitePageUrl
  | {
      /** A Patchwork URL carrying the Message-ID: /project/<p>/patch|cover/<msgid>/. */
      kind: 'message';
      messageId: string;
      suffix: string;
    }
  | { kind: 'unknown'; reason: string };

const LKML_IU_HOSTS = new Set(['lkml.iu.edu', 'lkml.indiana.edu']);
const SPINICS_HOSTS = new Set(['spinics.net', 'www.spinics.net']);
const LKML_ORG_HOSTS = new Set(['lkml.org', 'www.lkml.org']);

/** Patchwork's routes (patchwork/urls.py, v3.2): the project's patch and cover pages by
 *  Message-ID, and the older numeric ones it redirects from. */
const PATCHWORK_BY_ID = /^\/project\/[^/]+\/(?:patch|cover)\/([^/]+(?:\/[^/]+)*?)\/?(raw\/|mbox\/|comments\/)?$/;
const PATCHWORK_NUMERIC = /^\/(?:patch|cover|series)\/\d+(?:\/mbox)?\/?$/;
const PATCHWORK_SERIES_LIST = /^\/project\/[^/]+\/list\/?$/;

/** Whether a host is a Patchwork server's by its name (patchwork.kernel.org, patchwork.ozlabs.org). */
function patchworkHost(host: string): boolean {
  return /(?:^|\.)patchwork\./.test(host);
}

/** Read the URL of an archive site; null when it is none of the sites above (then it may be a
 *  public-inbox server's). */
export function archivePageUrl(u: URL): ArchivePageUrl | null {
  const host = u.hostname.toLowerCase();
  const url = `${u.protocol}//${u.host}${u.pathname}${u.search}`;
  const page = (site: PageSite, list: string | null = null): ArchivePageUrl => ({ kind: 'page', site, url, list });
  if (LKML_IU_HOSTS.has(host)) {
    return /^\/hypermail\/.+\.html$/.test(u.pathname)
      ? page('lkml-iu')
      : { kind: 'unknown', reason: 'an lkml.iu.edu message page is e.g. https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html' };
  }
  if (SPINICS_HOSTS.has(host)) {
    const m = /^\/lists\/([^/]+)\/msg\d+\.html$/.exec(u.pathname);
    return m && isListName(m[1]!) ? page('spinics', m[1]!) : { kind: 'unknown', reason: 'a spinics.net message page is e.g. https://www.spinics.net/lists/linux-mm/msg123456.html' };
  }
  if (LKML_ORG_HOSTS.has(host)) {
    return /^\/lkml\/\d{4}\/\d{1,2}\/\d{1,2}\/\d+\/?$/.test(u.pathname)
      ? page('lkml-org', 'linux-kernel')
      : { kind: 'unknown', reason: 'an lkml.org message page is e.g. https://lkml.org/lkml/2024/4/11/123' };
  }
  if (host === 'marc.info' && /(?:^\?|&)m=\d+/.test(u.search)) {
    const l = /(?:^\?|&)l=([^&]*)/.exec(u.search)?.[1];
    return page('marc', l && isListName(l) ? l : null);
  }
  const byId = PATCHWORK_BY_ID.exec(u.pathname);
  if (byId && (patchworkHost(host) || byId[1]!.includes('@'))) {
    const id = messageIdInLink(byId[1]!.split('/').map(unescapeMessageId).join('/'));
    // Numeric ids under /project/ are older links Patchwork still serves: read the page.
    if (id.includes('@')) return { kind: 'message', messageId: id, suffix: (byId[2] ?? '').replace(/\/$/, '') };
    if (patchworkHost(host)) return page('patchwork');
  }
  if (patchworkHost(host)) {
    if (PATCHWORK_NUMERIC.test(u.pathname) || (PATCHWORK_SERIES_LIST.test(u.pathname) && /(?:^\?|&)series=\d+/.test(u.search))) return page('patchwork');
    return { kind: 'unknown', reason: 'a Patchwork page is e.g. https://patchwork.kernel.org/project/linux-mm/patch/<msgid>/, /patch/<n>/ or /project/linux-mm/list/?series=<n>' };
  }
  return null;
}
