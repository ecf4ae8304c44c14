// Reads the manual decisions about lineages (content/series-links.json): pins join two postings
// as revisions of one series, splits keep them apart; automatic linking never overrides them.
// A broken file is a diagnostic naming the file and the entry, not a crash.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, RevisionOverrides } from '../types.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { messageIdArgument } from '../lore/parse-lore-target.ts';

/** The file, unless $PATCHLORE_SERIES_LINKS names another. */
export function seriesLinksPath(): string {
  return process.env.PATCHLORE_SERIES_LINKS ?? join(PROJECT_ROOT, 'content', 'series-links.json');
}

/** What the file holds, as a short fingerprint ('none' when there is no file): the series
 *  tables are recomputed when it changes. */
export function overridesFingerprint(path = seriesLinksPath()): string {
  if (!existsSync(path)) return 'none';
  try {
    return fingerprintOf(readFileSync(path));
  } catch {
    return 'unreadable';
  }
}

function fingerprintOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

const EXAMPLE = '{"pin": [{"from": "<v1 cover Message-ID>", "to": "<v2 cover Message-ID>", "why": "..."}], "split": []}';

/** The manual links, and the fingerprint (as overridesFingerprint gives) of the very bytes they
 *  were read from. */
export function readRevisionOverrides(path = seriesLinksPath()): { overrides: RevisionOverrides; diagnostics: Diagnostic[]; fingerprint: string } {
  const overrides: RevisionOverrides = { pin: [], split: [] };
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(path)) return { overrides, diagnostics, fingerprint: 'none' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    diagnostics.push({ code: 'series/overrides', message: `unreadable: ${(err as Error).message}; no manual links applied`, source: path, expected: EXAMPLE });
    return { overrides, diagnostics, fingerprint: 'unreadable' };
  }
  const fingerprint = fingerprintOf(bytes);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    diagnostics.push({ code: 'series/overrides', message: `not valid JSON: ${(err as Error).message}; no manual links applied`, source: path, expected: EXAMPLE });
    return { overrides, diagnostics, fingerprint };
  }
  for (const kind of ['pin', 'split'] as const) {
    const list = (data as Record<string, unknown>)?.[kind] ?? [];
    if (!Array.isArray(list)) {
      diagnostics.push({ code: 'series/overrides', message: `"${kind}" must be a list`, source: path, expected: EXAMPLE });
      continue;
    }
    list.forEach((e: unknown, i: number) => {
      const entry = e as { from?: unknown; to?: unknown };
      if (typeof entry?.from !== 'string' || typeof entry?.to !== 'string') {
        diagnostics.push({ code: 'series/overrides', message: `${kind}[${i}] needs "from" and "to" Message-IDs`, source: path, locator: `${kind}[${i}]`, expected: EXAMPLE });
        return;
      }
      overrides[kind].push({ from: messageIdArgument(entry.from), to: messageIdArgument(entry.to) });
    });
  }
  return { overrides, diagnostics, fingerprint };
}
