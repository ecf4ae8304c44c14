// How right the statements of a list are, by labels made by hand on a random sample of them: each
// labelled statement says whether its kind, its author and what it answers are right; a statement
// is right when all three are. A seeded sample takes the statements whose hash (of the seed, the
// message and the sentence) is smallest, so it draws the same statements from the same output, and
// mostly the same from an output that changed a little (labels carry over). Pure: rows and labels
// in, figures out; the store is read by scripts/score-statements.ts.

/** A statement as the sample and the labels name it. */
export interface SampledStatement {
  messageId: string;
  text: string;
  kind: string;
  /** The sender, "Name <address>". */
  author: string;
  /** What it answers and who wrote that; null when nothing. */
  answers: { author: string; text: string } | null;
}

/** One labelled statement: the statement as extracted, and the verdict on it. */
export interface LabelledStatement extends SampledStatement {
  label: {
    /** The kind (agreement, objection, proposal, conclusion, answer) fits the sentence. */
    kind: boolean;
    /** The sentence is its sender's own, not someone's they quoted. */
    author: boolean;
    /** What it answers is the point it responds to (null answers: it responds to nothing quoted). */
    answers: boolean;
    /** Why, when something is wrong or was a close call. */
    note?: string;
  };
}

/** A sample drawn and labelled by hand (test/corpus/labels/statements.json). */
export interface StatementSample {
  /** "before", "after", "held-out 1", ... */
  name: string;
  /** Which code drew it, and whether its rules were written before it was drawn (held out). */
  drawn: string;
  /** Drawn from the statements the code gives now: each must still be given as labelled. */
  current: boolean;
  seed: number;
  /** Statements in the store it was drawn from. */
  of: number;
  statements: LabelledStatement[];
}

/** A statement row as the store gives it (store-rows.ts: StatementRow). */
export interface StatementLike {
  messageId: string;
  text: string;
  kind: string;
  author: string;
  email: string;
  answersText: string | null;
  answersName: string | null;
  answersEmail: string | null;
}

/** A store row as samples name it: author and answered author as "Name <address>". */
export function sampledStatement(r: StatementLike): SampledStatement {
  const who = (name: string | null, email: string | null): string => [name, email ? `<${email}>` : ''].filter((x) => x).join(' ');
  return {
    messageId: r.messageId,
    text: r.text,
    kind: r.kind,
    author: who(r.author, r.email),
    answers: r.answersText === null ? null : { author: who(r.answersName, r.answersEmail), text: r.answersText },
  };
}

/** 32-bit FNV-1a of a string's UTF-16 code units, then mixed (murmur3's finalizer). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A random sample of `n` statements: those whose hash of (seed, message, sentence) is smallest. */
export function sampleStatements<T extends Pick<SampledStatement, 'messageId' | 'text'>>(rows: readonly T[], n: number, seed: number): T[] {
  return rows
    .map((r) => ({ r, h: hash(`${seed}\0${r.messageId}\0${r.text}`) }))
    .sort((a, b) => a.h - b.h || (a.r.messageId < b.r.messageId ? -1 : a.r.messageId > b.r.messageId ? 1 : a.r.text < b.r.text ? -1 : 1))
    .slice(0, n)
    .map((x) => x.r);
}

/** The figures of a labelled sample. */
export interface StatementScore {
  labelled: number;
  right: number;
  precision: number;
  kindRight: number;
  authorRight: number;
  answersRight: number;
  /** Labelled statements the store no longer gives as labelled (text, kind or answers changed). */
  changed: string[];
}

const same = (a: SampledStatement, b: SampledStatement): boolean =>
  a.messageId === b.messageId && a.text === b.text && a.kind === b.kind && (a.answers?.text ?? null) === (b.answers?.text ?? null) && (a.answers?.author ?? null) === (b.answers?.author ?? null);

/** Score a labelled sample; `current` (the store's statements now) tells which labelled ones the
 *  code still gives exactly as they were labelled. */
export function scoreStatements(sample: StatementSample, current: readonly SampledStatement[]): StatementScore {
  const byMessage = new Map<string, SampledStatement[]>();
  for (const s of current) byMessage.set(s.messageId, [...(byMessage.get(s.messageId) ?? []), s]);
  const ls = sample.statements;
  const right = ls.filter((s) => s.label.kind && s.label.author && s.label.answers).length;
  return {
    labelled: ls.length,
    right,
    precision: ls.length ? Math.round((right / ls.length) * 1000) / 1000 : 1,
    kindRight: ls.filter((s) => s.label.kind).length,
    authorRight: ls.filter((s) => s.label.author).length,
    answersRight: ls.filter((s) => s.label.answers).length,
    changed: ls.filter((s) => !(byMessage.get(s.messageId) ?? []).some((c) => same(c, s))).map((s) => `${s.messageId}: ${s.text.slice(0, 60)}`),
  };
}
