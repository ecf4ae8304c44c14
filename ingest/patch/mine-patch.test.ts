import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusMissing, corpusPath } from '../test-support/corpus.ts';
import { messagesOf } from '../test-support/series-messages.ts';
import { changelogVersions, mineMessage, minePatch } from './mine-patch.ts';

const from = { name: 'Ann Author', email: 'ann@example.org' };
const diff = 'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n';

describe('minePatch', () => {
  it.each([
    ['[PATCH 2/3] mm: x', `Fix.\n\nSigned-off-by: A <a@b>\n---\n${diff}`, false, 'patch'],
    ['[PATCH 0/3] mm: series', 'Cover.\n', false, 'cover'],
    ['[PATCH v2] mm: series', 'Cover.\n\n x.c | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n', false, 'cover'],
    ['Re: [PATCH 2/3] mm: x', `> ${diff}\nLooks good.\n`, true, 'reply'],
    ['[PATCH] mm: x', 'Reviewed-by: R <r@x.y>\n', true, 'reply'],
    ['mm: x', diff, false, 'patch'],
    ['+ mm-x.patch added to mm-unstable branch', `The patch titled\n${diff}`, false, 'notice'],
    ['[GIT PULL] libnvdimm for v6.1', 'The following changes since commit 4fe89d07dcc2804c8b562f6c7896a45643d34b2f:\n\n  Linux 6.0 (2022-10-02 14:09:26 -0700)\n\nare available in the Git repository at:\n\n  git://git.kernel.org/pub/scm/linux/kernel/git/nvdimm/nvdimm.git tags/libnvdimm-for-6.1\n', false, 'pull'],
    ['a question', 'How does this work?\n', false, 'other'],
    // A tester answering a cover letter without "Re:" (shaped like Tomasz Wolski's Tested-by on
    // "[PATCH v8 0/9] dax/hmem, cxl: Coordinate Soft Reserved handling"): a reply, not a cover.
    ['[PATCH v8 0/9] dax/hmem: x', 'Hi,\n\nTested on QEMU.\n\nTested-by: Ann Author <ann@example.org>\n', true, 'reply'],
    // A cover letter sent in reply to the previous version, signed off, is still a cover letter.
    ['[PATCH v2 0/3] mm: series', 'Cover.\n\nSigned-off-by: Ann Author <ann@example.org>\n\n x.c | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n', true, 'cover'],
    ['[PATCH v2 0/3] mm: series', 'Cover, acked by someone else.\n\nAcked-by: Other <other@example.org>\n', true, 'cover'],
  ])('%s is a %s', (subject, body, isReply, kind) => {
    expect(minePatch({ subject, body, from, isReply }).kind).toBe(kind);
  });

  it('reads b4 metadata and pull request targets', () => {
    const m = minePatch({
      subject: '[PATCH v3 0/2] thing',
      body: 'Cover.\n\n---\nbase-commit: 0123456789abcdef0123456789abcdef01234567\nchange-id: 20240101-thing-0123abcd\nprerequisite-patch-id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n',
      from,
      isReply: false,
    });
    expect(m).toMatchObject({ baseCommit: '0123456789abcdef0123456789abcdef01234567', changeId: '20240101-thing-0123abcd', prerequisites: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'] });
    const pull = minePatch({ subject: '[GIT PULL] x', body: 'The following changes since commit abcdef1:\n\n  x\n\nare available in the Git repository at:\n\n  https://git.kernel.org/x.git tags/for-6.1\n', from, isReply: false });
    expect(pull.pullRequest).toEqual({ base: 'abcdef1', url: 'https://git.kernel.org/x.git', ref: 'tags/for-6.1' });
    const wrapped = minePatch({ subject: 'x', body: 'The following changes since commit\nabcdef1234:\n  y\n\nare available in the Git repository at:\n\n  https://git.kernel.org/x.git/\ntags/v5.4-next-soc\n\nfor you', from, isReply: false });
    expect(wrapped.pullRequest).toEqual({ base: 'abcdef1234', url: 'https://git.kernel.org/x.git/', ref: 'tags/v5.4-next-soc' });
  });

  it('finds links to earlier versions, not to dependencies', () => {
    const m = minePatch({
      subject: '[PATCH v3 0/5] thing',
      body: 'Depends on https://lore.kernel.org/all/dep@x/\n\nChanges since v2:\n- fixed\n\nv2: https://lore.kernel.org/r/20240101-thing-v2-0-abc@example.org\nLink to v1: https://patch.msgid.link/v1cover@x\n',
      from,
      isReply: false,
    });
    expect(m.links).toEqual(['dep@x', '20240101-thing-v2-0-abc@example.org', 'v1cover@x']);
    expect(m.versionLinks).toEqual(['20240101-thing-v2-0-abc@example.org', 'v1cover@x']);
    expect(m.changelogFrom).toEqual([1, 2]);
  });
});

describe('changelogVersions', () => {
  it.each([
    ['Changes since v3:\n- x', [3]],
    ['Main updates since v1:', [1]],
    ['Changes in v2:', [1]],
    ['Changes for v9:\n - Fix warnings', [8]],
    ['v4 updates:\n - a\nV3 updates:\n - b\nv2 updates:\n - c', [1, 2, 3]],
    ['v3: Drop the cap patch from v2.\n    v2: https://lore.kernel.org/r/a@b\n    v1: https://lore.kernel.org/r/c@d', [1, 2]],
    ['v1:\n - first', []],
    ['v4 -> v5:\n - y', [4]],
    ['v1 -> v2:\n- a\nv2 -> v3:\n- b', [1, 2]],
    ['Changes from v10.1', [10.1]],
    ['since the RFC', [0]],
    ['Changes since RFC:\n- x', [0]],
    ['Changes since RFC v2:\n- x', [2]],
    ['RFC -> v1:\n- x', [0]],
    ['RFC v2 -> v3:\n- x', [2]],
    ['Link to RFC v1: https://lore.kernel.org/r/x@y', [1]],
    ['The RFC approach was rejected.', []],
    ['> Changes since v3', []],
  ])('%s', (text, versions) => {
    expect(changelogVersions(text)).toEqual(versions);
  });
});

const PW_MAIL = ['fixtures-getpatchwork-patchwork', 'patchwork/tests/data/mail'];
const skip = corpusMissing(...PW_MAIL);
describe.skipIf(skip)(`Patchwork's pull request mail${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('recognizes every git pull request', async () => {
    const files = readdirSync(corpusPath(...PW_MAIL)).filter((f) => f.includes('pull-request'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const [m] = await messagesOf([corpusPath(...PW_MAIL, f)]);
      const meta = mineMessage(m!);
      expect(meta.kind, f).toBe('pull');
      expect(meta.pullRequest!.url, f).toMatch(/^(git|https?|ssh|git\+ssh):\/\/|^[\w.-]+@[\w.-]+:/);
      expect(meta.pullRequest!.base, f).toMatch(/^[0-9a-f]{7,}$/);
    }
  });
});
