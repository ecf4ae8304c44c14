// Test helper: the series stage's input for mail files, without a store: read, parse, thread,
// mine, as the import does.
import { mineMessage } from '../patch/mine-patch.ts';
import { parseMessage } from '../message/parse-message.ts';
import { readSourceFs } from '../source/read-source-fs.ts';
import { threadMessages } from '../thread/thread-messages.ts';
import type { Message, SeriesMessage } from '../types.ts';

export async function messagesOf(paths: string[]): Promise<Message[]> {
  const out: Message[] = [];
  for (const path of paths) {
    for await (const item of readSourceFs(path, { list: '', mboxFormat: 'auto' })) {
      if (item.kind !== 'raw') continue;
      const o = await parseMessage(item.raw);
      if (o.kind === 'message') out.push(o.message);
    }
  }
  return out;
}

export function toSeriesMessages(messages: Message[]): SeriesMessage[] {
  const unique = new Map(messages.map((m) => [m.messageId, m]));
  const threading = threadMessages([...unique.values()].map((m) => ({ key: m.messageId, references: m.references, date: m.date })));
  const node = new Map(threading.nodes.map((n) => [n.id, n]));
  return [...unique.values()].map((m) => ({
    key: m.messageId,
    threadId: node.get(m.messageId)!.threadId,
    parent: node.get(m.messageId)!.parent,
    date: m.date,
    from: m.from,
    subject: m.subject,
    meta: mineMessage(m),
  }));
}

export async function seriesMessagesOf(paths: string[]): Promise<SeriesMessage[]> {
  return toSeriesMessages(await messagesOf(paths));
}
