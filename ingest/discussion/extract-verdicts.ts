// Review verdicts in a reply's own text, each with its evidence (the line and its span):
//   reviewed / acked / tested / nacked   a Reviewed-by, Acked-by, Tested-by or Nacked-by naming
//                                        the sender (someone else's is not the sender's verdict),
//                                        or a standalone "NAK"
//   applied                              a maintainer taking the patch: "Applied, thanks!",
//                                        "Queued for 6.10", "I've picked this up", b4's "has been
//                                        applied to ..." thank-you mail
//   changes-requested                    "please fix / resend / split ...", "can you rework ...",
//                                        "needs a respin"
// Quoted text never counts. Pure.
import type { Address, Block, Sentence, Verdict, VerdictKind } from '../types.ts';
import { trailerMatchesSender, trailerPerson } from '../patch/trailers.ts';
import { splitSentences } from './sentences.ts';

const TRAILER_VERDICTS: Record<string, VerdictKind> = {
  'reviewed-by': 'reviewed',
  'acked-by': 'acked',
  'tested-by': 'tested',
  'nacked-by': 'nacked',
  'nack-by': 'nacked',
};

/** At the start of a paragraph, capitalised as a sentence: "Applied, thanks!", "Queued for 6.10". */
const APPLIED_START = /^(?:Applied|Queued|Pushed|Picked up|Pulled|Merged|Thanks,? applied|Thanks,? queued)\b(?:[ ,!.:]|$)/;
const APPLIED_PHRASE = new RegExp(
  [
    // "I've applied this", "I picked it up", "I have queued the series"
    String.raw`\b(?:I'?ve|I have|I just|I)\s+(?:now\s+)?(?:applied|queued(?: up)?|picked (?:(?:this|it|these|them|the (?:series|patch(?:es)?|set)) )?up|pushed|merged|taken|pulled)\b`,
    // "The series has been applied to ...", pr-tracker-bot's "The pull request you sent ... has been merged"
    String.raw`\b(?:this|it|the (?:series|patch(?:es)?|set|pull request)|patch(?:es)?|series|which|they)\b[^.!?]{0,80}?\b(?:has|have) been (?:applied|queued|merged|pulled|picked up)\b`,
    // b4 ty: "The following patches were applied to ..."
    String.raw`\bpatch(?:es)? (?:were|was) applied\b`,
    // Andrew Morton: "I've updated mm.git to this v9 series", "added to mm-unstable"
    String.raw`\b(?:I'?ve|I have) (?:updated|refreshed|added|put|moved) (?:\S+ )?(?:to |into |in )?(?:mm\.git|mm-unstable|mm-stable|mm-hotfixes\S*|mm-nonmm\S*|linux-next|-mm|[\w-]+\.git|[\w-]+-next)\b`,
  ].join('|'),
  'i',
);
/** "applied it locally", "applied on top of X and tested": a tester, not a maintainer. */
const NOT_APPLIED = /\blocally\b|\bon top of\b|\bfor testing\b|\band tested\b|\bto test\b|\bcleanly\b|\bdoesn'?t apply\b|\bnot (?:been )?applied\b|\bhaven'?t\b|\bwhen\b|\bif\b|\bonce\b|\bplan(?:s|ning)? to\b|\bwill\b|\bgoing to\b|\bneeds? to\b|\bshould\b|\bwould\b|\bcould\b|\?/i;
const CHANGES = /\bplease (?:fix|resend|rebase|split|address|update|drop|rework|respin|repost|send an? (?:v\d+|new version|updated version)|add|remove|rename|change|move|document|explain|fold|squash)\b|\bcan you (?:please )?(?:fix|split|rework|resend|rebase|update|respin|add|remove|rename|change|drop|fold|squash)\b|\b(?:needs?|requires?) (?:a |another )?(?:respin|v\d+|rework|rebase|new version)\b|\bchanges requested\b/i;

/** Words without which no sentence is an "applied" or "changes requested" verdict. */
const CANDIDATE = /appl|queue|push|pick|pull|merge|updated|refreshed|added|moved|put |please|can you|need|requir|changes requested/i;

/** Verdicts of one message, from its blocks (segmentMessage) and its sender. `sentencesOf` gives a
 *  block's sentences (splitSentences of its text), for a caller that splits them once for other
 *  uses too. */
export function extractVerdicts(
  blocks: readonly Block[],
  sender: Address,
  sentencesOf: (block: Block) => readonly Sentence[] = (b) => splitSentences(b.text),
): Verdict[] {
  const out: Verdict[] = [];
  for (const b of blocks) {
    if (b.depth !== 0 || (b.kind !== 'text' && b.kind !== 'trailers')) continue;
    // Trailers and NAKs are lines.
    let offset = 0;
    for (const line of b.text.split('\n')) {
      const at = b.from + offset;
      offset += line.length + 1;
      const t = line.trim();
      if (!t) continue;
      const span = { text: t, from: at + line.indexOf(t), to: at + line.indexOf(t) + t.length };
      const trailer = /^([A-Za-z][\w-]*):\s+(\S.*)$/.exec(t);
      const kind = trailer ? TRAILER_VERDICTS[trailer[1]!.toLowerCase()] : undefined;
      if (trailer && kind) {
        const person = trailerPerson(trailer[2]!);
        if (person.email && trailerMatchesSender({ name: trailer[1]!, value: trailer[2]!, ...person }, sender)) {
          out.push({ kind, ...span, confidence: 0.95, why: `${trailer[1]} naming the sender` });
        }
        continue;
      }
      if (b.kind === 'text' && /^(?:NAK|NACK|Nacked|Nak)\.?!?$/.test(t)) out.push({ kind: 'nacked', ...span, confidence: 0.9, why: 'a standalone NAK' });
    }
    // Applying and asking for changes are sentences (mail wraps them over lines); most text has
    // none of their words, and is not split at all.
    if (b.kind !== 'text' || !CANDIDATE.test(b.text)) continue;
    let lastParagraph = -1;
    for (const s of sentencesOf(b)) {
      const startsParagraph = s.paragraph !== lastParagraph;
      lastParagraph = s.paragraph;
      const span = { text: s.text, from: b.from + s.from, to: b.from + s.to };
      if (NOT_APPLIED.test(s.text)) {
        if (CHANGES.test(s.text)) out.push({ kind: 'changes-requested', ...span, confidence: 0.6, why: 'asks for a change or a new version' });
        continue;
      }
      if (startsParagraph && APPLIED_START.test(s.text)) out.push({ kind: 'applied', ...span, confidence: 0.9, why: 'a paragraph starting "Applied"/"Queued"/"Picked up"' });
      else if (APPLIED_PHRASE.test(s.text)) out.push({ kind: 'applied', ...span, confidence: 0.75, why: 'says the patch was applied or queued' });
      else if (CHANGES.test(s.text)) out.push({ kind: 'changes-requested', ...span, confidence: 0.6, why: 'asks for a change or a new version' });
    }
  }
  return out;
}
