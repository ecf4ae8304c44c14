import { describe, expect, it } from 'vitest';
import type { MessageRow, NodeRow, ThreadRow } from '../../ingest/store/store-rows.ts';
import { ghostAnchor, threadView, type MessageView } from './thread-view.ts';

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
    ...extra,
  };
}

const thread: ThreadRow = { id: 'root@x', root: 'ghost@x', subject: 'subject of root', messages: 2, ghosts: 1, firstDate: 0, lastDate: 1 };

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

  it('collapses long quotes and summarizes them by their attribution', () => {
    const reply = view.entries[2] as MessageView;
    const quote = reply.parts[0]!.segments[0]!;
    expect(quote).toMatchObject({ kind: 'quote', collapsed: true, summary: 'Jason Gunthorpe wrote: (4 quoted lines)' });
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
