// The Message-IDs of the messages in an mbox, to check that a download from Patchwork holds the
// mail it was fetched for. Reads only each message's header block (up to the first blank line),
// unfolding continuation lines. Pure; the import parses the mail properly later.
import { isFromLine } from '../source/split-mbox.ts';

/** Message-IDs (without angle brackets) of the messages of `mbox`, in order. */
export function mboxMessageIds(mbox: string): string[] {
  const ids: string[] = [];
  let inHeaders = false;
  let header = '';
  const flush = (): void => {
    const m = /^message-id:\s*<([^<>\s]+)>/i.exec(header);
    if (m) ids.push(m[1]!);
    header = '';
  };
  for (const line of mbox.split(/\r?\n/)) {
    if (isFromLine(line)) {
      flush();
      inHeaders = true;
      continue;
    }
    if (!inHeaders) continue;
    if (line === '') {
      flush();
      inHeaders = false;
    } else if (/^[ \t]/.test(line)) header += ' ' + line.trim();
    else {
      flush();
      header = line;
    }
  }
  flush();
  return ids;
}
