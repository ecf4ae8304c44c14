import { describe, expect, it } from 'vitest';
import { patchRoles, threadNoteLines, type RoleMessage, type RolePosting } from './patch-roles.ts';

const msg = (key: string, subject: string, parent: string | null = 'cover', imposter = false, from = 'ap@nvidia.com'): RoleMessage => ({ key, subject, parent, imposter, from });
const v9: RolePosting = {
  id: 'cover',
  version: 9,
  versionTag: '9',
  rfc: false,
  author: 'AP@nvidia.com',
  coverKey: 'cover',
  total: 3,
  patches: [1, 2, 3].map((i) => ({ key: `p${i}`, index: i, total: 3 })),
  date: 1000,
};

describe('patchRoles', () => {
  it('names the cover letter and each patch of a posting; replies have none', () => {
    const roles = patchRoles(
      [msg('cover', '[PATCH v9 0/3] fs/dax: fix', null), msg('p1', '[PATCH v9 1/3] a'), msg('p2', '[PATCH v9 2/3] b'), msg('p3', '[PATCH v9 3/3] c'), msg('r1', 'Re: [PATCH v9 2/3] b', 'p2')],
      [v9],
    );
    expect(Object.fromEntries([...roles].map(([k, r]) => [k, [r.kind, r.text]]))).toEqual({
      cover: ['cover', 'cover letter of v9 (3 patches)'],
      p1: ['patch', 'patch 1/3 of v9'],
      p2: ['patch', 'patch 2/3 of v9'],
      p3: ['patch', 'patch 3/3 of v9'],
    });
  });

  it('says when a patch is not a reply to its cover letter, and when the cover announces more patches than arrived', () => {
    const partial: RolePosting = { ...v9, patches: v9.patches.slice(0, 2) };
    const roles = patchRoles([msg('cover', '[PATCH v9 0/3] x', null), msg('p1', '[PATCH v9 1/3] a'), msg('p2', '[PATCH v9 2/3] b', 'p1')], [partial]);
    expect(roles.get('cover')!.text).toBe('cover letter of v9 (2 of 3 patches here)');
    expect(roles.get('p2')).toMatchObject({ text: 'patch 2/3 of v9, not a reply to its cover letter', notable: true });
    expect(roles.get('p1')!.notable).toBe(false);
  });

  it('tells a patch sent again into a slot the posting fills from one no posting holds', () => {
    const roles = patchRoles(
      [msg('p2', '[PATCH v9 2/3] b'), msg('p2again', '[PATCH v9 2/3] b', 'p1'), msg('other', '[PATCH v8 2/3] b'), msg('fake', '[PATCH 1/1] z', null, true)],
      [v9],
    );
    expect(roles.get('p2again')).toEqual({ kind: 'resent', posting: 'cover', index: 2, total: 3, text: 'patch 2/3 of v9, sent again: the series takes <p2>', notable: true });
    // Someone else's reply under the cover letter's subject, without "Re:", is no re-send.
    expect(patchRoles([msg('tested', '[PATCH v9 0/3] fs/dax: fix', 'cover', false, 'tester@example.com')], [v9]).get('tested')).toMatchObject({
      kind: 'stray',
      posting: 'cover',
      text: 'a reply by tester@example.com under the subject of the cover letter of v9, without "Re:"',
    });
    expect(roles.get('other')).toEqual({ kind: 'stray', posting: null, index: 2, total: 3, text: 'tagged as patch 2/3 of v8, but in no posting', notable: true });
    expect(roles.get('fake')!.text).toBe('tagged as patch 1/1 of v1, but in no posting (it reuses the Message-ID of another message)');
  });

  it('tells a patch the series took as a posting of its own (one patch of v9 re-posted) as sent again', () => {
    const again: RolePosting = { ...v9, id: 'again', coverKey: null, patches: [{ key: 'again', index: 2, total: 3 }] };
    const roles = patchRoles([msg('p2', '[PATCH v9 2/3] b'), msg('again', '[PATCH v9 2/3] b', 'p1')], [v9, again]);
    expect(roles.get('again')).toEqual({ kind: 'resent', posting: 'cover', index: 2, total: 3, text: 'patch 2/3 of v9, sent again: the series takes <p2>', notable: true });
    // A one-patch reroll by someone else, or of another version, is a posting of its own.
    const other = { ...again, author: 'someone@example.com' };
    expect(patchRoles([msg('again', '[PATCH v9 2/3] b', 'p1')], [v9, other]).get('again')!.kind).toBe('patch');
    const v10 = { ...again, version: 10, versionTag: '10' };
    expect(patchRoles([msg('again', '[PATCH v10 2/3] b', 'p1')], [v9, v10]).get('again')!.kind).toBe('patch');
    // A patch posted on its own twice: the later one is the re-send, the first one is not.
    const first: RolePosting = { ...again, id: 'first', patches: [{ key: 'first', index: 2, total: 3 }], date: 1000 };
    const later: RolePosting = { ...again, date: 2000 };
    const twice = patchRoles([msg('first', '[PATCH v9 2/3] b', null), msg('again', '[PATCH v9 2/3] b', 'first')], [later, first]);
    expect(twice.get('again')).toMatchObject({ kind: 'resent', posting: 'first', text: 'patch 2/3 of v9, sent again: the series takes <first>' });
    expect(twice.get('first')!.kind).toBe('patch');
  });

  it('names an imposter that is no patch, and RFC and dotted versions as tagged', () => {
    const rfc: RolePosting = { id: 'c2', version: 5, versionTag: '5.1', rfc: true, author: 'ap@nvidia.com', coverKey: null, total: 1, patches: [{ key: 'q', index: 1, total: 1 }], date: null };
    const roles = patchRoles([msg('q', '[RFC PATCH v5.1 1/1] q', null), msg('x', 'Re: hello', 'q', true)], [rfc]);
    expect(roles.get('q')!.text).toBe('patch 1/1 of RFC v5.1');
    expect(roles.get('x')).toEqual({ kind: 'imposter', posting: null, index: null, total: null, text: 'reuses the Message-ID of another message: kept apart', notable: true });
  });
});

describe('threadNoteLines', () => {
  const apart = (i: number) => ({ messageId: `p${i}`, kind: 'patch' as const, text: `patch ${i}/3 of v9, not a reply to its cover letter` });
  const resent = { messageId: 'again', kind: 'resent' as const, text: 'patch 2/3 of v9, sent again: the series takes <p2>' };

  it('says once that no patch replies to the cover letter, and each other message on a line of its own', () => {
    expect(threadNoteLines([apart(1), apart(2), apart(3), resent], 3)).toEqual([
      { text: 'none of its 3 patches is a reply to its cover letter', messageId: null },
      { text: resent.text, messageId: 'again' },
    ]);
  });

  it('names the patches apart when only some are', () => {
    expect(threadNoteLines([apart(2)], 3)).toEqual([{ text: apart(2).text, messageId: 'p2' }]);
    expect(threadNoteLines([], 3)).toEqual([]);
  });
});
