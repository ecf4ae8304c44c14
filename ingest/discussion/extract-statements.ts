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
  kind: StatementKind;
  /** A regular expression, or a test of its own. */
  re: { test(text: string): boolean };
  confidence: number;
  explain: string;
}

/** "X should/must/ought to ...": what something should do ("devmap should do the refcounts
 *  properly"), not what one expects ("this should work"), means to do ("I should get back to"),
 *  regrets ("I should have"), supposes ("should the case arise"), or describes ("how things should
 *  work", "the caller must already be serializing"). */
const SHOULD = {
  test(text: string): boolean {
    for (const m of text.matchAll(/(?:^|\s)(?:(\S+)\s+)?([\w>.-]+)\s+(?:should(?:n'?t)?|must|ought to)\s+(\S+)/gi)) {
      const [, before, subject, next] = m.map((x) => (x ?? '').toLowerCase());
      if (/^(?:this|that|it|which|there|what|i|we|you|they|he|she)$/.test(subject!)) continue;
      if (/^(?:how|what|whether|where|when|why|if|whatever|whichever|that)$/.test(before!)) continue;
      if (/^(?:have|already|the|this|that|it|there|anyone|someone|we|you|i|they|he|she)$/.test(next!)) continue;
      return true;
    }
    return false;
  },
};

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
    id: 'yes-but',
    kind: 'objection',
    re: /^(?:yes|yep|yeah|yup|right|true|sure|ok|okay|agreed|fair enough|fair|indeed|correct)\b[,.!]?\s+but\b|^(?:good find!?\s+)?I (?:fully |completely )?agree\b[^.;]{0,80}?,?\s+but\b|\bI would (?:totally |fully )?agree\b[^.]*,\s*(?:would|if|had)\b|^(?:whilst|while|although|though) I (?:think|agree|see|understand)\b|^(?:this|that|it)(?: is|'s) (?:fine|ok|okay|correct|true),?\s+but\b/i,
    confidence: 0.65,
    explain: 'grants a point but objects ("Right, but ...", "Whilst I think your fix is correct, ...")',
  },
  {
    id: 'agree-start',
    kind: 'agreement',
    re: /^(?:yes|yep|yeah|yup|right|agreed|correct|exactly|indeed|absolutely|sure|true|fair enough|makes sense|good point|sounds good|good idea|ack|looks good(?: to me)?|looks fine(?: to me)?|lgtm)\b(?:[.,!:;(]|\s+[-–—(]|\s+[:;]-?[)(DPp]|\s*$)|^(?:yes|yep|yeah|yup|agreed|indeed|exactly)\s+\w/i,
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
    id: 'agree-take-up',
    kind: 'agreement',
    re: /\b(?:I'?ll|I will|will) (?:integrate|take|adopt|apply|incorporate|follow|use) (?:your|the|this|that|these|those) (?:suggestions?|advice|idea|proposal)\b|^(?:will do|done)\b(?:[.!]|\s*$)/i,
    confidence: 0.7,
    explain: 'takes up a suggestion',
  },
  {
    id: 'agree-opinion',
    kind: 'agreement',
    re: /\bI think (?:that'?s|this is|it'?s|that is|this'?s) (?:ok|okay|fine|reasonable|right|correct|sane|good|acceptable)\b|^(?:but )?(?:this|that|it|the above)(?: is|'s) (?:also |still )?(?:a )?(?:fine|ok|okay|safe|correct|valid|sane|reasonable)\b(?! for\b)/i,
    confidence: 0.6,
    explain: 'finds it acceptable ("I think that\'s ok", "This is a safe conversion")',
  },
  {
    id: 'object-start',
    kind: 'objection',
    re: /^(?:no|nope|not really|not quite|not exactly|I disagree)\b(?:[.,!:;]|\s+[-–—]\s|\s*$)/i,
    confidence: 0.75,
    explain: 'starts by disagreeing',
  },
  {
    id: 'object-phrase',
    kind: 'objection',
    re: /\bI (?:don'?t|do not) (?:think|believe|see (?:how|why)|like|agree)\b|\bI disagree\b|\bI'?m not (?:sure|convinced)\b(?! I (?:follow|understand|get)\b)|\b(?:is|are|be|seems|looks|looked) ["'“]?(?:surprising|confusing|unsafe|racy|buggy|fragile|problematic|dangerous)\b|\b(?:have|need) to be \W?(?:very|really|extra)?\W? ?careful\b|\b(?:this|that|it) (?:is|seems|looks) (?:wrong|broken|incorrect|bogus|backwards)\b|\b(?:won'?t|doesn'?t|does not|will not|can'?t|cannot) (?:possibly )?work\b|\bI object\b|\bI'?d rather not\b|\bplease don'?t\b|\bwe (?:can'?t|cannot|shouldn'?t|should not|must not)\b|\bthis is not (?:the right|a good)\b|\byou(?:'re| are) (?:overlooking|missing|misreading)\b|\byou(?:'ve| have)? ?misunderstood\b|\byou misunderstand\b|\bthat(?:'s| is) not (?:how|what|true|correct)\b/i,
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
  {
    // What something should do ("devmap should do the refcounts properly"), not what one expects
    // ("this should work"), a regret ("I should have"), or a condition ("should the case arise").
    id: 'proposal-should',
    kind: 'proposal',
    re: SHOULD,
    confidence: 0.45,
    explain: 'says what should be',
  },
  {
    // An opinion that weighs or prescribes ("I think the latter is more likely", "I think this
    // change alone would fix ..."), not a guess at a cause ("I think it's because ...").
    id: 'opinion',
    kind: 'proposal',
    re: /^(?=.*\b(?:I (?:think|believe|feel)\b(?! (?:I|so|it'?s because|that'?s because)\b)|IMH?O\b|in my (?:opinion|view)\b)).*\b(?:better|worse|more likely|less likely|preferable|cleaner|simpler|easier|harder|safer|important|necessary|needed|the (?:right|only|best) (?:way|answer|approach|fix)|should|would|can|must|need|needs)\b/i,
    confidence: 0.45,
    explain: 'weighs the way forward',
  },
];

/** The rule a sentence matches, if any: the first of RULES, except that a question states no
 *  outcome ("how much will we add in the end?") unless it asks after one that did not happen
 *  ("This never got merged?"), and proposes nothing unless it is put as one ("How about ...?",
 *  "Why not ...?") nor from an expectation; and a "No, ..." to a quoted question answers it
 *  rather than objecting. */
function ruleFor(text: string, question: boolean, point: { question: boolean } | null): Rule | undefined {
  // "I don't have a strong opinion on how it should be used" takes no position.
  if (NEUTRAL.test(text)) return undefined;
  const rule = RULES.find((r) => {
    if (!r.re.test(text)) return false;
    if (question && r.id === 'conclusion') return /\bnever\b/i.test(text);
    if (question && r.kind === 'proposal') return r.id === 'proposal' && /\b(?:how about|why not|would it (?:be|make sense)|what about|shouldn'?t we|can'?t we)\b/i.test(text);
    if (question && r.id === 'opinion') return false;
    if (r.kind === 'proposal' && EXPECTS.test(text)) return false;
    return true;
  });
  // "No, they are not using bcache" answers; "No, this is wrong" still objects.
  const objects = (t: string): boolean => RULES.some((r) => r.id === 'object-phrase' && r.re.test(t));
  return rule?.id === 'object-start' && point?.question && !objects(text) ? ANSWER_NO : rule;
}

/** Sentences that take no position whatever words they use. */
const NEUTRAL = /\b(?:no|not (?:a|any)|don'?t have (?:a|any)|have no) (?:strong |particular )?(?:opinion|preference)s?\b|\bdon'?t (?:really )?(?:mind|care) (?:either way|much|which)\b/i;

/** An expectation or an assumption proposes nothing ("My expectation was that these actions
 *  should become noops"). */
const EXPECTS = /^(?:my (?:expectation|assumption|understanding) (?:was|is)|I (?:was )?(?:expect(?:ed|ing)?|assum(?:e|ed|ing)))\b/i;

/** A "No, ..." answering a quoted question. */
const ANSWER_NO: Rule = { id: 'answer-no', kind: 'answer', re: /^/, confidence: 0.6, explain: 'answers no to a quoted question' };

/** Longest statement text kept. */
const MAX_TEXT = 600;

/** Lines of a quote that are not prose: code, diff, trailers, "---", diffstat, a URL alone (with
 *  its "[1]" marker). */
function notProse(line: string): boolean {
  return (
    isCodeLine(line) ||
    /^\s*[A-Za-z][\w-]*-by:\s/.test(line) ||
    /^-{3}\s*$/.test(line) ||
    /\|\s+\d+\s*[+-]*\s*$/.test(line) ||
    /^\s*\d+ files? changed/.test(line) ||
    /^\s*(?:\[\d+\]:?\s*)?<?https?:\/\/\S+>?\s*$/.test(line) ||
    /^\s*[[<](?:snip|snipped|\.\.+|…)[\]>]\s*$/i.test(line) ||
    /^\s*(?:From|To|Cc|Date|Subject|Fixes|Link|Closes|BugLink|Message-ID|Change-Id):\s+\S/i.test(line) ||
    /^\s*\[[^\]]*\]\s*$/.test(line)
  );
}

/** A sentence that asks ("... right?", "(... lock_assert())?"). */
const asks = (text: string): boolean => /\?["')\]]*$/.test(text);

/** Words that say little about what a sentence is about. */
const STOP = new Set('a an the and or but if of to in on at by for with from as is are was were be been it its this that these those there here i you we they he she me my your our their not no yes do does did so then than can could would should will just also too very what which who how why when where'.split(' '));
const contentWords = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}_]+/gu)?.filter((w) => w.length > 2 && !STOP.has(w)) ?? []);
const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** The sentences a reply may respond to at the end of a quoted block: its last prose paragraph
 *  (a URL alone is not prose), or its last lines when it ends in code or a diff, or the patch's
 *  text above a trailer block or diffstat. Null when the quote has no words at all (a smiley). */
function quotedProse(text: string): { sentences: Sentence[]; lines: string | null } | null {
  const lines = text.split('\n');
  let k = lines.length;
  while (k > 0 && (lines[k - 1]!.trim() === '' || /^\s*(?:\[\d+\]:?\s*)?<?https?:\/\/\S+>?\s*$/.test(lines[k - 1]!))) k--;
  let p = k;
  while (p > 0 && lines[p - 1]!.trim() !== '' && !notProse(lines[p - 1]!)) p--;
  let sentences = p < k ? splitSentences(lines.slice(p, k).join('\n')) : [];
  // A last paragraph that says nothing ("Hmm?", ":)") asks after the one above it.
  while (sentences.length > 0 && sentences.every((x) => x.text.split(/\s+/).length <= 2 || contentWords(x.text).size === 0)) {
    let q = p;
    while (q > 0 && lines[q - 1]!.trim() === '') q--;
    let r = q;
    while (r > 0 && lines[r - 1]!.trim() !== '' && !notProse(lines[r - 1]!)) r--;
    const above = r < q ? splitSentences(lines.slice(r, q).join('\n')) : [];
    if (above.length === 0) break;
    [sentences, k, p] = [above, q, r];
  }
  if (sentences.length === 0 && k > 0 && !isCodeLine(lines[k - 1]!)) {
    // Ends with a trailer block or a diffstat: what is answered is the patch's text above it.
    let q = p;
    while (q > 0 && (lines[q - 1]!.trim() === '' || notProse(lines[q - 1]!)) && !isCodeLine(lines[q - 1]!)) q--;
    let r = q;
    while (r > 0 && lines[r - 1]!.trim() !== '' && !notProse(lines[r - 1]!)) r--;
    const above = r < q ? splitSentences(lines.slice(r, q).join('\n')) : [];
    if (above.length) return { sentences: above.slice(-1), lines: null };
  }
  if (sentences.length === 0) {
    // Code or a diff is answered by its last lines; a header, a link or a trailer alone by nothing.
    if (k === 0 || !isCodeLine(lines[k - 1]!)) return null;
    const tail = lines.slice(0, k).filter((l) => l.trim() !== '').slice(-3);
    // A name alone ("DJ", a sign-off) says nothing either.
    return tail.some((l) => contentWords(l).size >= 1 && /\p{L}{3}/u.test(l)) ? { sentences: [], lines: tail.join('\n') } : null;
  }
  // A smiley after the point (";-)") is not the point.
  const worded = sentences.filter((x) => /\p{L}{2}/u.test(x.text));
  // A question needs fewer words to be a point ("Should this be CXL_RCRB_UPSTREAM?").
  const says = (x: Sentence): boolean => contentWords(x.text).size >= (asks(x.text) && x.text.split(/\s+/).length >= 3 ? 1 : 2);
  return worded.some(says) ? { sentences: worded, lines: null } : null;
}

/** What `reply` responds to in a quoted block: the quoted question it answers when the end of the
 *  quote asks several ("For the first question, yes"; "No, they are not using bcache" after "Are
 *  you using bcache? ... Are they calling it without ...?"), else the quote's last question, else
 *  its last sentence, or its last lines when it is code. */
function quotedPoint(prose: NonNullable<ReturnType<typeof quotedProse>>, reply: string): { text: string; question: boolean } {
  if (prose.lines !== null) return { text: prose.lines.slice(0, MAX_TEXT), question: false };
  // "Hmm?", "Thoughts?", "Tony?" ask after what came before them: that is the point.
  const empty = (x: Sentence): boolean => x.text.split(/\s+/).length <= 2 || contentWords(x.text).size === 0;
  const questions = prose.sentences.filter((x) => asks(x.text) && !empty(x));
  const said = prose.sentences.filter((x) => !empty(x));
  let point = said[said.length - 1] ?? prose.sentences[prose.sentences.length - 1]!;
  if (questions.length === 1) point = questions[0]!;
  else if (questions.length > 1) {
    const ordinal = ORDINALS.findIndex((o) => new RegExp(`\\b${o}\\b`, 'i').test(reply));
    if (ordinal >= 0 && ordinal < questions.length) point = questions[ordinal]!;
    else {
      const words = contentWords(reply);
      const score = (q: Sentence): number => [...contentWords(q.text)].filter((w) => words.has(w)).length;
      point = questions.reduce((best, q) => (score(q) >= score(best) ? q : best), questions[0]!);
    }
  }
  return { text: point.text.slice(0, MAX_TEXT), question: asks(point.text) };
}

/** A quote that only seconds the one it quotes ("Strongly agree.", "+1"). */
function seconds(prose: NonNullable<ReturnType<typeof quotedProse>>): boolean {
  return prose.lines === null && /^(?:\+1|(?:strongly |fully |completely |totally )?(?:agreed?|seconded)|same here|me too)[.!]*$/i.test(prose.sentences.map((x) => x.text).join(' ').trim());
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
  // The quotes since the last own text (attributions and blank lines between allowed), nearest
  // last: a reply responds to the nearest one that says something (not a lone smiley) and does
  // more than second the one above it.
  let quotes: number[] = [];
  blocks.forEach((b, index) => {
    if (b.kind === 'quote') {
      quotes.push(index);
      return;
    }
    if (b.kind === 'attribution') return;
    if (b.kind !== 'text' || b.depth !== 0) {
      quotes = [];
      return;
    }
    let quote: number | null = null;
    let prose: ReturnType<typeof quotedProse> = null;
    for (let i = quotes.length - 1; i >= 0; i--) {
      const found = quotedProse(blocks[quotes[i]!]!.text);
      if (found === null) continue;
      [prose, quote] = [found, quotes[i]!];
      // "Strongly agree." under a quoted question: the reply answers the question.
      if (!seconds(found)) break;
    }
    quotes = [];
    const source = quote === null ? null : (sources.get(quote) ?? null);
    const sentences = sentencesOf(b);
    for (const s of sentences) {
      const question = asks(s.text);
      // The own text after a quote responds to it, up to the next quote.
      const point = prose ? quotedPoint(prose, s.text) : null;
      const rule = ruleFor(s.text, question, point);
      // A sentence that takes no position is kept only as the direct answer to a quoted
      // question: the first of the reply, if it says something ("Oh wow!" does not), and is no
      // question asked back ("Do you mean ...?").
      const first = s === sentences[0];
      const answers_ = point && first && point.question && !question && s.text.split(/\s+/).length >= 3 && !/^(?:sorry|apologies|thanks|thank you|good question)\b/i.test(s.text);
      if (!rule && !answers_) continue;
      const answers = point ? { author: source?.author ?? null, text: point.text, messageKey: source?.messageKey ?? null } : null;
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
