// Character references in text taken from a page outside its DOM (HTML comments, attribute-like
// values in them) decoded as the HTML parser decodes text: "&#45;" -> "-", "&amp;" -> "&". Pure.
import { load } from 'cheerio';

/** Decode the character references of `s`; everything else stays as written (a "<" in `s` is
 *  text, never markup). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return load(s.replace(/</g, '&lt;'), null, false).root().text();
}
