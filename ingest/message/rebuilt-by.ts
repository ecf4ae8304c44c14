// Whether a message is a server's rebuild of a mail rather than the mail as sent: Patchwork's mbox
// downloads (/patch/N/mbox/, /series/N/mbox/) are made from what it stored, not the mail received
// (_submission_to_mbox in patchwork/views/utils.py: the stored text, the trailers it collected from
// replies, the diff, re-encoded as UTF-8 text/plain). It writes its own fields first: the new
// MIME fields, then X-Patchwork-Submitter, X-Patchwork-Id and X-Patchwork-Delegate, then the
// stored header. So a rebuild is told by an X-Patchwork-Id among those leading fields only: a
// sender's own X-Patchwork-* field further down does not make mail a rebuild. Pure.
import type { HeaderBlock } from './header-block.ts';

/** The fields Patchwork writes before the stored header. */
const PATCHWORK_LEAD = /^(?:content-type|mime-version|content-transfer-encoding|x-patchwork-[a-z-]+)$/;

/** 'patchwork' when `block` opens the way Patchwork's mbox rebuilds do, else null. */
export function rebuiltBy(block: HeaderBlock): 'patchwork' | null {
  for (const f of block.fields) {
    if (!PATCHWORK_LEAD.test(f.name)) return null;
    if (f.name === 'x-patchwork-id') return 'patchwork';
  }
  return null;
}
