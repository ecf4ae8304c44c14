// Test helper: the mail of a small, realistic series lineage, as git send-email writes it: an RFC
// and a v2 of "mm/dax: fix refcounts" (cover letter, two patches with diffs), the v2 cover giving
// a changelog; a review, an ack on the cover, a mis-attributed trailer and a NAK in replies; an
// unrelated single patch by another author; and (discussionMail) a question on patch 2 with its
// answer and a maintainer applying the series. Shared by store, CLI and browser tests.
import { mail } from './mail-builder.ts';

export const SERIES_LIST = 'nvdimm.lists.linux.dev';
const AUTHOR = 'Patch Author <author@example.com>';
const REVIEWER = 'Rita Reviewer <rita@example.com>';
const MAINTAINER = 'Max Maintainer <max@example.com>';

/** A patch's body: a one-line change to `file` adding `added` (its fingerprint follows both),
 *  signed off by `signedOff`. */
export function patch(file: string, added: string, signedOff = AUTHOR): string {
  return `Explain the change to ${file}.

Signed-off-by: ${signedOff}
---
 ${file} | 1 +
 1 file changed, 1 insertion(+)

diff --git a/${file} b/${file}
index 1111111..2222222 100644
--- a/${file}
+++ b/${file}
@@ -10,6 +10,7 @@ static int dax_fault(struct vm_fault *vmf)
 	int a;
 	int b;
 	int c;
+	${added}
 	int d;
 	int e;
 	int f;
-- 
2.45.0
`;
}

/** Message-IDs of the lineage, for assertions. */
export const SERIES_IDS = {
  rfcCover: 'rfc-cover@example.com',
  rfc1: 'rfc-1@example.com',
  rfc2: 'rfc-2@example.com',
  v2Cover: 'v2-cover@example.com',
  v21: 'v2-1@example.com',
  v22: 'v2-2@example.com',
  review: 'review@example.com',
  coverAck: 'cover-ack@example.com',
  mismatch: 'mismatch@example.com',
  other: 'other@example.com',
  nak: 'nak@example.com',
};

export function seriesMail(): string[] {
  const I = SERIES_IDS;
  const common = { listId: SERIES_LIST };
  const inThread = (cover: string) => ({ inReplyTo: cover, references: [cover] });
  return [
    mail({ ...common, id: I.rfcCover, from: AUTHOR, date: 'Mon, 1 Apr 2024 10:00:00 +0000', subject: '[RFC PATCH 0/2] mm/dax: fix refcounts', body: 'This series fixes refcounts.\n\nPatch Author (2):\n  mm/dax: count pages\n  fs/dax: drop devmap\n\n mm/dax.c | 1 +\n fs/dax.c | 1 +\n 2 files changed, 2 insertions(+)\n\n-- \n2.45.0\n' }),
    mail({ ...common, ...inThread(I.rfcCover), id: I.rfc1, from: AUTHOR, date: 'Mon, 1 Apr 2024 10:00:01 +0000', subject: '[RFC PATCH 1/2] mm/dax: count pages', body: patch('mm/dax.c', 'refcount_inc(&page->ref);') }),
    mail({ ...common, ...inThread(I.rfcCover), id: I.rfc2, from: AUTHOR, date: 'Mon, 1 Apr 2024 10:00:02 +0000', subject: '[RFC PATCH 2/2] fs/dax: drop devmap', body: patch('fs/dax.c', 'pte_devmap_drop(pte);') }),
    mail({ ...common, id: I.v2Cover, from: AUTHOR, date: 'Mon, 6 May 2024 10:00:00 +0000', subject: '[PATCH v2 0/2] mm/dax: fix refcounts', body: 'This series fixes refcounts.\n\nChanges since RFC:\n - count pages with refcount_inc_not_zero\n\nPatch Author (2):\n  mm/dax: count pages\n  fs/dax: drop devmap\n\n mm/dax.c | 1 +\n fs/dax.c | 1 +\n 2 files changed, 2 insertions(+)\n\n-- \n2.45.0\n' }),
    mail({ ...common, ...inThread(I.v2Cover), id: I.v21, from: AUTHOR, date: 'Mon, 6 May 2024 10:00:01 +0000', subject: '[PATCH v2 1/2] mm/dax: count pages', body: patch('mm/dax.c', 'refcount_inc_not_zero(&page->ref);') }),
    mail({ ...common, ...inThread(I.v2Cover), id: I.v22, from: AUTHOR, date: 'Mon, 6 May 2024 10:00:02 +0000', subject: '[PATCH v2 2/2] fs/dax: drop devmap', body: patch('fs/dax.c', 'pte_devmap_drop(pte);') }),
    mail({ ...common, id: I.review, from: REVIEWER, date: 'Tue, 7 May 2024 09:00:00 +0000', inReplyTo: I.v21, references: [I.v2Cover, I.v21], subject: 'Re: [PATCH v2 1/2] mm/dax: count pages', body: '> +\trefcount_inc_not_zero(&page->ref);\n\nLooks right.\n\nReviewed-by: Rita Reviewer <rita@example.com>\n' }),
    mail({ ...common, id: I.coverAck, from: MAINTAINER, date: 'Tue, 7 May 2024 10:00:00 +0000', inReplyTo: I.v2Cover, references: [I.v2Cover], subject: 'Re: [PATCH v2 0/2] mm/dax: fix refcounts', body: 'For the series:\n\nAcked-by: Max Maintainer <max@example.com>\n' }),
    mail({ ...common, id: I.mismatch, from: MAINTAINER, date: 'Tue, 7 May 2024 11:00:00 +0000', inReplyTo: I.v22, references: [I.v2Cover, I.v22], subject: 'Re: [PATCH v2 2/2] fs/dax: drop devmap', body: 'Reviewed-by: Somebody Else <else@example.com>\n' }),
    mail({ ...common, id: I.other, from: 'Other Author <other@example.com>', date: 'Wed, 8 May 2024 10:00:00 +0000', subject: '[PATCH] nvdimm: fix a leak', body: patch('drivers/nvdimm/bus.c', 'kfree(nd);', 'Other Author <other@example.com>') }),
    mail({ ...common, id: I.nak, from: MAINTAINER, date: 'Wed, 8 May 2024 12:00:00 +0000', inReplyTo: I.other, references: [I.other], subject: 'Re: [PATCH] nvdimm: fix a leak', body: '> +\tkfree(nd);\n\nThis frees it twice.\n\nNAK\n' }),
  ];
}

export const DISCUSSION_IDS = {
  question: 'question@example.com',
  answer: 'answer@example.com',
  applied: 'applied@example.com',
};

/** The series mail plus a discussion of it: a question, its answer, the maintainer applying v2. */
export function discussionMail(): string[] {
  const I = SERIES_IDS;
  const D = DISCUSSION_IDS;
  return [
    ...seriesMail(),
    mail({
      listId: SERIES_LIST,
      id: D.question,
      from: MAINTAINER,
      date: 'Wed, 8 May 2024 09:00:00 +0000',
      inReplyTo: I.v22,
      references: [I.v2Cover, I.v22],
      subject: 'Re: [PATCH v2 2/2] fs/dax: drop devmap',
      body: '> +\tpte_devmap_drop(pte);\n\nDoes the caller already hold the page table lock here?\n',
    }),
    mail({
      listId: SERIES_LIST,
      id: D.answer,
      from: AUTHOR,
      date: 'Wed, 8 May 2024 10:00:00 +0000',
      inReplyTo: D.question,
      references: [I.v2Cover, I.v22, D.question],
      subject: 'Re: [PATCH v2 2/2] fs/dax: drop devmap',
      body: 'Max Maintainer wrote:\n> Does the caller already hold the page table lock here?\n\nYes, every caller takes it before walking the entries.\n',
    }),
    mail({
      listId: SERIES_LIST,
      id: D.applied,
      from: MAINTAINER,
      date: 'Thu, 9 May 2024 10:00:00 +0000',
      inReplyTo: I.v2Cover,
      references: [I.v2Cover],
      subject: 'Re: [PATCH v2 0/2] mm/dax: fix refcounts',
      body: 'On Mon, 6 May 2024, Patch Author wrote:\n> This series fixes refcounts.\n\nApplied to nvdimm-for-next, thanks!\n',
    }),
  ];
}
