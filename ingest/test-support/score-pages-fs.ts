// Scores the archive page reader on the corpus's web-archives/: pages that hypermail 2.1.7 and
// 2.4.1, MHonArc and public-inbox 1.9 generated from four real threads, against pages.tsv (the
// original message behind every message page) and the original mail. Per generator: Message-IDs,
// parents, subjects, authors and dates right where the page carries them, bodies equal to the
// original's text, and pages without a usable Message-ID matched by subject, author and date.
// Used by the corpus test and scripts/score-pages.ts. Reads files; computes nothing it stores.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntities } from '../archive/decode-entities.ts';
import { decodePage } from '../archive/decode-page.ts';
import { matchPage } from '../archive/match-page.ts';
import { parsePage } from '../archive/parse-page.ts';
import { parseMessage } from '../message/parse-message.ts';
import { readSourceFs } from '../source/read-source-fs.ts';
import type { MatchCandidate, Message, PageMessage } from '../types.ts';

/** One row of pages.tsv. */
interface Truth {
  page: string;
  messageId: string;
  inReplyTo: string;
  subject: string;
  fromName: string;
  dateUtc: string;
}

/** A count of cases and how many were right. */
export interface Tally {
  total: number;
  right: number;
}

/** The figures of one generator (thread pages, /T/ and /t/, counted apart from message pages). */
export interface GeneratorScore {
  generator: string;
  pages: number;
  messages: number;
  /** Pages whose Message-ID marker (hypermail's id=, MHonArc's X-Message-Id, public-inbox's
   *  Message-ID line or permalink) holds the original ID: read right. */
  messageId: Tally;
  /** Pages whose ID the reader took for complete although it is not the original's. */
  falseComplete: number;
  /** Replies whose page carries the parent's ID (in its marker): parent read right. */
  parent: Tally;
  /** Replies whose page carries a damaged parent ID (hypermail 2.4): the parent found through
   *  the page in the same archive that writes the same ID, itself matched (its `matched`). */
  parentViaArchive: Tally;
  /** Roots (no In-Reply-To): no parent made up. */
  roots: Tally;
  subject: Tally;
  /** Where pages.tsv has the sender's decoded name. */
  author: Tally;
  /** Date right to the precision the page shows. */
  date: Tally;
  /** Body equal to the original's text (line-end whitespace and trailing blank lines aside). */
  bodyExact: Tally;
  /** Body with the same non-blank lines, addresses' domains and runs of whitespace aside (what is
   *  left when the archive hid domains, expanded tabs or dropped blank lines). */
  bodyLines: Tally;
  /** Pages without the original ID, matched by subject, author and date against the mail of all
   *  the threads: matched to the right message. `wrong` counts matches to another message. */
  matched: Tally & { wrong: number };
  /** The first failures, for people. */
  failures: string[];
}

function tally(): Tally {
  return { total: 0, right: 0 };
}

function count(t: Tally, ok: boolean): boolean {
  t.total++;
  if (ok) t.right++;
  return ok;
}

function readTruth(dir: string): Truth[] {
  const lines = readFileSync(join(dir, 'pages.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim());
  return lines.map((l) => {
    const [page, messageId, inReplyTo, subject, fromName, , dateUtc] = l.split('\t');
    return { page: page!, messageId: messageId!, inReplyTo: inReplyTo ?? '', subject: subject ?? '', fromName: fromName ?? '', dateUtc: dateUtc ?? '' };
  });
}

async function originals(corpus: string, thread: string): Promise<Message[]> {
  const out: Message[] = [];
  for await (const item of readSourceFs(join(corpus, 'nvdimm/threads/wish1', `${thread}.mbox.gz`), { list: '', mboxFormat: 'auto' })) {
    if (item.kind !== 'raw') continue;
    const o = await parseMessage(item.raw);
    if (o.kind === 'message') out.push(o.message);
  }
  return out;
}

const textOf = (m: Message): string => m.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('\n');
const exactForm = (s: string): string => s.replace(/[ \t]+$/gm, '').replace(/\n+$/, '').replace(/^\n+/, '');
const lineForm = (s: string): string =>
  s
    .split('\n')
    .map((l) => l.replace(/@[\w.-]+/g, '@').replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');

/** Whether the generator's own Message-ID marker on the page holds `id` (undoing only its
 *  documented spelling): a second, cruder reading of the page than the reader's. */
function markerHolds(generator: string, html: string, id: string, kind: 'self' | 'parent'): boolean {
  if (generator.startsWith('hypermail')) {
    const m = html.match(kind === 'self' ? /<!-- id="([^"]*)" -->/ : /<!-- inreplyto="([^"]*)" -->/);
    return !!m && decodeEntities(m[1]!).replace(/_at_/g, '@') === id;
  }
  if (generator === 'mhonarc') {
    const re = kind === 'self' ? /<!--X-Message-Id: (.*?) -->/g : /<!--X-Reference: (.*?) -->/g;
    return [...html.matchAll(re)].some((m) => decodeEntities(m[1]!) === id);
  }
  // public-inbox message pages name the message in their URL (the file's folder) and the parent
  // on their In-Reply-To line.
  if (kind === 'self') return true;
  const irt = html.match(/\nIn-Reply-To: &lt;[\s\S]*?&gt;/)?.[0] ?? '';
  return decodeEntities(irt.replace(/<[^>]*>/g, '')).includes(`<${id}>`);
}

function candidates(msgs: readonly Message[]): MatchCandidate[] {
  return msgs.map((m) => ({ messageId: m.messageId, subject: m.subject, from: m.from, date: m.date }));
}

/** What scoreMessage found out about one page: the ID it stands for (read, or matched). */
interface Resolved {
  message: PageMessage;
  truth: Truth;
  id: string | null;
  parentCarried: boolean;
}

function scoreMessage(s: GeneratorScore, m: PageMessage, t: Truth, html: string, orig: readonly Message[], pool: readonly MatchCandidate[], idCarried: boolean, parentCarried: boolean, where: string): Resolved {
  let id: string | null = idCarried ? m.messageId.id : null;
  const fail = (what: string) => {
    if (s.failures.length < 12) s.failures.push(`${where}: ${what}`);
  };
  if (idCarried) {
    if (!count(s.messageId, m.messageId.id === t.messageId)) fail(`Message-ID ${m.messageId.id} != ${t.messageId}`);
  } else {
    if (m.messageId.state === 'complete' && m.messageId.id !== t.messageId) s.falseComplete++;
    const r = matchPage(m, pool);
    if (r.kind === 'match') id = r.messageId;
    s.matched.total++;
    if (r.kind === 'match' && r.messageId === t.messageId) s.matched.right++;
    else if (r.kind === 'match') {
      s.matched.wrong++;
      fail(`matched ${r.messageId}, is ${t.messageId}`);
    } else fail(`no match (${r.reason}) for ${t.messageId}`);
  }
  if (t.inReplyTo) {
    if (parentCarried && !count(s.parent, m.inReplyTo?.id === t.inReplyTo)) fail(`parent ${m.inReplyTo?.id} != ${t.inReplyTo}`);
  } else if (!count(s.roots, m.inReplyTo === null)) fail(`root given parent ${m.inReplyTo?.id}`);
  if (!count(s.subject, m.subject === t.subject.replace(/\s+/g, ' ').trim())) fail(`subject "${m.subject}" != "${t.subject}"`);
  if (t.fromName && !count(s.author, m.from.name === t.fromName)) fail(`author "${m.from.name}" != "${t.fromName}"`);
  const truthMs = Date.parse(t.dateUtc);
  const tol = m.date.precision === 'minute' ? truthMs - (truthMs % 60_000) : truthMs;
  if (!count(s.date, m.date.ms === tol)) fail(`date ${m.date.written} != ${t.dateUtc}`);
  const o = orig.find((x) => x.messageId === t.messageId);
  if (o) {
    count(s.bodyExact, exactForm(m.body) === exactForm(textOf(o)));
    count(s.bodyLines, lineForm(m.body) === lineForm(textOf(o)));
  }
  void html;
  return { message: m, truth: t, id, parentCarried };
}

/** Parents of pages that carry a damaged parent ID, found through the archive's own page of
 *  that ID (the same damaged string) and that page's match. */
function scoreParentsViaArchive(s: GeneratorScore, pages: readonly Resolved[]): void {
  const byWritten = new Map(pages.map((p) => [p.message.messageId.written, p.id]));
  for (const p of pages) {
    if (!p.truth.inReplyTo || p.parentCarried || !p.message.inReplyTo) continue;
    const found = byWritten.get(p.message.inReplyTo.written) ?? null;
    if (!count(s.parentViaArchive, found === p.truth.inReplyTo) && s.failures.length < 12) {
      s.failures.push(`${p.truth.page}: parent via archive ${found} != ${p.truth.inReplyTo}`);
    }
  }
}

function empty(generator: string): GeneratorScore {
  return { generator, pages: 0, messages: 0, messageId: tally(), falseComplete: 0, parent: tally(), parentViaArchive: tally(), roots: tally(), subject: tally(), author: tally(), date: tally(), bodyExact: tally(), bodyLines: tally(), matched: { ...tally(), wrong: 0 }, failures: [] };
}

/** Score every page of `<corpus>/web-archives/`. */
export async function scorePages(corpus: string): Promise<GeneratorScore[]> {
  const dir = join(corpus, 'web-archives');
  const truth = readTruth(dir);
  const scores = new Map<string, GeneratorScore>();
  const scoreOf = (g: string) => scores.get(g) ?? scores.set(g, empty(g)).get(g)!;
  const threads = [...new Set(truth.map((t) => t.page.split('/')[1]!))].sort();
  const mail = new Map<string, Message[]>();
  for (const thread of threads) mail.set(thread, await originals(corpus, thread));
  // The matcher chooses among the mail of all four threads (136 messages), not only the page's.
  const pool = candidates([...mail.values()].flat());
  for (const thread of threads) {
    const orig = mail.get(thread)!;
    const resolved = new Map<string, Resolved[]>();
    for (const t of truth.filter((x) => x.page.split('/')[1] === thread)) {
      const generator = t.page.split('/')[0]!;
      const file = join(dir, t.page);
      const html = decodePage(readFileSync(file)).text;
      const parsed = parsePage(html, file);
      const s = scoreOf(generator);
      s.pages++;
      const m = parsed.messages[0];
      if (!m) {
        s.failures.push(`${t.page}: no message (${parsed.recognition.kind})`);
        continue;
      }
      s.messages++;
      const idCarried = markerHolds(generator, html, t.messageId, 'self');
      const parentCarried = !!t.inReplyTo && markerHolds(generator, html, t.inReplyTo, 'parent');
      const r = scoreMessage(s, m, t, html, orig, pool, idCarried, parentCarried, t.page);
      resolved.set(generator, [...(resolved.get(generator) ?? []), r]);
    }
    for (const [generator, pages] of resolved) scoreParentsViaArchive(scoreOf(generator), pages);
    // Thread pages: every message on /T/ and /t/, against the rows of the message pages.
    const byId = new Map(truth.filter((x) => x.page.startsWith(`public-inbox-html/${thread}/`)).map((x) => [x.messageId, x]));
    const inbox = join(dir, 'public-inbox-html', thread, 'nvdimm');
    for (const mid of readdirSync(inbox)) {
      for (const view of ['T', 't']) {
        const file = join(inbox, mid, view, 'index.html');
        let html: string;
        try {
          html = decodePage(readFileSync(file)).text;
        } catch {
          continue;
        }
        const s = scoreOf('public-inbox-thread');
        s.pages++;
        for (const m of parsePage(html, file).messages) {
          s.messages++;
          const t = byId.get(m.messageId.id);
          if (!t) {
            count(s.messageId, false);
            s.failures.push(`${view}/ ${m.provenance.anchor}: Message-ID ${m.messageId.id} not in the thread`);
            continue;
          }
          const parentCarried = !!t.inReplyTo && html.includes(`href="#m${createHash('sha1').update(t.inReplyTo).digest('hex')}"`);
          scoreMessage(s, m, t, html, orig, pool, true, parentCarried, `${thread} ${view}/#${m.provenance.anchor}`);
        }
      }
    }
  }
  return [...scores.values()];
}

const pct = (t: Tally): string => (t.total === 0 ? '-' : `${t.right}/${t.total} (${((100 * t.right) / t.total).toFixed(1)}%)`);

/** The scores as a table for people. */
export function formatScores(scores: readonly GeneratorScore[]): string {
  const rows = [
    ['generator', 'pages', 'msgs', 'Message-ID', 'parent', 'parent via archive', 'roots', 'subject', 'author', 'date', 'body exact', 'body lines', 'matched (no ID)'],
    ...scores.map((s) => [
      s.generator,
      String(s.pages),
      String(s.messages),
      pct(s.messageId),
      pct(s.parent),
      pct(s.parentViaArchive),
      pct(s.roots),
      pct(s.subject),
      pct(s.author),
      pct(s.date),
      pct(s.bodyExact),
      pct(s.bodyLines),
      s.matched.total ? `${pct(s.matched)}, ${s.matched.wrong} wrong` : '-',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
