// The HTML comments of a page, read from its source: hypermail and MHonArc keep a message's
// header fields in comments (`<!-- id="..." -->`, `<!--X-Message-Id: ... -->`). Pure.

/** One comment: its text between "<!--" and "-->", and where it starts in the page. */
export interface PageComment {
  text: string;
  index: number;
}

/** The comments of `html` that start before `end` (a character offset), in page order. */
export function pageComments(html: string, end = html.length): PageComment[] {
  const out: PageComment[] = [];
  const re = /<!--([\s\S]*?)-->/g;
  for (let m = re.exec(html); m && m.index < end; m = re.exec(html)) out.push({ text: m[1]!, index: m.index });
  return out;
}
