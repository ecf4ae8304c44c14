import { describe, expect, it } from 'vitest';
import { apiAtLeast, parsePatchworkLocation, patchworkMboxUrl, patchworkUrl } from './patchwork-url.ts';

describe('patchworkUrl', () => {
  const b = 'https://patchwork.kernel.org';
  it('writes API URLs with sorted, encoded queries, and mbox URLs', () => {
    expect(patchworkUrl(b, '1.3', { kind: 'list', of: 'events', query: { since: '2026-12-04T13:23:10.107', project: 'linux-nvdimm', order: 'date', per_page: 100 } })).toBe(
      'https://patchwork.kernel.org/api/1.3/events/?order=date&per_page=100&project=linux-nvdimm&since=2026-12-04T13%3A23%3A10.107',
    );
    expect(patchworkUrl(b, '1.2', { kind: 'list', of: 'patches', query: { msgid: 'a+b@c', project: 'p' } })).toBe('https://patchwork.kernel.org/api/1.2/patches/?msgid=a%2Bb%40c&project=p');
    expect(patchworkUrl(b, '1.3', { kind: 'project', project: 'linux-nvdimm' })).toBe('https://patchwork.kernel.org/api/1.3/projects/linux-nvdimm/');
    expect(patchworkUrl(b, '1.3', { kind: 'checks', patchId: 5, query: {} })).toBe('https://patchwork.kernel.org/api/1.3/patches/5/checks/');
    expect(patchworkMboxUrl(b, 'series', 37)).toBe('https://patchwork.kernel.org/series/37/mbox/');
  });

  it('compares API versions', () => {
    expect(apiAtLeast('1.3', '1.2')).toBe(true);
    expect(apiAtLeast('1.1', '1.2')).toBe(false);
    expect(apiAtLeast('2.0', '1.3')).toBe(true);
  });
});

describe('parsePatchworkLocation', () => {
  it('takes a base URL, a project page or an API URL', () => {
    expect(parsePatchworkLocation('https://patchwork.kernel.org/')).toEqual({ ok: true, base: 'https://patchwork.kernel.org', project: null });
    expect(parsePatchworkLocation('https://patchwork.kernel.org/project/linux-nvdimm/list/?series=123')).toEqual({ ok: true, base: 'https://patchwork.kernel.org', project: 'linux-nvdimm' });
    expect(parsePatchworkLocation('http://127.0.0.1:8000/pw/api/1.3/projects/nvdimm/')).toEqual({ ok: true, base: 'http://127.0.0.1:8000/pw', project: 'nvdimm' });
    expect(parsePatchworkLocation('https://patchwork.ozlabs.org/api/')).toEqual({ ok: true, base: 'https://patchwork.ozlabs.org', project: null });
  });

  it('refuses what is not an http(s) URL, saying what is expected', () => {
    expect(parsePatchworkLocation('patchwork.kernel.org')).toEqual({ ok: false, reason: 'not a URL: "patchwork.kernel.org" (expected e.g. https://patchwork.kernel.org)' });
    expect(parsePatchworkLocation('ftp://x/')).toMatchObject({ ok: false });
  });
});
