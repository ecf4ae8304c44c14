import { describe, expect, it } from 'vitest';
import { escapeMessageId, loreUrl, normalizeBase } from './lore-url.ts';

const MID = 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com';

describe('loreUrl', () => {
  it('lays resources out as public-inbox serves them', () => {
    const b = 'https://lore.kernel.org';
    expect(loreUrl(b, 'nvdimm', { kind: 'manifest' })).toBe('https://lore.kernel.org/nvdimm/manifest.js.gz');
    expect(loreUrl(b, 'nvdimm', { kind: 'epoch', n: 3 })).toBe('https://lore.kernel.org/nvdimm/3');
    expect(loreUrl(b, 'nvdimm', { kind: 'thread', messageId: MID })).toBe(`https://lore.kernel.org/nvdimm/${MID}/t.mbox.gz`);
    expect(loreUrl(b, 'nvdimm', { kind: 'raw', messageId: 'a/b c@d' })).toBe('https://lore.kernel.org/nvdimm/a%2Fb%20c@d/raw');
    expect(loreUrl(b, 'all', { kind: 'search', query: 's:"fs/dax" d:2024-01-01..' })).toBe('https://lore.kernel.org/all/?q=s%3A%22fs%2Fdax%22+d%3A2024-01-01..&x=m');
    expect(loreUrl(b, 'nvdimm', { kind: 'atom' })).toBe('https://lore.kernel.org/nvdimm/new.atom');
  });

  it('escapes Message-IDs like public-inbox (MID_ESC), UTF-8 included', () => {
    expect(escapeMessageId("a+b=c!$&'()*,;:@x~_.-")).toBe("a+b=c!$&'()*,;:@x~_.-");
    expect(escapeMessageId('a/b?c#d%e')).toBe('a%2Fb%3Fc%23d%25e');
    expect(escapeMessageId('é@x')).toBe('%C3%A9@x');
  });
});

describe('normalizeBase', () => {
  it('accepts http(s) URLs and drops the trailing slash', () => {
    expect(normalizeBase('https://lore.kernel.org/')).toEqual({ ok: true, base: 'https://lore.kernel.org' });
    expect(normalizeBase('http://127.0.0.1:8080/pi/')).toEqual({ ok: true, base: 'http://127.0.0.1:8080/pi' });
  });
  it('refuses anything else, saying why', () => {
    expect(normalizeBase('lore.kernel.org')).toMatchObject({ ok: false, reason: expect.stringContaining('not a URL') });
    expect(normalizeBase('ssh://x/y')).toMatchObject({ ok: false, reason: expect.stringContaining('only http and https') });
    expect(normalizeBase('https://x/?a=1')).toMatchObject({ ok: false });
    expect(normalizeBase('https://u:p@x/')).toMatchObject({ ok: false });
  });
});
