// Records what b4 collects for every posting of the corpus' thread files (threads/wish1,
// revisions, related), as the expected data of test/corpus/trailers.corpus.test.ts, so the test
// needs neither b4 nor a network: for each posting patchlore finds in a thread file, `b4
// --offline-mode am -t -m <thread> -v <version> <cover or first patch>` (-t applies the cover
// letter's trailers to every patch, as patchlore does), and the trailer block of each patch of
// the .mbx b4 writes.
//
//   npx tsx scripts/record-b4-trailers.ts [--out test/corpus/b4/trailers.json]
//
// Needs b4 (Debian: apt-get install b4; recorded with 0.12.0) and git. Subject headers folded
// over two lines are unfolded first: b4 0.12 on Python 3.11 fails on them ("Header values may
// not contain linefeed"), and unfolding changes nothing b4 reads.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../ingest/project-root.ts';
import { buildSeries } from '../ingest/series/build-series.ts';
import { NO_OVERRIDES } from '../ingest/series/link-revisions.ts';
import { CORPUS } from '../ingest/test-support/corpus.ts';
import { seriesMessagesOf } from '../ingest/test-support/series-messages.ts';

/** What b4 gave one posting. */
export interface B4Posting {
  /** The thread file, relative to the corpus. */
  file: string;
  /** The Message-ID b4 was given (cover letter, else first patch). */
  messageId: string;
  subject: string;
  /** The -v given to b4. */
  version: number;
  /** Per patch number, the trailer lines of its commit message, as b4 wrote them. */
  patches: Record<string, string[]>;
}

const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(PROJECT_ROOT, 'test/corpus/b4/trailers.json');
const dirs = ['wish1', 'revisions', 'related'].map((d) => join(CORPUS, 'nvdimm/threads', d));
const work = mkdtempSync(join(tmpdir(), 'patchlore-b4-'));
const git = (...a: string[]): void => void execFileSync('git', ['-C', work, ...a]);
git('init', '-q');
git('config', 'user.email', 'b4-recorder@example.org');
git('config', 'user.name', 'b4 recorder');
const b4Version = execFileSync('b4', ['--version'], { encoding: 'utf8' }).trim();

/** The trailer lines of each patch of a b4 .mbx: the last paragraph above "---". */
function mbxTrailers(mbx: string): Record<string, string[]> {
  const res: Record<string, string[]> = {};
  for (const msg of mbx.split(/^From [^\n]*\n/m).slice(1)) {
    const subject = /^Subject: (.*(?:\n[ \t].*)*)/m.exec(msg)?.[1]?.replace(/\n[ \t]+/g, ' ') ?? '';
    const counter = /^\[[^\]]*?(\d+)\/\d+\]/.exec(subject);
    const body = msg.slice(msg.indexOf('\n\n') + 2);
    const end = body.search(/^---$/m);
    const paragraphs = (end < 0 ? body : body.slice(0, end)).trim().split(/\n\s*\n/);
    res[counter ? String(Number(counter[1])) : '1'] = (paragraphs[paragraphs.length - 1] ?? '').split('\n').filter((l) => /^\w\S*: \S/.test(l));
  }
  return res;
}

const recorded: B4Posting[] = [];
const failed: string[] = [];
for (const dir of dirs) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.mbox.gz')).sort()) {
    const file = join(dir, name);
    const thread = join(work, 'thread.mbox');
    const text = gunzipSync(readFileSync(file)).toString('latin1');
    writeFileSync(thread, text.replace(/^(Subject:[^\n]*)((?:\n[ \t][^\n]*)+)/gim, (_m, a: string, b: string) => a + b.replace(/\n[ \t]+/g, ' ')), 'latin1');
    const { postings } = buildSeries(await seriesMessagesOf([thread]), NO_OVERRIDES);
    for (const p of postings) {
      const version = p.version === null ? 1 : Number(p.version);
      // b4 0.12 reads only whole versions ("v10.1" is taken as v1), and a bundle's counters are
      // its own: neither can be asked for.
      if (!Number.isInteger(version) || p.bundle || p.patches.length === 0) continue;
      const lead = p.coverKey ?? p.patches[0]!.key;
      const dest = join(work, 'out');
      rmSync(dest, { recursive: true, force: true });
      mkdirSync(dest);
      try {
        execFileSync('b4', ['--offline-mode', 'am', '-t', '-m', thread, '-o', dest, '-n', 'x', '-v', String(version), lead], { cwd: work, env: { ...process.env, HOME: work }, stdio: 'pipe' });
        recorded.push({ file: relative(CORPUS, file), messageId: lead, subject: p.subject, version, patches: mbxTrailers(readFileSync(join(dest, 'x.mbx'), 'utf8')) });
      } catch (e) {
        failed.push(`${basename(file)} ${lead}: ${String((e as { stderr?: Buffer }).stderr ?? e).trim().split('\n').pop()}`);
      }
    }
  }
}
rmSync(work, { recursive: true, force: true });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ b4: b4Version, command: 'b4 --offline-mode am -t -m THREAD -v VERSION MSGID', postings: recorded }, null, 1) + '\n');
console.log(`${recorded.length} postings recorded with b4 ${b4Version} in ${relative(process.cwd(), out)}`);
for (const f of failed) console.log(`b4 failed: ${f}`);
