import { describe, expect, it } from 'vitest';
import { compareReleases, DEFAULT_RELEASE_PATTERN } from './release-order.ts';

describe('release order', () => {
  it('orders versions, release candidates before their release', () => {
    const tags = ['v6.9-rc1', 'v6.8', 'v6.8.1', 'v6.8-rc7', 'v6.10', 'v6.8-rc1', 'v58.1', 'v58', 'v9'];
    expect([...tags].sort(compareReleases)).toEqual(['v6.8-rc1', 'v6.8-rc7', 'v6.8', 'v6.8.1', 'v6.9-rc1', 'v6.10', 'v9', 'v58', 'v58.1']);
  });

  it('takes v-numbered tags as releases, not snapshots or personal tags', () => {
    const releases = ['v81', 'v58.1', 'v6.8-rc1', 'pmem_21', 'djbw/ndctl/pmem_14', 'ndctl-20150320', 'v41.git27792e104878'].filter((t) => DEFAULT_RELEASE_PATTERN.test(t));
    expect(releases).toEqual(['v81', 'v58.1', 'v6.8-rc1']);
  });
});
