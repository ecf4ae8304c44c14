import { describe, expect, it } from 'vitest';
import { pageFetch } from './page-fetch.ts';

describe('pageFetch', () => {
  it('fetches pages that carry their Message-ID as they are', () => {
    expect(pageFetch('lkml-iu', 'https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html')).toEqual({ url: 'https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html', expect: 'page', holds: 'page' });
    expect(pageFetch('spinics', 'https://www.spinics.net/lists/linux-mm/msg321234.html').holds).toBe('page');
    expect(pageFetch('patchwork', 'https://patchwork.kernel.org/patch/13623885/')).toEqual({ url: 'https://patchwork.kernel.org/patch/13623885/', expect: 'page', holds: 'page' });
  });

  it("asks marc.info for its raw view, lkml.org for the headers, Patchwork for a series' mbox", () => {
    expect(pageFetch('marc', 'https://marc.info/?l=linux-mm&m=171279690123456&w=2')).toEqual({ url: 'https://marc.info/?l=linux-mm&m=171279690123456&q=raw', expect: 'page', holds: 'mail' });
    expect(pageFetch('lkml-org', 'https://lkml.org/lkml/2021/10/14/1234')).toEqual({ url: 'https://lkml.org/lkml/mheaders/2021/10/14/1234', expect: 'page', holds: 'headers' });
    expect(pageFetch('patchwork', 'https://patchwork.kernel.org/series/842187/')).toEqual({ url: 'https://patchwork.kernel.org/series/842187/mbox/', expect: 'mbox', holds: 'mail' });
    // The list shows only the states that need action unless told otherwise: the mbox has them all.
    expect(pageFetch('patchwork', 'https://patchwork.kernel.org/project/linux-mm/list/?series=842187&state=*')).toEqual({ url: 'https://patchwork.kernel.org/series/842187/mbox/', expect: 'mbox', holds: 'mail' });
  });
});
