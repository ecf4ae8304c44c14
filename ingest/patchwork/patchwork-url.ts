// URLs of a Patchwork server: its REST API by version (/api/1.3/patches/?project=...) and its
// mbox downloads (/series/N/mbox/, /patch/N/mbox/, /cover/N/mbox/, which Patchwork answers
// itself or redirects to /project/<name>/patch/<msgid>/mbox/). Query parameters are written in
// sorted order, so the same request is the same URL. Also reads a Patchwork URL a user pasted
// (a project's list page, an API URL) as base and project. Pure.

/** The API versions patchlore reads, newest first (Patchwork 3.1 and later serve 1.3; 2.2 serves
 *  1.2; 2.1 1.1; 2.0 1.0; docs/api/rest/index.rst). */
export const API_VERSIONS = ['1.3', '1.2', '1.1', '1.0'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Whether `version` has a feature that arrived with `since` ("1.2" >= "1.2"). */
export function apiAtLeast(version: string, since: ApiVersion): boolean {
  const [a, b] = version.split('.').map(Number) as [number, number];
  const [c, d] = since.split('.').map(Number) as [number, number];
  return a > c || (a === c && b >= d);
}

/** What to address on a Patchwork server. */
export type PatchworkResource =
  | { kind: 'api-root' }
  | { kind: 'project'; project: string }
  | { kind: 'list'; of: 'projects' | 'patches' | 'covers' | 'series' | 'events'; query: Record<string, string | number> }
  | { kind: 'patch' | 'cover' | 'series'; id: number }
  | { kind: 'checks'; patchId: number; query: Record<string, string | number> };

function queryString(q: Record<string, string | number>): string {
  const keys = Object.keys(q).sort();
  if (!keys.length) return '';
  return '?' + keys.map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(q[k]))}`).join('&');
}

/** The URL of `r` on the server at `base` (no trailing slash) with API `version`. */
export function patchworkUrl(base: string, version: string, r: PatchworkResource): string {
  const api = `${base}/api/${version}`;
  switch (r.kind) {
    case 'api-root':
      return `${api}/`;
    case 'project':
      return `${api}/projects/${encodeURIComponent(r.project)}/`;
    case 'list':
      return `${api}/${r.of}/${queryString(r.query)}`;
    case 'patch':
      return `${api}/patches/${r.id}/`;
    case 'cover':
      return `${api}/covers/${r.id}/`;
    case 'series':
      return `${api}/series/${r.id}/`;
    case 'checks':
      return `${api}/patches/${r.patchId}/checks/${queryString(r.query)}`;
  }
}

/** The mbox download of a series (its patches), a patch or a cover letter. */
export function patchworkMboxUrl(base: string, of: 'series' | 'patch' | 'cover', id: number): string {
  return `${base}/${of}/${id}/mbox/`;
}

/** A Patchwork location as given by a user: "https://patchwork.kernel.org",
 *  ".../project/linux-nvdimm/list/", ".../api/1.3/". The base URL, and the project when the URL
 *  names one. */
export function parsePatchworkLocation(input: string): { ok: true; base: string; project: string | null } | { ok: false; reason: string } {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, reason: `not a URL: ${JSON.stringify(input.slice(0, 100))} (expected e.g. https://patchwork.kernel.org)` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: `not an http(s) URL: ${JSON.stringify(input.slice(0, 100))}` };
  const path = u.pathname;
  let project: string | null = null;
  let prefix = path;
  const proj = /^(.*?)\/project\/([^/]+)(?:\/.*)?$/.exec(path);
  const api = /^(.*?)\/api(?:\/\d+\.\d+)?(?:\/.*)?$/.exec(path);
  if (proj) {
    prefix = proj[1]!;
    project = decodeURIComponent(proj[2]!);
  } else if (api) {
    prefix = api[1]!;
    const p = /\/projects\/([^/]+)/.exec(path);
    if (p && !/^\d+$/.test(p[1]!)) project = decodeURIComponent(p[1]!);
  }
  return { ok: true, base: `${u.origin}${prefix.replace(/\/+$/, '')}`, project };
}
