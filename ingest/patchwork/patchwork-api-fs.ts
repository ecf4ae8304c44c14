// Patchwork's REST API over patchlore's polite HTTP client (ingest/sync/http-client-fs.ts: one
// request at a time, pauses, retries, redirects, the sync cache): one JSON answer, or every page
// of a list, following the Link header's "next". Failures, non-JSON answers and lists that are
// not lists come back as problems, never as exceptions. It maps nothing itself: each caller
// passes the mapper of the records it reads (map-*.ts).
import { readFile } from 'node:fs/promises';
import type { HttpClient } from '../sync/http-client-fs.ts';
import type { Diagnostic } from '../types.ts';
import { lastPage, nextPageUrl } from './link-header.ts';
import { foundText } from './patchwork-fields.ts';

/** One answer. */
export type JsonAnswer =
  | { kind: 'ok'; json: unknown; url: string; link: string | null }
  /** 404 or 410: the server has no such thing (a deleted record, an API version it lacks). */
  | { kind: 'not-found'; url: string; status: number }
  /** The request failed or the answer was unusable; the problem is recorded. */
  | { kind: 'failed'; url: string; limit: boolean };

/** Every page of a list. */
export interface ListAnswer<T> {
  items: T[];
  /** False when a page failed: `items` holds the pages before it. */
  complete: boolean;
  /** Pages read. */
  pages: number;
  /** The first page answered 404. */
  notFound: boolean;
}

/** The API of one server. */
export class PatchworkApi {
  /** Set once a Link header pointed at another origin (said once per run). */
  private foreignLinkSaid = false;

  constructor(
    private readonly client: HttpClient,
    /** Where problems go. */
    readonly problems: Diagnostic[],
    /** Told after each page of a list: pages read, and how many there are (0 when unknown). */
    private readonly onPage: (label: string, pages: number, total: number) => void = () => undefined,
  ) {}

  /** GET one JSON answer. */
  async get(url: string, label: string): Promise<JsonAnswer> {
    const r = await this.client.fetch({ urls: [url], expect: 'json', cache: 'none', label });
    this.problems.push(...r.warnings);
    if (r.kind === 'not-found') return { kind: 'not-found', url: r.url, status: r.status };
    if (r.kind === 'failed') {
      this.problems.push({ ...r.problem, message: `${label}: ${r.problem.message}` });
      return { kind: 'failed', url, limit: r.problem.code === 'http/limit' };
    }
    const text = await readFile(r.file, 'utf8');
    try {
      return { kind: 'ok', json: JSON.parse(text), url: r.url, link: r.link };
    } catch (err) {
      this.problems.push({
        code: 'patchwork/bad-json',
        message: `${label}: the answer is not JSON (${(err as Error).message})`,
        source: r.url,
        hint: 'the server may not be Patchwork, or it sent a broken answer; try again later',
        severity: 'error',
        expected: 'a JSON document',
        found: foundText(text.slice(0, 200)),
      });
      return { kind: 'failed', url: r.url, limit: false };
    }
  }

  /** GET every page of a list from `url`, mapping each item (null: skipped, the mapper says
   *  why); with `enough`, stop after the first page for which it says so (complete). */
  async list<T>(url: string, label: string, map: (item: unknown, pageUrl: string) => T | null, enough?: (page: T[]) => boolean): Promise<ListAnswer<T>> {
    const out: ListAnswer<T> = { items: [], complete: false, pages: 0, notFound: false };
    const asked = new Set<string>();
    for (let next: string | null = url; next !== null; ) {
      asked.add(next);
      const a = await this.get(next, out.pages ? `${label}, page ${out.pages + 1}` : label);
      if (a.kind === 'not-found') {
        if (out.pages === 0) out.notFound = true;
        else this.problems.push({ code: 'http/not-found', message: `${label}: page ${out.pages + 1} is gone (HTTP ${a.status}); the list was read in part`, source: a.url, hint: 'the list changed while it was read: sync again', severity: 'error' });
        return out;
      }
      if (a.kind === 'failed') return out;
      out.pages++;
      if (!Array.isArray(a.json)) {
        this.problems.push({
          code: 'patchwork/bad-shape',
          message: `${label}: the answer is not a list`,
          source: a.url,
          hint: 'the base URL may point at something else than Patchwork, or its API version differs',
          severity: 'error',
          expected: 'a JSON array',
          found: foundText(a.json),
        });
        return out;
      }
      const page: T[] = [];
      for (const item of a.json) {
        const v = map(item, a.url);
        if (v !== null) page.push(v);
      }
      out.items.push(...page);
      this.onPage(label, out.pages, lastPage(a.link, a.url));
      if (enough?.(page)) break;
      const n = nextPageUrl(a.link, a.url);
      if (n?.foreign && !this.foreignLinkSaid) {
        this.foreignLinkSaid = true;
        this.problems.push({
          code: 'patchwork/link',
          message: `${label}: the server links its next page at ${n.foreign}; asked at ${n.url} instead, on the server asked`,
          source: a.url,
          hint: 'the server (or a proxy in front of it) writes links for another host or scheme; nothing to do unless pages go missing',
          severity: 'warning',
        });
      }
      if (n && asked.has(n.url)) {
        this.problems.push({ code: 'patchwork/link', message: `${label}: the Link header leads back to a page already read (${n.url}); stopped`, source: a.url, hint: 'the server paginates in a circle: report it to its admins', severity: 'error' });
        return out;
      }
      next = n?.url ?? null;
    }
    out.complete = true;
    return out;
  }
}
