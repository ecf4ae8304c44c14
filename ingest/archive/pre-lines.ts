// The lines of a <pre> block with the links and anchors that start on each: public-inbox writes
// a message's headers, its body and its thread overview as preformatted text, and says which
// message a line is about only through the link on it (href="../<msgid>/", href="#m<sha1>").
// Text is taken as page-text.ts takes it (entities decoded, links as their text, scripts and
// comments dropped). Pure and iterative.
import type { AnyNode, Element } from 'domhandler';

/** One line of a <pre>. */
export interface PreLine {
  /** The line's text, without its newline. */
  text: string;
  /** href of each link on the line, in order. */
  hrefs: string[];
  /** id of each element that starts on the line, in order. */
  ids: string[];
}

/** Elements whose content is not text of the page (as page-text.ts). */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'select', 'textarea', 'button', 'form', 'svg', 'math', 'img', 'input']);

/** The lines of `nodes` (the children of a <pre>). */
export function preLines(nodes: readonly AnyNode[]): PreLine[] {
  const lines: PreLine[] = [{ text: '', hrefs: [], ids: [] }];
  const stack: AnyNode[] = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const parts = (node as unknown as { data: string }).data.replace(/\r\n?/g, '\n').split('\n');
      lines[lines.length - 1]!.text += parts[0];
      for (const p of parts.slice(1)) lines.push({ text: p, hrefs: [], ids: [] });
      continue;
    }
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP.has(name)) continue;
    const line = lines[lines.length - 1]!;
    if (name === 'br') {
      lines.push({ text: '', hrefs: [], ids: [] });
      continue;
    }
    if (el.attribs.id) line.ids.push(el.attribs.id);
    if (name === 'a' && el.attribs.href !== undefined) line.hrefs.push(el.attribs.href);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return lines;
}
