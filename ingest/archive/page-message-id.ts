// Message-IDs as archive pages write them, and what they have lost: hypermail writes "@" as
// "_at_"; hypermail 2.4 also runs its anti-spam domain rewriting over the Message-ID and
// In-Reply-To header lines before reading them (so "x@nvidia.com" comes out "x_at_xxxxx", or cut
// to "x_at"); hypermail makes up "N.N@hypermail.dummy" for a message without a Message-ID or
// reusing one it already has. Archives configured with antispamdomain show "_at_[hidden]".
// Pure. It does not find the real ID of a damaged one: match-page.ts compares other fields.
import type { PageMessageId } from '../types.ts';
import { MAX_MESSAGE_ID_LENGTH } from '../message/message-id.ts';

/** hypermail's made-up IDs (its addhash(): sprintf "%d.%4.4d@hypermail.dummy" of the time and a
 *  counter, when the Message-ID is missing or already taken). */
const MADE_UP = /^\d+\.\d+@hypermail\.dummy$/i;

/** A domain the archive replaced by x's or by "[hidden]". */
const HIDDEN_DOMAIN = /^(?:x+|\[hidden\])$/i;

/**
 * Read an ID as written on a page. `at`: 'spelt-out' when the generator writes "@" as "_at_"
 * (hypermail), 'plain' when it writes the ID as is. Brackets and whitespace are dropped.
 */
export function readPageId(writtenRaw: string, at: 'spelt-out' | 'plain'): PageMessageId {
  const written = writtenRaw.replace(/[\s<>]+/g, '').slice(0, MAX_MESSAGE_ID_LENGTH * 2);
  if (!written) return { id: '', state: 'missing', written: '' };
  if (at === 'plain') {
    const domain = written.includes('@') ? written.slice(written.lastIndexOf('@') + 1) : null;
    const state = domain !== null && HIDDEN_DOMAIN.test(domain) ? 'truncated' : 'complete';
    return { id: written.slice(0, MAX_MESSAGE_ID_LENGTH), state, written };
  }
  const i = written.lastIndexOf('_at_');
  if (i < 0) {
    // "..._at" or "..._a": the domain and part of the "_at_" cut off.
    const cut = written.match(/^(.*?)_a?t?$/);
    if (cut && /_at?$|_$/.test(written)) return { id: cut[1]!, state: 'truncated', written };
    return { id: written.slice(0, MAX_MESSAGE_ID_LENGTH), state: 'complete', written };
  }
  const id = `${written.slice(0, i)}@${written.slice(i + 4)}`.slice(0, MAX_MESSAGE_ID_LENGTH);
  const domain = written.slice(i + 4);
  if (MADE_UP.test(id)) return { id, state: 'made-up', written };
  if (domain === '' || HIDDEN_DOMAIN.test(domain)) return { id, state: 'truncated', written };
  return { id, state: 'complete', written };
}

/** Where placeholder IDs live: a reserved top-level domain (RFC 2606), so never a real ID. */
export const PLACEHOLDER_DOMAIN = 'page.patchlore.invalid';

/**
 * The ID a page message is stored under: its own when complete; for a damaged or made-up one, a
 * placeholder made from what the page wrote, the same wherever the page writes it (so replies on
 * the same archive still thread to it); null when missing.
 */
export function placeholderId(p: PageMessageId): string | null {
  if (p.state === 'complete') return p.id;
  if (p.state === 'missing') return null;
  const local = p.written.replace(/[^A-Za-z0-9._+=-]/g, '_').slice(0, MAX_MESSAGE_ID_LENGTH - PLACEHOLDER_DOMAIN.length - 16);
  return `${local}.${p.state}@${PLACEHOLDER_DOMAIN}`;
}
