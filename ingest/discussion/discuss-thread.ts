// The discussion stage for one thread: segment every message, find who wrote each quote, extract
// statements and verdicts from replies, and place each verdict on the patch or cover letter it
// answers. Patches and cover letters are proposals, not discussion: their own text gives no
// statements or verdicts. Pure; the thread's messages in, rows out.
import type { Block, DiscussionInput, QuotableMessage, QuoteSource, Sentence, ThreadDiscussion } from '../types.ts';
import { attributeQuotes, ownText, type OwnText } from './attribute-quotes.ts';
import { extractStatements } from './extract-statements.ts';
import { extractVerdicts } from './extract-verdicts.ts';
import { segmentMessage } from './segment-message.ts';
import { splitSentences } from './sentences.ts';

/** Declared in ../types.ts; named here too for the modules that import them from here. */

const PROPOSALS = new Set(['patch', 'cover', 'pull']);
/** Robots report builds and bisections: no positions of their own (patchwork-bot's "applied"
 *  notices are verdicts). */
const ROBOT = /\b(?:test robot|syzbot|bot)\b|lkp@intel\.com|@syzkaller|noreply/i;
/** Parent walk limit when looking for the patch a verdict is about. */
const MAX_WALK = 1000;

/** The discussion of one thread, from all of its messages. */
export function discussThread(messages: readonly DiscussionInput[]): ThreadDiscussion {
  const byKey = new Map<string, QuotableMessage>();
  const input = new Map<string, DiscussionInput>();
  for (const m of messages) {
    input.set(m.key, m);
    // Segmented when first needed: a patch nobody quotes never is.
    let blocks: Block[] | null = null;
    byKey.set(m.key, {
      key: m.key,
      parent: m.parent,
      date: m.date,
      from: m.from,
      get blocks(): Block[] {
        return (blocks ??= segmentMessage(m.body).blocks);
      },
    });
  }
  const ownCache = new Map<QuotableMessage, OwnText>();
  const own = (q: QuotableMessage): OwnText => {
    let s = ownCache.get(q);
    if (s === undefined) {
      s = ownText(q.blocks);
      ownCache.set(q, s);
    }
    return s;
  };
  const out: ThreadDiscussion = { quotes: [], statements: [], verdicts: [] };
  for (const m of messages) {
    // Patches and cover letters are not discussion: their quotes (rare, in commit messages) are
    // not attributed, and they give no statements or verdicts.
    if (PROPOSALS.has(m.kind)) continue;
    const q = byKey.get(m.key)!;
    const hasQuotes = q.blocks.some((b) => b.kind === 'quote');
    const sources = hasQuotes ? attributeQuotes(q, byKey, own) : new Map<number, QuoteSource>();
    for (const [block, source] of sources) {
      const b = q.blocks[block]!;
      out.quotes.push({ message: m.id, block, depth: b.depth, from: b.from, to: b.to, source });
    }
    // Both extractors read the sentences of own text blocks: split each once.
    const split = new Map<Block, readonly Sentence[]>();
    const sentencesOf = (b: Block): readonly Sentence[] => {
      let s = split.get(b);
      if (s === undefined) split.set(b, (s = splitSentences(b.text)));
      return s;
    };
    const robot = ROBOT.test(`${m.from.name} ${m.from.email}`);
    if (!robot) for (const s of extractStatements(q.blocks, sources, sentencesOf)) out.statements.push({ ...s, message: m.id });
    const verdicts = extractVerdicts(q.blocks, m.from, sentencesOf);
    if (verdicts.length) {
      const target = proposalAbove(m, input);
      for (const v of verdicts) out.verdicts.push({ ...v, message: m.id, target, by: m.from });
    }
  }
  return out;
}

/** The nearest patch, cover letter or pull request above a message in its thread, or null. */
function proposalAbove(m: DiscussionInput, input: ReadonlyMap<string, DiscussionInput>): string | null {
  let at = m.parent;
  for (let i = 0; at !== null && i < MAX_WALK; i++) {
    const p = input.get(at);
    if (!p) return null;
    if (PROPOSALS.has(p.kind)) return p.key;
    at = p.parent;
  }
  return null;
}
