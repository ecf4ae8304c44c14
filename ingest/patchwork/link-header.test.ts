import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingReference, PATCHWORK_REFERENCE } from '../test-support/patchwork-tool.ts';
import { lastPage, nextPageUrl, parseLinkHeader } from './link-header.ts';

const page = 'http://127.0.0.1:8472/api/1.3/series/?order=-date&page=2&per_page=5&project=nvdimm';

describe('parseLinkHeader', () => {
  it('reads every link and its relations; commas and semicolons inside <> or quotes are part of them', () => {
    expect(parseLinkHeader('<https://x/a?p=1,2;3>; rel="next prev"; title="a, b", </b>; rel=last, junk, <>; rel=first', 'https://x/q')).toEqual([
      { url: 'https://x/a?p=1,2;3', rel: ['next', 'prev'] },
      { url: 'https://x/b', rel: ['last'] },
      { url: 'https://x/q', rel: ['first'] },
    ]);
    expect(parseLinkHeader('', 'https://x/')).toEqual([]);
  });

  it('gives the number of the last page, for progress; 0 when the header names none', () => {
    expect(lastPage('<http://pw/api/1.3/patches/?page=2&per_page=3>; rel="next", <http://pw/api/1.3/patches/?page=28&per_page=3>; rel="last"', 'http://pw/api/1.3/patches/')).toBe(28);
    expect(lastPage('<http://pw/api/1.3/patches/?page=2>; rel="next"', 'http://pw/')).toBe(0);
    expect(lastPage('<http://pw/api/1.3/patches/?per_page=3>; rel="last"', 'http://pw/')).toBe(0);
    expect(lastPage(null, 'http://pw/')).toBe(0);
  });
});

describe.skipIf(missingReference)(`the next page of a real Patchwork answer${missingReference ? ` (skipped: ${missingReference})` : ''}`, () => {
  const link = (name: string): string | null => {
    const line = readFileSync(join(PATCHWORK_REFERENCE, `${name}.headers`), 'utf8').split('\n').find((l) => l.startsWith('Link: '));
    return line ? line.slice(6) : null;
  };

  it('follows rel="next" when there is one, and stops on the last page', () => {
    expect(nextPageUrl(link('series-list-page2.json'), page)).toEqual({ url: 'http://127.0.0.1:8472/api/1.3/series/?order=-date&page=3&per_page=5&project=nvdimm', foreign: null });
    expect(nextPageUrl(link('patches-series-14.json'), 'http://127.0.0.1:8472/api/1.3/patches/?series=14')).toBeNull();
    expect(nextPageUrl(null, page)).toBeNull();
  });

  it('asks a next page written for another origin on the origin of the page it came from', () => {
    expect(nextPageUrl(link('series-list.json'), 'https://patchwork.example.org/api/1.3/series/?order=-date&per_page=5&project=nvdimm')).toEqual({
      url: 'https://patchwork.example.org/api/1.3/series/?order=-date&page=2&per_page=5&project=nvdimm',
      foreign: 'http://127.0.0.1:8472/api/1.3/series/?order=-date&page=2&per_page=5&project=nvdimm',
    });
  });
});
