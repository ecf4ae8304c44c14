import { describe, expect, it } from 'vitest';
import type { MessageRow, NodeRow, StatementSpanRow as StatementRow, ThreadRow } from '../../ingest/store/store-rows.ts';
import { ANSWER_CHARS, LONG_QUOTE_LINES, MAX_INDENT, QUOTE_TAIL_LINES, clip, formatSize, ghostAnchor, segmentViews, threadView, type GhostView, type MessageView } from './thread-view.ts';

function msg(key: string, body: string, extra: Partial<MessageRow> = {}): MessageRow {
  return {
    rowId: 1,
    key,
    messageId: key,
    imposter: false,
    subject: `subject of ${key}`,
    fromName: 'Dan Williams',
    dateHeader: '',
    fromEmail: 'dan.j.williams@intel.com',
    date: Date.UTC(2024, 3, 12, 17, 32),
    body,
    parts: [{ kind: 'text', filename: '', contentType: 'text/plain', start: 0, end: body.length }],
    lists: ['nvdimm'],
    recovered: null,
    ...extra,
  };
}

const thread: ThreadRow = { id: 'root@x', root: 'ghost@x', subject: 'subject of root', author: 'Dan Williams', messages: 2, ghosts: 1, firstDate: 0, lastDate: 1 };

describe('threadView', () => {
  const longQuote = 'Jason Gunthorpe wrote:\n> one\n> two\n> three\n> four\n\nYes.\n';
  const nodes: NodeRow[] = [
    { id: 'ghost@x', ghost: true, parent: null, depth: 0, message: null },
    { id: 'root@x', ghost: false, parent: 'ghost@x', depth: 1, message: msg('root@x', 'hello\n') },
    {
      id: 'reply@x',
      ghost: false,
      parent: 'root@x',
      depth: 2,
      message: msg('reply@x', longQuote + 'patch text\n', {
        parts: [
          { kind: 'text', filename: '', contentType: 'text/plain', start: 0, end: longQuote.length },
          { kind: 'text', filename: 'fix.patch', contentType: 'text/x-patch', start: longQuote.length, end: longQuote.length + 11 },
          { kind: 'binary', filename: 'config.gz', contentType: 'application/gzip', size: 2048 },
        ],
      }),
    },
  ];
  const view = threadView(thread, nodes);

  it('keeps tree order, depth and parent anchors, ghosts included', () => {
    expect(view.entries.map((e) => [e.kind, e.anchor, e.depth])).toEqual([
      ['ghost', ghostAnchor('ghost@x'), 0],
      ['message', 'root@x', 1],
      ['message', 'reply@x', 2],
    ]);
    expect((view.entries[1] as MessageView).parentAnchor).toBe('ghost:ghost@x');
    expect(view.outline.map((o) => o.subject)).toEqual(['(not in this archive)', 'subject of root@x', 'subject of reply@x']);
    expect(view.lists).toEqual(['nvdimm']);
  });

  it('shows a quote the reply answers inline, summarized by its attribution', () => {
    const reply = view.entries[2] as MessageView;
    const quote = reply.parts[0]!.segments[0]!;
    expect(quote).toMatchObject({ kind: 'quote', collapsed: false, summary: 'Jason Gunthorpe wrote: (4 quoted lines)' });
    expect(reply.parts[1]).toMatchObject({ filename: 'fix.patch', contentType: 'text/x-patch' });
    expect(reply.attachments).toEqual([{ filename: 'config.gz', contentType: 'application/gzip', size: 2048 }]);
  });

  it('links every message to its permalink and to lore', () => {
    const root = view.entries[1] as MessageView;
    expect(root.permalink).toBe('/m/root@x/');
    expect(root.loreUrl).toBe('https://lore.kernel.org/r/root@x');
    expect(root.date).toBe('2024-04-12 17:32 UTC');
  });
});

describe('what thread pages render', () => {
  const deep = 'deep@x';
  const body = 'Jason Gunthorpe wrote:\n> > deeply quoted\n> quoted\n\nNo.\n';
  const nodes: NodeRow[] = [
    { id: 'ghost@x', ghost: true, parent: null, depth: 0, message: null },
    {
      id: deep,
      ghost: false,
      parent: 'ghost@x',
      depth: MAX_INDENT + 6,
      message: msg(deep, body, {
        rowId: 7,
        lists: ['nvdimm', 'linux-mm'],
        parts: [
          { kind: 'text', filename: '', contentType: 'text/plain', start: 0, end: body.length },
          { kind: 'binary', filename: 'a.bin', contentType: 'application/octet-stream', size: 1023 },
          { kind: 'binary', filename: 'b.gz', contentType: 'application/gzip', size: 2560 },
        ],
      }),
    },
  ];
  const statement: StatementRow = {
    message: 7,
    from: body.indexOf('No.'),
    to: body.indexOf('No.') + 3,
    text: 'No.',
    kind: 'objection',
    answersText: 'q'.repeat(ANSWER_CHARS + 10),
    answersName: 'Jason Gunthorpe',
    answersEmail: 'jgg@nvidia.com',
    answersKey: null,
    confidence: 0.75,
    why: 'starts by disagreeing (rule object-start)',
  };
  const view = threadView({ ...thread, id: deep }, nodes, { statements: [statement], quotes: [] });
  const m = view.entries[1] as MessageView;

  it('indents at most MAX_INDENT deep, and marks ghosts in the outline', () => {
    expect((view.entries[0] as GhostView).depthClass).toBe('d0');
    expect(m.depthClass).toBe(`d${MAX_INDENT}`);
    expect(view.outline.map((o) => o.className)).toEqual(['d0 ghost', `d${MAX_INDENT}`]);
  });

  it('says lists, attachments and statements as the page prints them', () => {
    expect(m.listText).toBe('nvdimm, linux-mm');
    expect(view.listText).toBe('linux-mm, nvdimm');
    expect(m.attachmentNotes).toEqual([
      { filename: 'a.bin', description: 'application/octet-stream, 1023 B' },
      { filename: 'b.gz', description: 'application/gzip, 3 KB' },
    ]);
    const st = m.statements[0]!;
    expect(st.title).toBe('starts by disagreeing (rule object-start) (confidence 0.75)');
    expect(st.answers!.excerpt).toBe('q'.repeat(ANSWER_CHARS - 1) + '…');
    expect(st.answers!.text).toHaveLength(ANSWER_CHARS + 10);
  });

  it('shades quotes by depth and classes each diff line', () => {
    const quotes = segmentViews('> a\n\nyes\n\n> > b\n\nno\n\n> > > > > e\n').filter((x) => x.kind === 'quote');
    expect(quotes.map((q) => q.depthClass)).toEqual(['qd1', 'qd2', 'qd4']);
    const diff = segmentViews('diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1 +1 @@ f()\n-old\n+new\n ctx\n').find((x) => x.kind === 'diff')!;
    expect(diff.diffLines.map((l) => l.className)).toEqual(['dh', 'dh', 'dh', 'dh', 'dc', 'dd', 'da', '', '']);
    expect(diff.diffLines.map((l) => l.text).join('')).toBe(diff.text + '\n');
    expect(quotes[0]!.diffLines).toEqual([]);
  });

  it('says which message was recovered from a page, and only of that one', () => {
    const recovered = { generator: 'mhonarc' as const, version: '2.6.19', source: 'https://www.spinics.net/lists/linux-mm/msg1.html', messageId: 'complete' as const, writtenId: '', obfuscated: [], datePrecision: 'second' as const };
    const v = threadView(thread, [
      { id: 'root@x', ghost: false, parent: null, depth: 0, message: msg('root@x', 'hello\n', { recovered }) },
      { id: 'reply@x', ghost: false, parent: 'root@x', depth: 1, message: msg('reply@x', 'hi\n') },
    ]);
    expect((v.entries[0] as MessageView).recovered).toMatchObject({ generator: 'a MHonArc 2.6.19 page', href: recovered.source });
    expect((v.entries[1] as MessageView).recovered).toBeNull();
  });

  it('clips text and sizes files as the pages show them', () => {
    expect(clip('abcdef', 6)).toBe('abcdef');
    expect(clip('abcdefg', 6)).toBe('abcde…');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1024)).toBe('1 KB');
  });
});

describe('quotes in a reply', () => {
  const quoted = (n: number, word: string) => Array.from({ length: n }, (_, i) => `> ${word} ${i + 1}`).join('\n');
  const kinds = (body: string) => segmentViews(body).map((s) => (s.kind === 'quote' ? `quote:${s.lines}:${s.collapsed ? 'collapsed' : 'inline'}` : s.kind));

  it('shows an inline review inline, quote by quote, however many', () => {
    const body = `On Mon, Jan 1, Dan wrote:\n${quoted(5, 'first')}\n\nWhy?\n\n${quoted(6, 'second')}\n\nAgreed.\n`;
    expect(kinds(body)).toEqual(['quote:5:inline', 'text', 'quote:6:inline', 'text']);
  });

  it('collapses a long passage nobody answers (the rest of the mail quoted under a trailer)', () => {
    const body = `Reviewed-by: R <r@x>\n\n${quoted(20, 'patch line')}\n`;
    expect(kinds(body)).toEqual(['text', 'quote:20:collapsed']);
  });

  it('shows the end of a very long answered passage and collapses what comes before it', () => {
    const body = `${quoted(LONG_QUOTE_LINES + 20, 'line')}\n\nThis hunk is wrong.\n`;
    const views = segmentViews(body);
    expect(views.map((s) => [s.kind, s.kind === 'quote' ? s.lines : 0, s.collapsed])).toEqual([
      ['quote', LONG_QUOTE_LINES + 20 - QUOTE_TAIL_LINES, true],
      ['quote', QUOTE_TAIL_LINES, false],
      ['text', 0, false],
    ]);
    expect(views[0]!.summary).toBe(`${LONG_QUOTE_LINES + 20 - QUOTE_TAIL_LINES} earlier quoted lines`);
    expect(views[1]!.text.split('\n')[0]).toBe(`> line ${LONG_QUOTE_LINES + 20 - QUOTE_TAIL_LINES + 1}`);
    // The two parts cover the quote's span, in order.
    expect(views[0]!.to).toBe(views[1]!.from);
  });
});
