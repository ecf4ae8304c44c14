import { describe, expect, it } from 'vitest';
import { anchorHref, encodePathSegment, isPathSafe, loreUrl, messageDir, messageHref, messagePath, seriesPath, threadSlug } from './paths.ts';
import { shortHash } from './short-hash.ts';

describe('paths', () => {
  it('keeps ordinary Message-IDs readable in /m/ URLs and directories', () => {
    const mid = 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com';
    expect(messagePath(mid)).toBe(`/m/${mid}/`);
    expect(messageDir(mid)).toBe(`m/${mid}`);
    expect(messagePath('CAPcyv4i+jB=Q@mail.gmail.com')).toBe('/m/CAPcyv4i+jB=Q@mail.gmail.com/');
  });

  it('escapes what a URL path cannot hold, and nests at slashes as static servers expect', () => {
    expect(messagePath('YNErtAaG/i3HBII+@garbanzo')).toBe('/m/YNErtAaG/i3HBII+@garbanzo/');
    expect(messageDir('YNErtAaG/i3HBII+@garbanzo')).toBe('m/YNErtAaG/i3HBII+@garbanzo');
    expect(messagePath('a?b#c%d@x')).toBe('/m/a%3Fb%23c%25d@x/');
    expect(encodePathSegment('<x y>')).toBe('%3Cx%20y%3E');
  });

  it('gives every lineage a short stable page whatever its family id holds', () => {
    expect(seriesPath('../../etc/passwd@x')).toMatch(/^\/s\/[0-9a-f]{16}\/$/);
    expect(seriesPath('a@b')).toBe(seriesPath('a@b'));
    expect(seriesPath('a@b')).not.toBe(seriesPath('a@c'));
  });

  it('never lets a Message-ID walk out of /m/', () => {
    for (const evil of ['../../etc/passwd@x', 'a/../../b@x', './x@y', 'a//b@x', '/abs@x', 'x\\y@z', 'nul\u0000@x', `${'a'.repeat(250)}@x`]) {
      expect(isPathSafe(evil)).toBe(false);
      expect(messageDir(evil)).toMatch(/^m\/_\/[0-9a-f]{16}$/);
      expect(messagePath(evil)).toMatch(/^\/m\/_\/[0-9a-f]{16}\/$/);
    }
  });

  it('gives thread pages hex slugs and messages readable anchors', () => {
    expect(threadSlug('a@b')).toMatch(/^[0-9a-f]{16}$/);
    expect(threadSlug('a@b')).toBe(threadSlug('a@b'));
    expect(threadSlug('a@b')).not.toBe(threadSlug('a@c'));
    expect(messageHref('root@x', 'reply@x')).toBe(`/t/${threadSlug('root@x')}/#reply@x`);
    expect(anchorHref('ghost:a/b@x')).toBe('#ghost:a%2Fb@x');
  });

  it('links to lore through /r/', () => {
    expect(loreUrl('20240412115352.GY5383@nvidia.com')).toBe('https://lore.kernel.org/r/20240412115352.GY5383@nvidia.com');
    expect(loreUrl('YNErtAaG/i3HBII+@garbanzo')).toBe('https://lore.kernel.org/r/YNErtAaG%2Fi3HBII+@garbanzo');
  });

  it('hashes the same way everywhere', () => {
    expect(shortHash('')).toBe('811c9dc5050c5d1f');
    expect(shortHash('é')).not.toBe(shortHash('e'));
  });
});
