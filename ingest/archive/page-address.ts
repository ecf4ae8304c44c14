// Addresses as archive pages show them: "Name (local_at_xxxxxxxxxx)" (hypermail), "Name
// <user@xxxxxx>" (MHonArc's and lkml.iu.edu's spam protection), "user [at] domain", or whole.
// The "@" spelt out is turned back; a domain the archive hid stays hidden, and is reported. Pure.
import type { Address, Obfuscation, PageAddress } from '../types.ts';
import { parseAddressList } from '../message/address-list.ts';

/** "@" as archives spell it out: hypermail's "_at_", "[at]", "(at)" (with or without spaces). */
const AT_WORD = /(?<=[\w.+-])(?:_at_|\s?\[at\]\s?|\s?\(at\)\s?)(?=[\w[])/gi;

/** public-inbox's obfuscation (publicinbox.<name>.obfuscate): the first dot of a domain
 *  written as U+2022 (lib/PublicInbox/Hval.pm obfuscate_addrs). */
const BULLET_DOMAIN = /(@[\w-]+)\u2022(?=[\w-])/g;

/** A domain an archive hid: x's for its characters (spinics, lkml.iu.edu), hypermail's fixed
 *  antispamdomain, "[hidden]", MHonArc's mailto target "DOMAIN.HIDDEN". */
const HIDDEN = /@(?:x{2,}|\[hidden\]|domain\.hidden)$/i;

/** How an address was hidden: null when shown whole. */
export interface AddressObfuscation {
  how: Obfuscation['how'];
  restored: boolean;
}

/** Turn a spelt-out "@" (or public-inbox's bullet) back; say whether one was. */
export function unhideAt(s: string): { text: string; changed: boolean } {
  const text = s.replace(AT_WORD, '@').replace(BULLET_DOMAIN, '$1.');
  return { text, changed: text !== s };
}

/** public-inbox's bullets turned back into dots in running text (a body), where "_at_" and
 *  "[at]" may be anything (set_pte_at_notify) and are left alone. */
export function unhideBullets(s: string): { text: string; changed: boolean } {
  const text = s.replace(BULLET_DOMAIN, '$1.');
  return { text, changed: text !== s };
}

/** Addresses of a header value as a page shows it ("A <a@x>, b@x"), each with how it was hidden. */
export function pageAddresses(shown: string): Array<{ address: PageAddress; hidden: AddressObfuscation | null }> {
  const { text, changed } = unhideAt(shown);
  // parseAddressList reads raw header bytes held as Latin-1 code units: hand it UTF-8 so.
  const list: Address[] = parseAddressList(Buffer.from(text, 'utf8').toString('latin1'));
  return list.map((a) => {
    const address = { name: a.name, email: a.email };
    if (a.email && HIDDEN.test(a.email)) return { address, hidden: { how: 'x-domain', restored: false } };
    if (changed && a.email) return { address, hidden: { how: 'spelt-out', restored: true } };
    return { address, hidden: null };
  });
}

/** One address from a display name and an address shown apart (hypermail's name= and email=
 *  comments), with how it was hidden. */
export function pageAddress(name: string, shownEmail: string): { address: PageAddress; hidden: AddressObfuscation | null } {
  const { text, changed } = unhideAt(shownEmail.trim());
  const email = text.includes('@') ? text.slice(0, text.lastIndexOf('@')) + '@' + text.slice(text.lastIndexOf('@') + 1).toLowerCase() : text;
  const address = { name: name.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, ''), email };
  if (email && HIDDEN.test(email)) return { address, hidden: { how: 'x-domain', restored: false } };
  if (!email && address.name) return { address, hidden: { how: 'name-only', restored: false } };
  return { address, hidden: changed ? { how: 'spelt-out', restored: true } : null };
}
