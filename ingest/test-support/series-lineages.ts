// Test helper: synthetic mail exercising what makes series linking hard to do by parts: an RFC, a
// v2 with a changelog, a RESEND, a v3 sent in reply to v2, reviews carried to later revisions, a
// series divided in two (a fork), a change-id shared across authors, a cover letter linking
// another author's posting, patches sent without threading (with a slot sent twice and a late
// cover letter), a reused Message-ID (an imposter), a reply joining two threads, a pin and a
// split (SERIES_LINKS), a posting that would fork but for another author's posting with its
// change-id, and a pinned mail that is a "naked" cover letter only until the first patch of its
// series comes. Every message is a plain string for the mail builder.
import { mail } from './mail-builder.ts';
import { patch } from './series-mail.ts';

const LIST = 'lineages.example.org';
const T0 = Date.UTC(2024, 2, 4, 9, 0, 0);
const HOUR = 3600_000;

const ALICE = 'Alice Author <alice@example.org>';
const BOB = 'Bob Reviewer <bob@example.org>';
const CAROL = 'Carol Maintainer <carol@example.org>';
const DAVE = 'Dave Developer <dave@example.org>';
const ERIN = 'Erin Engineer <erin@example.org>';
const FRANK = 'Frank Follower <frank@example.org>';
const HANK = 'Hank Hacker <hank@example.org>';
const JACK = 'Jack Janitor <jack@example.org>';
const KIM = 'Kim Kernel <kim@example.org>';
const LEO = 'Leo Lister <leo@example.org>';
const MIA = 'Mia Maker <mia@example.org>';
const NORA = 'Nora Nullptr <nora@example.org>';
const OMAR = 'Omar Offset <omar@example.org>';
const PAT = 'Pat Patcher <pat@example.org>';

const when = (hours: number): string => new Date(T0 + hours * HOUR).toUTCString();


interface Send {
  /** Cover letter id (or the single patch's); patches are `${id}.k`. */
  id: string;
  from: string;
  hours: number;
  /** Bracket tag without the numbers: "PATCH v2", "RFC PATCH", "RESEND PATCH v2". */
  tag: string;
  title: string;
  /** Per patch: title, file, added line. */
  patches: Array<[string, string, string]>;
  /** Cover letter text; null: no cover letter. */
  cover: string | null;
  /** Patches reply to the cover (or to the first patch); false: each sent on its own. */
  threaded?: boolean;
  /** The cover (or first patch) replies to this message. */
  inReplyTo?: string;
}

/** The messages of one posting, as git send-email writes them. */
function post(s: Send): string[] {
  const n = s.patches.length;
  const threaded = s.threaded ?? true;
  const out: string[] = [];
  const head = s.cover !== null ? s.id : `${s.id}.1`;
  const replyTo = s.inReplyTo ? { inReplyTo: s.inReplyTo, references: [s.inReplyTo] } : {};
  if (s.cover !== null) {
    const diffstat = s.patches.map(([, f]) => ` ${f} | 1 +`).join('\n');
    out.push(mail({ id: s.id, from: s.from, date: when(s.hours), listId: LIST, subject: `[${s.tag} 0/${n}] ${s.title}`, body: `${s.cover}\n\n${diffstat}\n ${n} files changed, ${n} insertions(+)\n`, ...replyTo }));
  }
  s.patches.forEach(([title, file, line], i) => {
    const id = n === 1 && s.cover === null ? s.id : `${s.id}.${i + 1}`;
    const subject = n === 1 && s.cover === null ? `[${s.tag}] ${title}` : `[${s.tag} ${i + 1}/${n}] ${title}`;
    const parent = threaded && id !== head ? { inReplyTo: head, references: [head] } : id === head ? replyTo : {};
    out.push(mail({ id, from: s.from, date: new Date(T0 + s.hours * HOUR + (i + 1) * 1000).toUTCString(), listId: LIST, subject, body: patch(file, line, s.from), ...parent }));
  });
  return out;
}

/** Give a b4 change-id to a patch. */
const withChangeId = (id: string) => (m: string): string => m.replace('-- \n2.45.0', `change-id: ${id}\n-- \n2.45.0`);

function reply(id: string, from: string, hours: number, to: string, refs: string[], subject: string, body: string): string {
  return mail({ id, from, date: when(hours), listId: LIST, inReplyTo: to, references: [...refs, to], subject: `Re: ${subject}`, body });
}

/** Message-IDs worth asserting on. */
export const LINEAGE_IDS = {
  fooRfc: 'foo-rfc@example.org',
  fooV2: 'foo-v2@example.org',
  fooResend: 'foo-v2-resend@example.org',
  fooV3: 'foo-v3@example.org',
  fooV4a: 'foo-v4a@example.org',
  fooV4b: 'foo-v4b@example.org',
  barDave: 'bar-dave@example.org',
  barErin: 'bar-erin@example.org',
  bazV1: 'baz-v1@example.org',
  bazV2: 'baz-v2@example.org',
  hank: 'hank-loose@example.org',
  hankV2: 'hank-loose-v2@example.org',
  jack: 'jack-fix@example.org',
  sortV1: 'sort-v1@example.org',
  sortV2: 'sort-v2@example.org',
  sortV2b: 'sort-v2b@example.org',
  sortLeo: 'sort-leo@example.org',
  naked: 'naked-root@example.org',
  nakedLater: 'naked-later@example.org',
  joiner: 'joiner@example.org',
  takeV1: 'take-v1@example.org',
  takeV2: 'take-v2@example.org',
  takeV3: 'take-v3@example.org',
};

/** content/series-links.json for the lineages: Hank's v2 pinned after Jack's fix, Leo's later
 *  patch after her naked cover letter, and Alice's RESEND split from her v2. */
export const SERIES_LINKS = JSON.stringify({
  pin: [
    { from: LINEAGE_IDS.jack, to: `${LINEAGE_IDS.hankV2}.1`, why: 'test' },
    { from: LINEAGE_IDS.naked, to: LINEAGE_IDS.nakedLater, why: 'test' },
  ],
  split: [{ from: LINEAGE_IDS.fooV2, to: LINEAGE_IDS.fooResend, why: 'test' }],
});

export function lineageMail(): string[] {
  const I = LINEAGE_IDS;
  const fooPatches = (v: string): Array<[string, string, string]> => [
    ['mm: count foo pages', 'mm/foo.c', 'count_foo();'],
    ['mm: drop foo devmap', 'mm/devmap.c', `drop_devmap(${v});`],
  ];
  const fooCover = 'Make foo count its pages.';
  return [
    ...post({ id: I.fooRfc, from: ALICE, hours: 0, tag: 'RFC PATCH', title: 'mm: fix foo refcounts', patches: fooPatches('rfc'), cover: fooCover }),
    ...post({ id: I.fooV2, from: ALICE, hours: 24 * 7, tag: 'PATCH v2', title: 'mm: fix foo refcounts', patches: fooPatches('v2'), cover: `${fooCover}\n\nChanges since RFC:\n - drop devmap\n` }),
    reply('review-v2@example.org', BOB, 24 * 8, `${I.fooV2}.1`, [I.fooV2], '[PATCH v2 1/2] mm: count foo pages', 'Looks right.\n\nReviewed-by: Bob Reviewer <bob@example.org>\n'),
    reply('ack-v2@example.org', CAROL, 24 * 8 + 1, I.fooV2, [], '[PATCH v2 0/2] mm: fix foo refcounts', 'For the series:\n\nAcked-by: Carol Maintainer <carol@example.org>\n'),
    reply('mismatch-v2@example.org', CAROL, 24 * 8 + 2, `${I.fooV2}.2`, [I.fooV2], '[PATCH v2 2/2] mm: drop foo devmap', 'Reviewed-by: Somebody Else <else@example.org>\n'),
    ...post({ id: I.fooResend, from: ALICE, hours: 24 * 10, tag: 'RESEND PATCH v2', title: 'mm: fix foo refcounts', patches: fooPatches('v2'), cover: fooCover }),
    ...post({ id: I.fooV3, from: ALICE, hours: 24 * 14, tag: 'PATCH v3', title: 'mm: fix foo refcounts', patches: fooPatches('v3'), cover: `${fooCover}\n\nChanges since v2:\n - rebase\n`, inReplyTo: I.fooV2 }),
    reply('tested-v3@example.org', DAVE, 24 * 15, `${I.fooV3}.1`, [I.fooV3], '[PATCH v3 1/2] mm: count foo pages', 'Tested-by: Dave Developer <dave@example.org>\n'),
    // A series divided in two: both halves say v4 and follow v3.
    ...post({ id: I.fooV4a, from: ALICE, hours: 24 * 20, tag: 'PATCH v4', title: 'mm: fix foo refcounts', patches: [fooPatches('v4')[0]!], cover: fooCover }),
    ...post({ id: I.fooV4b, from: ALICE, hours: 24 * 21, tag: 'PATCH v4', title: 'mm: fix foo refcounts', patches: [['mm: drop foo devmap', 'mm/devmap.c', 'drop_devmap(v4b);']], cover: fooCover }),
    // One change-id, two authors.
    ...post({ id: I.barDave, from: DAVE, hours: 30, tag: 'PATCH', title: 'net: tidy bar', patches: [['net: tidy bar', 'net/bar.c', 'tidy();']], cover: null }).map(withChangeId('20240304-bar-1')),
    ...post({ id: I.barErin, from: ERIN, hours: 24 * 9, tag: 'PATCH v2', title: 'net: tidy the whole bar', patches: [['net: tidy the whole bar', 'net/bar.c', 'tidy_all();']], cover: null }).map(withChangeId('20240304-bar-1')),
    // A cover letter linking another author's posting.
    ...post({ id: I.bazV1, from: ERIN, hours: 40, tag: 'PATCH', title: 'fs: baz cleanup', patches: [['fs: baz one', 'fs/baz.c', 'one();'], ['fs: baz two', 'fs/baz.c', 'two();']], cover: 'Clean baz.' }),
    ...post({ id: I.bazV2, from: FRANK, hours: 24 * 12, tag: 'PATCH v2', title: 'fs: baz, taken over', patches: [['fs: baz one', 'fs/baz.c', 'one_v2();'], ['fs: baz two', 'fs/baz.c', 'two();']], cover: `Taking this over.\n\nv1: https://lore.kernel.org/r/${I.bazV1}\n` }),
    reply('review-baz@example.org', BOB, 24 * 13, `${I.bazV1}.2`, [I.bazV1], '[PATCH 2/2] fs: baz two', 'Reviewed-by: Bob Reviewer <bob@example.org>\n'),
    // Sent without threading: three patches, the first sent again, then a cover letter.
    ...post({ id: I.hank, from: HANK, hours: 50, tag: 'PATCH', title: 'drivers: qux', patches: [['drivers: qux a', 'drivers/qux.c', 'a();'], ['drivers: qux b', 'drivers/qux.c', 'b();'], ['drivers: qux c', 'drivers/qux.c', 'c();']], cover: null, threaded: false }),
    mail({ id: `${I.hank}.again`, from: HANK, date: when(50.5), listId: LIST, subject: '[PATCH 1/3] drivers: qux a', body: patch('drivers/qux.c', 'a_again();', HANK) }),
    mail({ id: `${I.hank}.cover`, from: HANK, date: when(51), listId: LIST, subject: '[PATCH 0/3] drivers: qux', body: 'Qux.\n\n drivers/qux.c | 3 +++\n 1 file changed, 3 insertions(+)\n' }),
    ...post({ id: I.hankV2, from: HANK, hours: 24 * 6, tag: 'PATCH v2', title: 'drivers: qux', patches: [['drivers: qux a', 'drivers/qux.c', 'a();'], ['drivers: qux b', 'drivers/qux.c', 'b2();'], ['drivers: qux c', 'drivers/qux.c', 'c();']], cover: null, threaded: false }),
    reply('review-hank@example.org', BOB, 24 * 7, `${I.hankV2}.2`, [], '[PATCH v2 2/3] drivers: qux b', 'Reviewed-by: Bob Reviewer <bob@example.org>\n'),
    // One Message-ID, two messages: the later send dated earlier keeps the plain ID.
    mail({ id: I.jack, from: JACK, date: when(60), listId: LIST, subject: '[PATCH] lib: fix quux', body: patch('lib/quux.c', 'fix();', JACK) }),
    mail({ id: I.jack, from: JACK, date: when(59), listId: LIST, subject: '[RESEND PATCH] lib: fix quux', body: patch('lib/quux.c', 'fix_again();', JACK) }),
    // Kim's two v2s both follow her v1, so the second forks; unless the first has the change-id of
    // Leo's earlier posting: then it continues Leo's lineage and the second simply follows v1.
    ...post({ id: I.sortLeo, from: LEO, hours: 70, tag: 'PATCH', title: 'lib: faster sort', patches: [['lib: faster sort', 'lib/sort.c', 'leo();']], cover: null }).map(withChangeId('20240307-sort-1')),
    ...post({ id: I.sortV1, from: KIM, hours: 80, tag: 'PATCH', title: 'lib: speed up sort', patches: [['lib: sort in place', 'lib/sort.c', 'kim();'], ['lib: sort with fewer swaps', 'lib/sort.c', 'swap();']], cover: 'Sort faster.' }),
    ...post({ id: I.sortV2, from: KIM, hours: 90, tag: 'PATCH v2', title: 'lib: speed up sort', patches: [['lib: sort in place', 'lib/sort.c', 'kim2();'], ['lib: sort stably', 'lib/sort.c', 'stable();']], cover: 'Sort faster.' }).map(withChangeId('20240307-sort-1')),
    ...post({ id: I.sortV2b, from: KIM, hours: 91, tag: 'PATCH v2', title: 'lib: speed up sort', patches: [['lib: sort with fewer swaps', 'lib/sort.c', 'swap2();'], ['lib: sort in parallel', 'lib/sort.c', 'par();']], cover: 'Sort faster.' }),
    // Mia's untagged mail is the naked cover letter of patch 2 (its reply), until patch 1, replying
    // elsewhere in the thread, makes the posting start without one.
    mail({ id: I.naked, from: MIA, date: when(100), listId: LIST, subject: 'mm: a naked series', body: 'Two patches follow.\n' }),
    mail({ id: `${I.naked}.2`, from: MIA, date: when(100.1), listId: LIST, inReplyTo: I.naked, references: [I.naked], subject: '[PATCH 2/2] mm: naked b', body: patch('mm/naked.c', 'b();', MIA) }),
    mail({ id: `${I.naked}.reply`, from: BOB, date: when(100.2), listId: LIST, inReplyTo: I.naked, references: [I.naked], subject: 'Re: mm: a naked series', body: 'Where is patch 1?\n' }),
    mail({ id: `${I.naked}.1`, from: MIA, date: when(100.3), listId: LIST, inReplyTo: `${I.naked}.reply`, references: [I.naked, `${I.naked}.reply`], subject: '[PATCH 1/2] mm: naked a', body: patch('mm/naked.c', 'a();', MIA) }),
    ...post({ id: I.nakedLater, from: LEO, hours: 200, tag: 'PATCH', title: 'mm: naked c', patches: [['mm: naked c', 'mm/naked.c', 'c();']], cover: null }),
    // A series taken over twice: Omar's v2 under Nora's title keeping her sign-off (found by its
    // title and its signer), Pat's v3 under a new title with Omar's diff and sign-off (found by its
    // signer only).
    mail({ id: I.takeV1, from: NORA, date: when(110), listId: LIST, subject: '[PATCH] mm: tidy zone locks', body: patch('mm/zone.c', 'tidy();', NORA) }),
    mail({ id: I.takeV2, from: OMAR, date: when(24 * 11), listId: LIST, subject: '[PATCH v2] mm: tidy zone locks', body: patch('mm/zone.c', 'tidy2();', `${NORA}\nSigned-off-by: ${OMAR}`) }),
    mail({ id: I.takeV3, from: PAT, date: when(24 * 18), listId: LIST, subject: '[PATCH v3] mm/zone: lock cleanup', body: patch('mm/zone.c', 'tidy2();', `${OMAR}\nSigned-off-by: ${PAT}`) }),
    // A reply naming two threads joins them.
    mail({ id: I.joiner, from: CAROL, date: when(24 * 16), listId: LIST, inReplyTo: I.fooV3, references: [I.barDave, I.fooV3], subject: 'Re: [PATCH v3 0/2] mm: fix foo refcounts', body: 'Both of these.\n\nAcked-by: Carol Maintainer <carol@example.org>\n' }),
  ];
}
