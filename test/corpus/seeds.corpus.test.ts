// The design statements the project's seed documents quote (../shared/seeds: text copies of
// archive pages of the ZONE_DEVICE / DAX refcount history), each found by the discussion stage,
// credited to the one who wrote it (not to whoever quoted it later) and paired with the question
// it answers. Three are on the nvdimm list and are read from its threads in the corpus; two
// (2017, 2020) predate the list and are read from the seed page itself, a message whose parent
// is not archived, so only its attribution line says whom it answers. Skipped, saying why,
// without the seeds or the corpus.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discussThread } from '../../ingest/discussion/discuss-thread.ts';
import { corpusMissing, corpusPath, SEEDS } from '../../ingest/test-support/corpus.ts';
import { discussFiles } from '../../ingest/test-support/discussion-inputs.ts';
import type { DiscussionInput, ThreadDiscussion } from '../../ingest/types.ts';

const missing = existsSync(SEEDS) ? corpusMissing('nvdimm/threads/wish1') : `no seed documents at ${SEEDS} (set PATCHLORE_SEEDS)`;

/** Text with runs of white space, and the quote markers of a page that lost its line breaks, as
 *  one space. */
const flat = (s: string): string => s.replace(/(?:\s+>)+\s+/g, ' ').replace(/\s+/g, ' ');

/** A seed page as a message: "From:" and "Date:" lines, then the body. */
function seedMessage(name: string): DiscussionInput {
  const text = readFileSync(join(SEEDS, name), 'utf8');
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Date: '));
  return {
    id: 1,
    key: name,
    parent: null,
    date: null,
    from: { name: /^From: (.*)$/m.exec(text)![1]!.trim(), email: '' },
    body: lines.slice(at + 1).join('\n').replace(/^\n+/, ''),
    kind: 'reply',
  };
}

interface Seed {
  seed: string;
  /** Where the message is: a thread of the corpus, or the seed page itself. */
  thread: string | null;
  author: string;
  statement: string;
  kind: string;
  answers: { author: string; text: string };
}

const SEEDS_QUOTED: Seed[] = [
  {
    seed: '000_3d5995231e54cf97.txt',
    thread: null,
    author: 'Dan Williams',
    statement: 'fs/dax could take the reference when inserting, but that would mean that ext4 and xfs would need to go back to checking for 1 to be page idle.',
    kind: 'answer',
    answers: { author: 'Ralph Campbell', text: 'Should pmem set the page reference count to one before inserting the pfn into the page tables (and decrement when removing devmap PTEs)?' },
  },
  {
    seed: '001_a5a61db4d6f739a3.txt',
    thread: '2022-09-03_patch-00-13-fix-the-dax-gup-mistake',
    author: 'Dan Williams',
    statement: 'I am open to discussing the former, but I think the latter is more likely.',
    kind: 'proposal',
    answers: { author: 'Jason Gunthorpe', text: "I'm not sure what it has to do with normal_page?" },
  },
  {
    seed: '002_53fe9e40f8165a66.txt',
    thread: null,
    author: 'Dan Williams',
    statement: "You're overlooking that the page reference count 1 after arch_add_memory().",
    kind: 'objection',
    answers: { author: 'Logan Gunthorpe', text: "Shouldn't get_dev_pagemap be called when any page is allocated or something like that (ie. the inverse of __put_page)?" },
  },
  {
    seed: '003_9dd4229fe2479e56.txt',
    thread: '2024-04-11_rfc-00-10-fs-dax-fix-fs-dax-page-reference-counts',
    author: 'Dan Williams',
    statement: "Right, I don't think pte_special is applicable for any DAX pages.",
    kind: 'agreement',
    answers: { author: 'Jason Gunthorpe', text: 'pte_special should only be used by memory without a struct page, is that what DEVDAX is?' },
  },
  {
    seed: '004_e419c30222af6864.txt',
    thread: '2021-10-14_patch-v1-2-2-mm-remove-extra-zone-device-struct-page-refcount',
    author: 'Jason Gunthorpe',
    statement: 'Not special means more to me, it means devmap should do the refcounts properly like normal memory pages.',
    kind: 'proposal',
    answers: { author: 'Dan Williams', text: 'It does not need to be special as mentioned here:' },
  },
];

describe.skipIf(missing)(`statements the seed documents quote${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(SEEDS_QUOTED)('$seed: $author, "$statement"', async (s) => {
    // The seed quotes it.
    expect(flat(readFileSync(join(SEEDS, s.seed), 'utf8'))).toContain(flat(s.statement));
    let inputs: DiscussionInput[];
    let result: ThreadDiscussion;
    if (s.thread) {
      ({ inputs, result } = await discussFiles([corpusPath('nvdimm/threads/wish1', `${s.thread}.mbox.gz`)]));
    } else {
      inputs = [seedMessage(s.seed)];
      result = discussThread(inputs);
    }
    const found = result.statements.filter((x) => x.text === s.statement);
    expect(found, 'found exactly once').toHaveLength(1);
    const st = found[0]!;
    expect(inputs.find((m) => m.id === st.message)!.from.name).toBe(s.author);
    expect({ kind: st.kind, answers: st.answers && { author: st.answers.author?.name, text: st.answers.text } }).toEqual({ kind: s.kind, answers: s.answers });
  });
});
