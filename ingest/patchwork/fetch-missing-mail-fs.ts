// Fetch from Patchwork the mail patchlore lacks, as mbox files in the sync cache that the import
// reads like any other download: a series mbox per series, else each patch's or cover letter's
// own mbox (Patchwork redirects /patch/N/mbox/ to /project/<name>/patch/<msgid>/mbox/). Each file
// is checked for the Message-IDs it was fetched for; what Patchwork cannot give is returned as
// still missing, for the list archive (lore) to bring. It imports nothing.
//
// Patchwork's mbox is rebuilt from what it stored, not the mail as received: the body is the
// message's text, then the trailers Patchwork collected from replies (Reviewed-by: ...), then
// the diff, re-encoded as UTF-8 text/plain (_submission_to_mbox in patchwork/views/utils.py).
// Prefer the list archive where it has the message.
import { readFile } from 'node:fs/promises';
import type { HttpClient } from '../sync/http-client-fs.ts';
import type { Diagnostic, PatchworkMailRef } from '../types.ts';
import { mboxMessageIds } from './mbox-message-ids.ts';
import { planMissingMail, type MboxDownload } from './plan-missing-mail.ts';
import { patchworkMboxUrl } from './patchwork-url.ts';

/** What was fetched. */
export interface MissingMailResult {
  /** mbox files in the sync cache, for the import. */
  files: string[];
  /** Message-IDs found in them among those wanted. */
  fetched: string[];
  /** Message-IDs Patchwork could not give. */
  stillMissing: string[];
  problems: Diagnostic[];
}

/** Fetch the mboxes holding `wanted` from the Patchwork server at `server`. */
export async function fetchMissingMailFs(client: HttpClient, server: string, wanted: readonly PatchworkMailRef[], log: (line: string) => void = () => undefined): Promise<MissingMailResult> {
  const out: MissingMailResult = { files: [], fetched: [], stillMissing: [], problems: [] };
  const got = new Set<string>();
  const run = async (d: MboxDownload): Promise<void> => {
    const url = patchworkMboxUrl(server, d.of, d.id);
    const label = `${d.of} ${d.id} mbox`;
    if (client.limitReached) {
      out.stillMissing.push(...d.messageIds.filter((m) => !got.has(m)));
      return;
    }
    const r = await client.fetch({ urls: [url], expect: 'mbox', cache: 'ttl', label });
    out.problems.push(...r.warnings);
    let lacking = d.messageIds;
    if (r.kind === 'ok') {
      const ids = new Set(mboxMessageIds(await readFile(r.file, 'utf8')));
      const found = d.messageIds.filter((m) => ids.has(m));
      lacking = d.messageIds.filter((m) => !ids.has(m));
      if (found.length) {
        out.files.push(r.file);
        for (const m of found) got.add(m);
      }
      log(`${label}: ${found.length} of ${d.messageIds.length} wanted messages${lacking.length ? `; lacking ${lacking.length}` : ''}`);
      if (lacking.length && !d.fallback.length) {
        out.problems.push({
          code: 'patchwork/mbox',
          message: `${label} lacks ${lacking.map((m) => `<${m}>`).join(', ')}`,
          source: r.url,
          hint: 'the list archive may have it: patchlore sync --message MSGID',
          severity: 'warning',
        });
      }
    } else if (r.kind === 'not-found') {
      log(`${label}: not on the server (HTTP ${r.status})`);
      if (!d.fallback.length) out.problems.push({ code: 'patchwork/mail-missing', message: `${label}: HTTP ${r.status}`, source: r.url, hint: 'the list archive may have it: patchlore sync --message MSGID', severity: 'warning' });
    } else out.problems.push({ ...r.problem, message: `${label}: ${r.problem.message}`, severity: d.fallback.length ? 'warning' : r.problem.severity });
    const retry = d.fallback.filter((f) => f.messageIds.some((m) => lacking.includes(m)));
    for (const f of retry) await run(f);
    if (!d.fallback.length) out.stillMissing.push(...lacking.filter((m) => !got.has(m)));
  };
  for (const d of planMissingMail(wanted)) await run(d);
  out.fetched = [...got];
  out.stillMissing = [...new Set(out.stillMissing)].filter((m) => !got.has(m));
  out.files = [...new Set(out.files)];
  return out;
}
