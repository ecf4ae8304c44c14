import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readTopic } from './read-topic.ts';
import type { Diagnostic } from '../types.ts';
import type { ResolvedCitation } from './remark-citations.ts';
import { renderTopic } from './render-topic.ts';

const DAN: ResolvedCitation = {
  messageId: 'dan@example.com',
  author: 'Dan Williams',
  email: 'dan@example.com',
  date: '2024-04-12T17:32:44.000Z',
  subject: 'Re: [RFC 00/10] fs/dax: Fix FS DAX page reference counts',
  text: "Right, I don't think pte_special is applicable for any DAX pages.",
  answers: { author: 'Jason Gunthorpe', text: 'pte_special should only be used by memory without a struct page, is that what DEVDAX is?' },
  href: '/m/dan@example.com/',
};

/** A topic problem as file, line and message (source, locator and message of its Diagnostic). */
const fileLine = (p: Diagnostic) => ({ file: p.source, line: Number(p.locator), message: p.message });

const resolve = (mid: string, fragment?: string): ResolvedCitation | string =>
  mid === 'dan@example.com' ? (fragment && !DAN.text.includes(fragment) ? `"${fragment}" is not in <${mid}>` : DAN) : `<${mid}> is not in the store`;

const FILE = `---
title: "DAX refcounts"
query: 's:refcount'
lineages: ['<cover@example.com>']
---
Intro with an inline [[dan@example.com]] reference.

[[<dan@example.com>|pte_special is applicable]]

https://lore.kernel.org/nvdimm/dan@example.com/

See [the thread](https://lore.kernel.org/all/dan%40example.com/) and [[gone@example.com]].
`;

describe('topics', () => {
  it('reads front matter, and says which field is wrong where', () => {
    const { topic, problems } = readTopic('content/topics/dax.md', 'dax.md', FILE);
    expect(problems).toEqual([]);
    expect(topic).toMatchObject({ slug: 'dax', title: 'DAX refcounts', query: 's:refcount', lineages: ['cover@example.com'], bodyLine: 6 });
    expect(readTopic('t.md', 't.md', '---\ntitle: x\nqueri: y\n---\n').problems.map(fileLine)).toEqual([
      { file: 't.md', line: 3, message: 'unknown field "queri"; known fields: title, query, summary, lists, lineages, messages' },
      { file: 't.md', line: 2, message: '"query" is required' },
    ]);
    expect(readTopic('t.md', 't.md', 'no front matter').problems[0]!.message).toMatch(/no front matter/);
  });

  it('turns citations into cards and references, and reports those that resolve to nothing with their line', () => {
    const { topic } = readTopic('content/topics/dax.md', 'dax.md', FILE);
    const r = renderTopic(topic!, resolve);
    expect(r.problems.map(fileLine)).toEqual([{ file: 'content/topics/dax.md', line: 12, message: '<gone@example.com> is not in the store' }]);
    expect(r.cited).toEqual(['dan@example.com', 'dan@example.com', 'dan@example.com', 'dan@example.com']);
    // Two cards (a wiki citation and a pasted URL alone in their paragraphs).
    expect(r.html.match(/<figure class="citation" data-message-id="dan@example.com">/g)).toHaveLength(2);
    expect(r.html).toContain('<a href="/m/dan@example.com/" title="Right, I don&#x27;t think pte_special is applicable for any DAX pages." class="cite-ref" data-message-id="dan@example.com">Dan Williams, 2024-04-12</a>');
    expect(r.html).toContain('<p class="answers">Jason Gunthorpe: pte_special should only be used by memory without a struct page, is that what DEVDAX is?</p>');
    expect(r.html).toContain('<a href="https://lore.kernel.org/r/dan@example.com" rel="noreferrer nofollow">lore</a>');
    // A lore link with its own words keeps them and points at the local copy.
    expect(r.html).toContain('<a href="/m/dan@example.com/" title="Dan Williams, 2024-04-12: Right');
    expect(r.html).toContain('>the thread</a>');
    expect(load(r.html)('figure.citation button.cite').first().attr('data-cite')).toBe(
      "> **Jason Gunthorpe:** pte_special should only be used by memory without a struct page, is that what DEVDAX is?\n>\n> **Dan Williams:** Right, I don't think pte_special is applicable for any DAX pages.\n\n— Dan Williams <dan@example.com>, 2024-04-12, [Re: \\[RFC 00/10\\] fs/dax: Fix FS DAX page reference counts](https://lore.kernel.org/r/dan@example.com)\n",
    );
  });

  it('never passes mail text or raw HTML through as markup', () => {
    const evil: ResolvedCitation = { ...DAN, text: '<script>alert(1)</script>', subject: '<img src=x onerror=alert(1)>', author: '<b>x</b>' };
    const r = renderTopic({ file: 'f', bodyLine: 1, body: '[[dan@example.com]]\n\n<script>alert(2)</script>\n' }, () => evil);
    const $ = load(r.html);
    expect($('script, img, b').length).toBe(0);
    expect($('figure.citation blockquote').text()).toContain('<script>alert(1)</script>');
  });
});
