// What each argument of `patchlore add` is: a saved page or archive directory on disk, a URL
// naming a message (lore and other public-inbox servers, the redirectors, marc.info/?i=,
// Patchwork's pages by Message-ID), a page of an archive site that shows a message without naming
// it (lkml.iu.edu, spinics.net, Patchwork, marc.info, lkml.org: parse-archive-url.ts), or a bare
// Message-ID. Pure: whether a string is a path on disk is the caller's question.
import { normalizeMessageId } from '../message/message-id.ts';
import type { PageSite } from '../lore/archive-page-url.ts';
import { parseArchiveUrl } from '../lore/parse-archive-url.ts';

/** One argument, read. */
export type AddTarget =
  | {
      /** The Message-ID is known without fetching anything. */
      kind: 'message';
      input: string;
      messageId: string;
      /** Where it was read: the URL, or the argument itself. */
      via: 'url' | 'message-id';
      /** The list the URL names (lore's "all" included), null when none. */
      list: string | null;
      /** The public-inbox server the URL names, null for lore or a site that is not one. */
      base: string | null;
    }
  | {
      /** A page of an archive site: its Message-ID is read from the page. */
      kind: 'page';
      input: string;
      site: PageSite;
      /** The URL without fragment. */
      url: string;
    }
  | {
      /** A saved page, or a directory of them, on disk. */
      kind: 'path';
      input: string;
      path: string;
    };

/** An argument that names nothing add can use, and why. */
export interface AddRefusal {
  input: string;
  reason: string;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Read the arguments of `patchlore add`. `isPath` says whether a string names a file or
 *  directory on disk (looked at first: a saved page may have any name). */
export function planAdd(inputs: readonly string[], isPath: (s: string) => boolean): { targets: AddTarget[]; refused: AddRefusal[] } {
  const targets: AddTarget[] = [];
  const refused: AddRefusal[] = [];
  for (const raw of inputs) {
    const input = raw.trim();
    if (!input) {
      refused.push({ input: raw, reason: 'empty' });
      continue;
    }
    if (!URL_SCHEME.test(input) && isPath(input)) {
      targets.push({ kind: 'path', input, path: input });
      continue;
    }
    if (URL_SCHEME.test(input)) {
      const u = parseArchiveUrl(input);
      switch (u.kind) {
        case 'message': {
          const server = u.source === 'public-inbox' ? u.base : null;
          targets.push({ kind: 'message', input, messageId: u.messageId, via: 'url', list: u.list, base: server });
          break;
        }
        case 'page':
          targets.push({ kind: 'page', input, site: u.site, url: u.url });
          break;
        case 'list':
          refused.push({ input, reason: `names the list ${u.list}, not a message; patchlore sync ${u.list} pulls a whole list` });
          break;
        case 'unknown':
          refused.push({ input, reason: u.reason });
          break;
      }
      continue;
    }
    if (input.startsWith('<') || input.includes('@')) {
      const id = normalizeMessageId(input);
      if (id && !/\s/.test(id)) {
        targets.push({ kind: 'message', input, messageId: id, via: 'message-id', list: null, base: null });
        continue;
      }
    }
    refused.push({ input, reason: 'not an archive URL, a saved page or directory, or a Message-ID; expected e.g. https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html, ~/saved/page.html or <id@host>' });
  }
  return { targets, refused };
}
