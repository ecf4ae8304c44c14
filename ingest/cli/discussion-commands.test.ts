// `patchlore statements`, `verdicts` and `cite` on a small discussion: the documented JSON shapes,
// attribution to who wrote the words, citations in each format, and clear errors.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mbox, tempDir } from '../test-support/mail-builder.ts';
import { DISCUSSION_IDS as D, SERIES_IDS as I, discussionMail } from '../test-support/series-mail.ts';
import { cli } from '../test-support/run-cli.ts';

describe('patchlore statements, verdicts, cite', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeAll(async () => {
    tmp = tempDir();
    db = join(tmp.dir, 'db.sqlite');
    expect((await cli('import', '--db', db, tmp.file('list.mbox', mbox(discussionMail())))).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('lists the statements of a message in the documented shape, crediting the asker of the question', async () => {
    const r = await cli('statements', '--db', db, '--json', `<${D.answer}>`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      {
        messageId: D.answer,
        subject: 'Re: [PATCH v2 2/2] fs/dax: drop devmap',
        author: 'Patch Author',
        email: 'author@example.com',
        date: '2024-05-08T10:00:00.000Z',
        text: 'Yes, every caller takes it before walking the entries.',
        kind: 'agreement',
        answers: { author: 'Max Maintainer', email: 'max@example.com', text: 'Does the caller already hold the page table lock here?', messageId: D.question },
        confidence: expect.any(Number),
        why: 'starts by agreeing (rule agree-start); answers a question quoted from Max Maintainer',
      },
    ]);
    const thread = JSON.parse((await cli('statements', '--db', db, '--json', '--thread', I.v21)).out);
    expect(thread.map((s: { messageId: string }) => s.messageId)).toContain(D.answer);
    const dates = thread.map((s: { date: string }) => s.date);
    expect(dates).toEqual([...dates].sort());
    expect((await cli('statements', '--db', db, I.rfc1)).out).toContain('no statements');
  });

  it('lists verdicts with their evidence and the patch they are about', async () => {
    const v = JSON.parse((await cli('verdicts', '--db', db, '--json', '--thread', I.v2Cover)).out) as Array<{ kind: string; author: string; text: string; target: string }>;
    expect(v.map((x) => [x.kind, x.author, x.text, x.target])).toEqual([
      ['reviewed', 'Rita Reviewer', 'Reviewed-by: Rita Reviewer <rita@example.com>', I.v21],
      ['acked', 'Max Maintainer', 'Acked-by: Max Maintainer <max@example.com>', I.v2Cover],
      ['applied', 'Max Maintainer', 'Applied to nvdimm-for-next, thanks!', I.v2Cover],
    ]);
    // The applied verdict makes the lineage applied at v2.
    const s = JSON.parse((await cli('series', '--db', db, '--json', I.v2Cover)).out);
    expect(s.family).toBe(I.rfcCover);
  });

  it('cites a statement in Markdown, text and trailer form', async () => {
    const md = await cli('cite', '--db', db, D.answer, '--quote', 'every caller   takes it');
    expect(md.code).toBe(0);
    expect(md.out).toBe(
      [
        '> **Max Maintainer:** Does the caller already hold the page table lock here?',
        '>',
        '> **Patch Author:** Yes, every caller takes it before walking the entries.',
        '',
        `— Patch Author <author@example.com>, 2024-05-08, [Re: \\[PATCH v2 2/2\\] fs/dax: drop devmap](https://lore.kernel.org/r/${D.answer})`,
        '',
      ].join('\n'),
    );
    expect((await cli('cite', '--db', db, D.answer, '--format', 'trailer')).out).toBe(`Link: https://lore.kernel.org/r/${D.answer}\n`);
    const text = (await cli('cite', '--db', db, D.answer, '--format', 'text')).out;
    expect(text).toContain('In reply to Max Maintainer: "Does the caller already hold the page table lock here?"');
    expect(text).toContain('Patch Author wrote on 2024-05-08:');
    const json = JSON.parse((await cli('cite', '--db', db, '--json', D.answer)).out);
    expect(json).toMatchObject({ messageId: D.answer, author: 'Patch Author', lore: `https://lore.kernel.org/r/${D.answer}`, format: 'markdown' });
  });

  it('cites quoted words from the message that wrote them, not from the one quoting them', async () => {
    const r = await cli('cite', '--db', db, D.answer, '--quote', 'hold the page table lock');
    expect(r.out).toContain('— Max Maintainer <max@example.com>, 2024-05-08');
    expect(r.out).toContain(`https://lore.kernel.org/r/${D.question}`);
  });

  it('says clearly what cannot be cited', async () => {
    const missing = await cli('cite', '--db', db, D.answer, '--quote', 'words nobody wrote');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`"words nobody wrote" is not in <${D.answer}>`);
    expect((await cli('cite', '--db', db, 'nobody@example.com')).err).toContain('<nobody@example.com> is not in the store');
    expect((await cli('cite', '--db', db, D.answer, '--format', 'bibtex')).code).toBe(2);
  });
});
