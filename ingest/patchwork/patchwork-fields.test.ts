import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../types.ts';
import { bareMessageId, parsePatchworkDate, PatchworkFields } from './patchwork-fields.ts';

describe('parsePatchworkDate', () => {
  it('reads dates without a zone as UTC, with microseconds, and with a zone', () => {
    expect(parsePatchworkDate('2022-04-20T15:53:06')).toBe(Date.UTC(2022, 3, 20, 15, 53, 6));
    expect(parsePatchworkDate('2026-12-04T13:23:10.107007')).toBe(Date.UTC(2026, 11, 4, 13, 23, 10, 107));
    expect(parsePatchworkDate('2022-04-20T15:53:06Z')).toBe(Date.UTC(2022, 3, 20, 15, 53, 6));
    expect(parsePatchworkDate('2022-04-20T17:53:06+02:00')).toBe(Date.UTC(2022, 3, 20, 15, 53, 6));
    expect(parsePatchworkDate('2022-04-20 15:53')).toBe(Date.UTC(2022, 3, 20, 15, 53));
  });

  it('refuses what is not a date', () => {
    for (const bad of ['', 'yesterday', '2022-02-30T00:00:00', '2022-13-01T00:00:00', '2022-04-20T25:00:00', '20220420T155306']) expect(parsePatchworkDate(bad), bad).toBeNull();
  });
});

describe('bareMessageId', () => {
  it('drops the angle brackets Patchwork keeps', () => {
    expect(bareMessageId('<20220420155310.9712-2-joao.m.martins@oracle.com>')).toBe('20220420155310.9712-2-joao.m.martins@oracle.com');
    expect(bareMessageId(' a@b ')).toBe('a@b');
  });
});

describe('PatchworkFields', () => {
  it('names the record, the field, what was expected and what was found', () => {
    const problems: Diagnostic[] = [];
    const f = PatchworkFields.of({ id: 7, archived: 'yes', msgid: '<a b>' }, 'patch', 'http://pw/api/1.3/patches/7/', problems)!;
    f.what = `patch ${f.id('id')}`;
    expect(f.boolean('archived', false)).toBe(false);
    expect(f.messageId('msgid')).toBe('');
    expect(f.requiredString('state')).toBe('');
    expect(f.unusable).toBe(true);
    expect(problems).toEqual([
      { code: 'patchwork/bad-shape', message: 'patch 7: "archived" is not true or false; left empty', source: 'http://pw/api/1.3/patches/7/', hint: expect.stringContaining('API 1.0 to 1.3'), severity: 'warning', expected: 'true or false', found: '"yes"' },
      { code: 'patchwork/bad-shape', message: 'patch 7: "msgid" is not a Message-ID ("<a@b>"); skipped', source: 'http://pw/api/1.3/patches/7/', hint: expect.any(String), severity: 'error', expected: 'a Message-ID ("<a@b>")', found: '"<a b>"' },
      { code: 'patchwork/bad-shape', message: 'patch 7: no "state" field; skipped', source: 'http://pw/api/1.3/patches/7/', hint: expect.any(String), severity: 'error', expected: 'a non-empty string', found: 'nothing' },
    ]);
  });

  it('takes absent optional fields of older API versions quietly, and truncates long values', () => {
    const problems: Diagnostic[] = [];
    const f = PatchworkFields.of({ name: 'x'.repeat(200), delegate: null }, 'patch', '', problems)!;
    expect(f.optionalString('list_archive_url')).toBeNull();
    expect(f.user('delegate')).toBeNull();
    expect(problems).toEqual([]);
    expect(f.int('name', 0)).toBe(0);
    expect(problems[0]!.found).toHaveLength(80);
    expect(PatchworkFields.of([1], 'event', '', problems)).toBeNull();
    expect(problems[1]).toMatchObject({ message: 'event is not a JSON object; skipped', severity: 'error', found: '[1]' });
  });
});
