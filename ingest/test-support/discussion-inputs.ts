// Test helper: the discussion stage's input for mail files, without a store: read, parse,
// thread and mine as the import does.
import { discussThread } from '../discussion/discuss-thread.ts';
import { joinParts } from '../message/message-body.ts';
import { mineMessage } from '../patch/mine-patch.ts';
import { threadMessages } from '../thread/thread-messages.ts';
import type { DiscussionInput, Message, ThreadDiscussion } from '../types.ts';
import { messagesOf } from './series-messages.ts';

export async function discussionInputsOf(paths: string[]): Promise<DiscussionInput[]> {
  const unique = new Map<string, Message>();
  for (const m of await messagesOf(paths)) if (!unique.has(m.messageId)) unique.set(m.messageId, m);
  const threading = threadMessages([...unique.values()].map((m) => ({ key: m.messageId, references: m.references, date: m.date })));
  const parent = new Map(threading.nodes.map((n) => [n.id, n.parent]));
  return [...unique.values()].map((m, i) => ({
    id: i + 1,
    key: m.messageId,
    parent: parent.get(m.messageId) ?? null,
    date: m.date,
    from: { name: m.from.name, email: m.from.email },
    body: joinParts(m).body,
    kind: mineMessage(m).kind,
  }));
}

/** The discussion of mail files taken as one thread set. */
export async function discussFiles(paths: string[]): Promise<{ inputs: DiscussionInput[]; result: ThreadDiscussion }> {
  const inputs = await discussionInputsOf(paths);
  return { inputs, result: discussThread(inputs) };
}
