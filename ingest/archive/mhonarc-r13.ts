// MHonArc's X-From-R13 comment: the whole From header in MHonArc's self-inverse rot13 variant
// (tr/@A-Z[a-z/N-Z[@A-Mn-za-m/), so a page that shows "jgg@xxxxxxxxxx" still holds
// "Jason Gunthorpe <jgg@nvidia.com>". Pure.

const FROM = '@ABCDEFGHIJKLMNOPQRSTUVWXYZ[abcdefghijklmnopqrstuvwxyz';
const TO = 'NOPQRSTUVWXYZ[@ABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm';

/** Undo (or apply: it is its own inverse) MHonArc's R13. */
export function decodeR13(s: string): string {
  let out = '';
  for (const ch of s) {
    const i = FROM.indexOf(ch);
    out += i < 0 ? ch : TO[i]!;
  }
  return out;
}
