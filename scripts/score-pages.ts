// Scores the archive page reader on the corpus's web-archives/ (pages hypermail 2.1.7 and 2.4.1,
// MHonArc 2.6.19 and public-inbox 1.9 wrote from four real threads): per generator, how many
// Message-IDs, parents, subjects, authors, dates and bodies it reads right where the page
// carries them, and how many pages without a usable Message-ID it matches to their message.
//   npm run score:pages [-- --corpus DIR] [--failures]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { CORPUS } from '../ingest/test-support/corpus.ts';
import { formatScores, scorePages } from '../ingest/test-support/score-pages-fs.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, failures: { type: 'boolean', default: false } } });
const corpus = values.corpus ? resolve(values.corpus) : CORPUS;
const scores = await scorePages(corpus);
console.log(`corpus: ${corpus}/web-archives`);
console.log(formatScores(scores));
console.log(
  [
    "Message-ID, parent: where the page's own marker holds the original (hypermail id=/inreplyto=, MHonArc",
    '  X-Message-Id/X-Reference, public-inbox URL/In-Reply-To, thread-page anchors).',
    'parent via archive: a damaged parent ID resolved through the page writing the same ID, itself matched.',
    'matched (no ID): pages without the original ID matched by subject, author and date among the 136',
    '  messages of the four threads.',
    "body lines: same non-blank lines, addresses' domains and runs of whitespace aside.",
  ].join('\n'),
);
if (values.failures) for (const s of scores) for (const f of s.failures) console.log(`${s.generator}: ${f}`);
