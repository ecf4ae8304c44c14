// The Link header of a paginated answer (RFC 8288; Patchwork writes
// `<http://host/api/1.3/patches/?page=2>; rel="next", <...>; rel="last"`) and the next page to
// ask for. Django builds those URLs from the Host header and the scheme it sees, so a Patchwork
// behind a TLS proxy or a forwarding proxy may write http:// or an inner host name: a next page
// on another origin than the page it came from is asked on that page's origin (path and query
// kept), and said so. Pure.

/** One link of a Link header. */
export interface HeaderLink {
  /** The target, resolved against the URL of the answer. */
  url: string;
  /** Its relation types, lower-cased ("next", "last"). */
  rel: string[];
}

/** The links of a Link header value; unreadable parts are skipped. */
export function parseLinkHeader(value: string, pageUrl: string): HeaderLink[] {
  const out: HeaderLink[] = [];
  let i = 0;
  while (i < value.length) {
    const lt = value.indexOf('<', i);
    const gt = lt < 0 ? -1 : value.indexOf('>', lt);
    if (gt < 0) break;
    // The parameters run to the next comma outside a quoted string.
    let j = gt + 1;
    for (let quoted = false; j < value.length; j++) {
      if (value[j] === '"') quoted = !quoted;
      else if (value[j] === ',' && !quoted) break;
    }
    i = j + 1;
    let url: string;
    try {
      url = new URL(value.slice(lt + 1, gt).trim(), pageUrl).href;
    } catch {
      continue;
    }
    const rel: string[] = [];
    for (const p of value.slice(gt + 1, j).split(';')) {
      const kv = /^\s*rel\s*=\s*(?:"([^"]*)"|([^\s"]+))\s*$/i.exec(p);
      if (kv) rel.push(...(kv[1] ?? kv[2]!).toLowerCase().split(/\s+/).filter(Boolean));
    }
    out.push({ url, rel });
  }
  return out;
}

/** The next page after the answer at `pageUrl` with Link header `link`: null when it is the
 *  last; `foreign` holds the URL as written when its origin was replaced by the page's. */
export function nextPageUrl(link: string | null, pageUrl: string): { url: string; foreign: string | null } | null {
  if (!link) return null;
  const next = parseLinkHeader(link, pageUrl).find((l) => l.rel.includes('next'));
  if (!next) return null;
  const page = new URL(pageUrl);
  const target = new URL(next.url);
  if (target.origin === page.origin) return { url: target.href, foreign: null };
  return { url: `${page.origin}${target.pathname}${target.search}`, foreign: target.href };
}

/** The page number of the last page the Link header names (its `page` parameter), 0 when it names
 *  none: how many pages a list has, for progress. */
export function lastPage(link: string | null, pageUrl: string): number {
  const last = link ? parseLinkHeader(link, pageUrl).find((l) => l.rel.includes('last')) : undefined;
  const n = last ? Number(new URL(last.url).searchParams.get('page')) : 0;
  return Number.isInteger(n) && n > 0 ? n : 0;
}
