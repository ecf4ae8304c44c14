// The text of a part of an archive page: what a reader of the page sees, as mail text. Entities
// are decoded (the HTML parser does it), whitespace of <pre> kept, links turned back into their
// text, <br> and blocks into line ends, <blockquote> into "> " quoting. Scripts, styles, forms
// and comments give nothing, so a hostile page contributes only inert text. Pure and iterative:
// page markup can nest as deep as it likes.
// It does not undo what an archive changed in the text (hidden addresses): the generators' own
// modules do.
// (domhandler's node types are the nodes cheerio hands out.)
import type { AnyNode, Element } from 'domhandler';

/** How a generator lays out text outside <pre>. */
export interface TextStyle {
  /** 'keep': a newline in the HTML source is a line end (public-inbox, MHonArc, Patchwork write
   *  text in <pre>). 'drop': lines end in <br>, newlines in the source only lay out the markup
   *  (hypermail's body outside <pre>). */
  sourceNewlines: 'keep' | 'drop';
  /** 'space': non-breaking spaces stand for spaces (hypermail writes leading spaces as &nbsp;).
   *  'keep': they are the mail's own characters. */
  nbsp: 'space' | 'keep';
}

/** Elements whose content is never text of the message. */
const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'iframe', 'object', 'embed', 'select', 'textarea', 'button', 'form', 'svg', 'math', 'img', 'input']);

/** Elements that start and end on a line of their own. */
const BLOCK = new Set(['div', 'p', 'pre', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'hr', 'center']);

/** Accumulates text line by line, quoting lines inside <blockquote>. */
class Lines {
  private out: string[] = [];
  private line = '';
  /** Whether the current line has anything yet (quote marks are written with its first text). */
  private started = false;
  quote = 0;

  text(s: string): void {
    const pieces = s.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) this.newline();
      if (piece.length === 0) return;
      if (!this.started) {
        this.started = true;
        if (this.quote > 0) this.line += '>'.repeat(this.quote) + ' ';
      }
      this.line += piece;
    });
  }

  newline(): void {
    if (!this.started && this.quote > 0) this.line = '>'.repeat(this.quote);
    this.out.push(this.line);
    this.line = '';
    this.started = false;
  }

  /** End the current line unless nothing was written on it. */
  breakLine(): void {
    if (this.started) this.newline();
  }

  /** A blank line, as hypermail's <p> means, unless the text has none yet. */
  paragraph(): void {
    this.breakLine();
    if (this.out.length > 0) this.newline();
  }

  done(): string {
    this.breakLine();
    const lines = this.out;
    // Empty lines around the text are layout; a line of spaces is kept (a diff's last context
    // line is a single space).
    while (lines.length && lines[0] === '') lines.shift();
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.length ? lines.join('\n') + '\n' : '';
  }
}

/** Text of `nodes` (and everything inside them) laid out as mail text, with a final newline
 *  ('' when there is no text). */
export function pageText(nodes: readonly AnyNode[], style: TextStyle): string {
  const lines = new Lines();
  // Explicit stack of enter/exit steps: no recursion on the page's nesting depth.
  type Step = { node: AnyNode; exit: boolean };
  const stack: Step[] = [...nodes].reverse().map((node) => ({ node, exit: false }));
  let pre = 0;
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.type === 'text') {
      let t = (node as unknown as { data: string }).data.replace(/\r\n?/g, '\n');
      if (pre === 0 && style.sourceNewlines === 'drop') t = t.replace(/\n/g, '');
      lines.text(t);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue; // comments, scripts, styles, directives, CDATA
    const el = node as Element;
    const name = node.type === 'root' ? '' : el.name.toLowerCase();
    if (SKIP.has(name)) continue;
    if (exit) {
      if (name === 'pre') pre--;
      if (name === 'blockquote') {
        lines.breakLine();
        lines.quote--;
      } else if (BLOCK.has(name)) lines.breakLine();
      continue;
    }
    if (name === 'br') {
      lines.newline();
      continue;
    }
    if (name === 'p' && style.sourceNewlines === 'drop') lines.paragraph();
    else if (BLOCK.has(name)) lines.breakLine();
    if (name === 'blockquote') lines.quote++;
    if (name === 'pre') pre++;
    stack.push({ node, exit: true });
    const children = el.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  const text = lines.done();
  return style.nbsp === 'space' ? text.replace(/\u00a0/g, ' ') : text;
}
