// Test helper: a posting with defaults (one author, undated, one patch whose fingerprint is empty),
// for the series stage's unit tests.
import type { Posting } from '../types.ts';

export function aPosting(id: string, o: Partial<Posting> = {}): Posting {
  return {
    id,
    threadId: id,
    author: { name: 'Ann Author', email: 'ann@x' },
    date: null,
    version: null,
    rfc: false,
    resend: false,
    bundle: false,
    total: 1,
    prefixes: [],
    title: id,
    subject: id,
    coverKey: null,
    cover: null,
    patches: [{ key: `${id}.1`, index: 1, total: 1, subject: id, title: id, fingerprint: '' }],
    changeId: null,
    links: [],
    changelogFrom: [],
    inReplyTo: null,
    files: [],
    signers: [],
    ...o,
  };
}
