// How a revision is named to people: "v3", "RFC v1", "v2?" (version inferred, not tagged),
// "v8 RESEND", "v14 bundle", "v5.1" (partial reroll); and a posting with its version after its
// title, "mm: fix refcounts (RFC v3)", as search results label a series. Pure.

export interface Labelled {
  version: number;
  versionInferred: boolean;
  rfc: boolean;
  resend: boolean;
  bundle: boolean;
}

export function revisionLabel(r: Labelled): string {
  const v = `v${Number.isInteger(r.version) ? r.version : String(Math.round(r.version * 100) / 100)}${r.versionInferred ? '?' : ''}`;
  return [r.rfc ? 'RFC' : '', v, r.resend ? 'RESEND' : '', r.bundle ? 'bundle' : ''].filter(Boolean).join(' ');
}

/** "mm: fix refcounts (RFC v3)": a posting's title with its version after it, never run into it. */
export function seriesLabel(title: string, rfc: boolean, tag: string | null): string {
  const version = [rfc ? 'RFC' : '', tag ? `v${tag}` : ''].filter(Boolean).join(' ');
  const t = title.replace(/\s+/g, ' ').trim();
  return version ? `${t} (${version})` : t;
}
