// Design statements: sentences of a message's own text that take a position or settle a question.
// Rule-based and explainable: each statement names the rule that picked it. Kinds:
//   agreement   "Yes.", "Right, ...", "Agreed.", "I agree ...", "Makes sense."
//   objection   "NAK", "No, ...", "I don't think ...", "I disagree", "this is wrong"
//   proposal    "I think we should ...", "Longer term I think we either need to ... or ...",
//               "I'd suggest ...", "How about ...", "The right fix is ..."
//   conclusion  "This never got merged", "I got hung up on ... and never circled back",
//               "I'll drop this", "we decided ...", "... has been applied"
//   answer      the reply right after a quoted question, when no other rule applies
// A sentence in the first paragraph after a quote answers it: the statement carries the quoted
// text (the question, when the quote ends with one) and its author, resolved by quote
// attribution, never the person who quoted it. Pure.
import type { Block, QuoteSource, Sentence, Statement, StatementKind } from '../types.ts';
import { isCodeLine, splitSentences } from './sentences.ts';

interface Rule {
  id: string;
  kind: Exclude<StatementKind, 'answer'>;
  re: RegExp;
  confidence: number;
  explain: string;
}

/** Ordered: the first rule that matches a sentence decides its kind (an outcome says more than
 *  the "Yeah" it starts with). */
const RULES: Rule[] = [
  { id: 'nak', kind: 'objection', re: /^(?:NAK|NACK|Nacked)\b/, confidence: 0.95, explain: 'a NAK' },
  {
    id: 'conclusion',
    kind: 'conclusion',
    re: /\bnever (?:got|been|was) (?:merged|applied|picked up|finished)\b|\bnever circled back\b|\b(?:got|was) hung up\b|\b(?:I'?ll|I will|I'?m going to) (?:drop|send|respin|rework|post|repost|resend|update|fold|squash|abandon)\b|\bwe (?:decided|agreed|settled|concluded)\b|\bin the end\b|\bthe conclusion\b|\bso the plan is\b|\b(?:is|was|has been|have been|got) (?:merged|applied|dropped|abandoned|superseded|reverted|queued)\b|\bgoing forward\b|\bno longer (?:needed|necessary|required)\b|\bdead[- ]end\b|\bturned out\b/i,
    confidence: 0.6,
    explain: 'states an outcome',
  },
  {
    id: 'agree-start',
    kind: 'agreement',
    re: /^(?:yes|yep|yeah|yup|right|agreed|correct|exactly|indeed|absolutely|sure|true|fair enough|makes sense|good point|sounds good|good idea|ack)\b(?:[.,!:;]|\s*$)/i,
    confidence: 0.8,
    explain: 'starts by agreeing',
  },
  {
    id: 'agree-phrase',
    kind: 'agreement',
    re: /\bI (?:fully |completely |totally |certainly )?agree\b|\bthat makes sense\b|\bthat'?s (?:right|correct|a good point)\b|\bI'?m (?:fine|ok|okay|happy) with (?:that|this|it)\b/i,
    confidence: 0.75,
    explain: 'says it agrees',
  },
  {
    id: 'agree-you-right',
    kind: 'agreement',
    re: /\byou(?:'re| are) (?:right|correct)\b|\byou have it (?:right|correct)\b|\bgood catch\b/i,
    confidence: 0.75,
    explain: 'says the other is right',
  },
  {
    id: 'object-start',
    kind: 'objection',
    re: /^(?:no|nope|not really|not quite|not exactly|I disagree)\b(?:[.,!:;]|\s*$)/i,
    confidence: 0.75,
    explain: 'starts by disagreeing',
  },
  {
    id: 'object-phrase',
    kind: 'objection',
    re: /\bI (?:don'?t|do not) (?:think|believe|see (?:how|why)|like|agree)\b|\bI disagree\b|\bI'?m not (?:sure|convinced)\b|\b(?:this|that|it) (?:is|seems|looks) (?:wrong|broken|incorrect|bogus|backwards)\b|\b(?:won'?t|doesn'?t|does not|will not|can'?t|cannot) (?:possibly )?work\b|\bI object\b|\bplease don'?t\b|\bwe (?:can'?t|cannot|shouldn'?t|should not|must not)\b|\bthis is not (?:the right|a good)\b/i,
    confidence: 0.65,
    explain: 'objects',
  },
  {
    id: 'proposal',
    kind: 'proposal',
    re: /\bI think (?:we|you|it|this) (?:should|need|could|want|ought|would)\b|\bI'?d (?:suggest|prefer|rather|propose|like to see)\b|\bI (?:would )?(?:suggest|propose|recommend)\b|\bhow about\b|\bwhy not\b|\bwould it (?:be|make sense)\b|\blonger[- ]term\b|\bthe (?:right|better|proper|cleaner|simplest) (?:fix|approach|way|thing|solution) (?:is|would be|here is)\b|\blet'?s\b|\bit would be (?:nice|better|good|cleaner)\b|\binstead,? (?:we|I|you)\b|\beither (?:need|needs|have|has) to\b/i,
    confidence: 0.65,
    explain: 'proposes a way forward',
  },
  {
    id: 'proposal-weak',
    kind: 'proposal',
    re: /^(?:so |then |maybe |perhaps |probably )?(?:we|you) (?:should|need to|could|might want to|ought to)\b|\bwe should\b/i,
    confidence: 0.5,
    explain: 'says what should be done',
  },
];

/** Longest statement text kept. */
const MAX_TEXT = 600;

/** Lines of a quote that are not prose: code, diff, trailers, "---", diffstat. */
function notProse(line: string): boolean {
  return isCodeLine(line) || /^\s*[A-Za-z][\w-]*-by:\s/.test(line) || /^-{3}\s*$/.test(line) || /\|\s+\d+\s*[+-]*\s*$/.test(line) || /^\s*\d+ files? changed/.test(line);
}

/** What a reply responds to in a quoted block: its last sentence (a question, when it ends with
 *  one), or its last lines when the quote is code or a diff. */
function quotedPoint(text: string): { text: string; question: boolean } {
  const lines = text.split('\n');
  let k = lines.length;
  while (k > 0 && lines[k - 1]!.trim() === '') k--;
  // The prose at the end of the quote, if it ends in prose.
  let p = k;
  while (p > 0 && lines[p - 1]!.trim() !== '' && !notProse(lines[p - 1]!)) p--;
  const sentences = p < k ? splitSentences(lines.slice(p, k).join('\n')) : [];
  if (sentences.length === 0 && k > 0 && !isCodeLine(lines[k - 1]!)) {
    // Ends with a trailer block or a diffstat: what is answered is the patch's text above it.
    let q = p;
    while (q > 0 && (lines[q - 1]!.trim() === '' || notProse(lines[q - 1]!)) && !isCodeLine(lines[q - 1]!)) q--;
    let r = q;
    while (r > 0 && lines[r - 1]!.trim() !== '' && !notProse(lines[r - 1]!)) r--;
    const above = r < q ? splitSentences(lines.slice(r, q).join('\n')) : [];
    if (above.length) return { text: above[above.length - 1]!.text.slice(0, MAX_TEXT), question: /\?\s*$/.test(above[above.length - 1]!.text) };
  }
  if (sentences.length === 0) {
    const tail = lines.slice(0, k).filter((l) => l.trim() !== '').slice(-3);
    return { text: tail.join('\n').slice(0, MAX_TEXT), question: false };
  }
  // A smiley after the point (";-)") is not the point.
  const worded = sentences.filter((x) => /\p{L}{2}/u.test(x.text));
  const last = worded[worded.length - 1] ?? sentences[sentences.length - 1]!;
  return { text: last.text.slice(0, MAX_TEXT), question: /\?\s*$/.test(last.text) };
}

/**
 * Statements of one message, from its blocks (segmentMessage) and the sources of its quotes
 * (attributeQuotes, by block index). `sentencesOf` gives a block's sentences (splitSentences of
 * its text), for a caller that splits them once for other uses too.
 */
export function extractStatements(
  blocks: readonly Block[],
  sources: ReadonlyMap<number, QuoteSource>,
  sentencesOf: (block: Block) => readonly Sentence[] = (b) => splitSentences(b.text),
): Statement[] {
  const out: Statement[] = [];
  // The quote right above each own text block (attributions and blank lines between allowed).
  let lastQuote: number | null = null;
  blocks.forEach((b, index) => {
    if (b.kind === 'quote') {
      lastQuote = index;
      return;
    }
    if (b.kind === 'attribution') return;
    if (b.kind !== 'text' || b.depth !== 0) {
      lastQuote = null;
      return;
    }
    const quote = lastQuote === null ? null : blocks[lastQuote]!;
    const source = lastQuote === null ? null : (sources.get(lastQuote) ?? null);
    lastQuote = null;
    const point = quote ? quotedPoint(quote.text) : null;
    const sentences = sentencesOf(b);
    const firstParagraph = sentences.filter((s) => s.paragraph === 0);
    for (const s of sentences) {
      const question = /\?["')\]]*$/.test(s.text);
      // A question states no outcome ("how much will we add in the end?"), unless it asks
      // after one that did not happen ("This never got merged?").
      const rule = RULES.find((r) => r.re.test(s.text) && !(question && r.id === 'conclusion' && !/\bnever\b/i.test(s.text)));
      // The first paragraph after a quote responds to it: its first sentence always, the others
      // of a short paragraph when they take a position. A sentence that takes no position is
      // kept only as the direct answer to a quoted question.
      const first = s === firstParagraph[0];
      const responds = point !== null && s.paragraph === 0 && (first || firstParagraph.length <= 3);
      // A question asked back ("Do you mean ...?") answers nothing.
      if (!rule && !(responds && first && point!.question && !question)) continue;
      const answers = responds ? { author: source?.author ?? null, text: point!.text, messageKey: source?.messageKey ?? null } : null;
      const who = answers?.author ? (answers.author.name || answers.author.email) : 'an unknown author';
      const answerWhy = answers ? `; answers ${point!.question ? 'a question' : 'a point'} quoted from ${who}` : '';
      const kind: StatementKind = rule ? rule.kind : 'answer';
      let confidence = rule ? rule.confidence : 0.55;
      if (answers && answers.author) confidence += 0.1 * (source?.confidence ?? 0);
      out.push({
        kind,
        text: s.text.length > MAX_TEXT ? s.text.slice(0, MAX_TEXT - 1) + '…' : s.text,
        // Own text blocks hold the body's lines as they are: spans map one to one.
        from: b.from + s.from,
        to: b.from + s.to,
        answers,
        confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
        why: `${rule ? `${rule.explain} (rule ${rule.id})` : 'replies to a quoted question'}${answerWhy}`,
      });
    }
  });
  return out;
}
