// The lines mail clients write above a quote, and who they name: "Jason Gunthorpe wrote:",
// "On Thu, Apr 11, 2024 at 10:57:28AM +1000, Alistair Popple wrote:" (mutt), "On Mon, Feb 7, 2022
// at 2:42 PM Christoph Hellwig <hch@lst.de> wrote:" (Gmail), "On 11.04.24 02:57, David Hildenbrand
// wrote:" (Thunderbird), "Dan Williams <dan.j.williams@intel.com> writes:" (Gnus), "* Jason
// Gunthorpe <jgg@nvidia.com> [240412 10:00]:", "Quoting Dan Williams (2024-04-12 09:00:00)", and
// the same in German and French. An attribution wrapped onto two lines is joined first. Pure.
import type { Attribution } from '../types.ts';

const VERB = /(?:^|\s)(?:wrote|writes|said|schrieb|a écrit|escribió|napisał|kirjoitti|scripsit)\s?:\s*$/i;
const EMAIL = /<?([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+?)>?(?=\s|$)/;

/** Whether a line (quote markers removed) is an attribution, alone. */
export function isAttributionLine(line: string): boolean {
  const t = line.trim();
  if (t.length > 200 || (!t.endsWith(':') && !t.endsWith(')'))) return false;
  if (/^Am\s.+\sschrieb\s.+:\s*$/i.test(t)) return true;
  if (VERB.test(t)) return /^On\s/i.test(t) || /^Am\s/i.test(t) || /^Le\s/i.test(t) || t.split(/\s+/).length <= 12;
  return /^\*\s+.+\[[^\]]*\]:\s*$/.test(t) || /^Quoting\s+.+\(.*\)[:]?\s*$/i.test(t);
}

/** An attribution that starts on `first` and ends on `second` ("On Thu, ..., Alistair\nPopple
 *  wrote:"), joined; null when the two lines are not one. */
export function joinWrappedAttribution(first: string, second: string): string | null {
  const b = second.trim();
  if (!b.endsWith(':') || !/^(?:On|Am|Le)\s/i.test(first.trimStart())) return null;
  const a = first.trim();
  if (!a || VERB.test(a) || !VERB.test(b)) return null;
  if (!/^(?:On|Am|Le)\s/i.test(a) || a.length + b.length > 240) return null;
  return `${a} ${b}`;
}

/** Who an attribution line names. */
export function parseAttribution(line: string): Attribution | null {
  let t = line.trim();
  if (!isAttributionLine(t)) return null;
  const mutt = /^\*\s+(.+?)\s*\[[^\]]*\]:\s*$/.exec(t);
  const quoting = /^Quoting\s+(.+?)\s*\(.*\)[:]?\s*$/i.exec(t);
  // German puts the verb first: "Am 12.04.24 um 10:00 schrieb David Hildenbrand:".
  const german = /^Am\s.+?\sschrieb\s+(.+?)\s*:\s*$/i.exec(t);
  if (german) t = german[1]!;
  else if (mutt) t = mutt[1]!;
  else if (quoting) t = quoting[1]!;
  else t = t.replace(VERB, '').trim();
  const emailMatch = EMAIL.exec(t);
  const email = emailMatch ? emailMatch[1]!.toLowerCase() : '';
  if (emailMatch) t = (t.slice(0, emailMatch.index) + t.slice(emailMatch.index + emailMatch[0].length)).trim();
  // An address an archive obscured ("<rcampbell@xxxxxxxxxx>", no domain left to read) is no name.
  t = t.replace(/\s*<[^<>]*>/g, '').replace(/\s*\(\s*\)\s*$/, '').trim();
  if (!german && /^(?:On|Am|Le)\s/i.test(t)) {
    // The date comes first; the name is what follows its last piece: "..., Name", "... PM Name",
    // "... +1000, Name", "... 02:57, Name".
    const afterComma = t.lastIndexOf(',');
    const time = [...t.matchAll(/\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[+-]\d{4})?(?:\s*\(?[A-Z]{2,5}\)?(?=\s))?/g)].pop();
    const afterTime = time ? time.index! + time[0].length : -1;
    const cut = Math.max(afterComma + 1, afterTime);
    t = cut > 0 ? t.slice(cut) : t.replace(/^(?:On|Am|Le)\s/i, '');
    t = t.replace(/^[\s,]+|[\s,]+$/g, '');
  }
  t = t.replace(/^"(.*)"$/, '$1').trim();
  // A name is a few words, not a sentence.
  const name = t && t.split(/\s+/).length <= 6 && /\p{L}/u.test(t) && !/\d{4}/.test(t) ? t : '';
  if (!name && !email) return null;
  return { name, email };
}
