import { describe, expect, it } from 'vitest';
import { inScope, repositoryScope } from './repository-scope.ts';

describe('repositoryScope', () => {
  // ndctl's history beside the kernel patches of the same list.
  const ndctl = repositoryScope([{ files: ['ndctl/lib/libndctl.c', 'Documentation/ndctl/ndctl-list.txt'] }, { files: ['cxl/region.c', 'meson.build'] }]);

  it('takes in a patch changing a path the history changed, or a file beside one', () => {
    expect(inScope(ndctl, ['cxl/region.c'])).toBe(true);
    expect(inScope(ndctl, ['cxl/new-file.c'])).toBe(true);
    expect(inScope(ndctl, ['meson.build'])).toBe(true);
    expect(inScope(ndctl, ['drivers/cxl/core/region.c', 'cxl/json.c'])).toBe(true);
  });

  it("leaves out another repository's patches, even in a directory whose parent it shares", () => {
    expect(inScope(ndctl, ['drivers/nvdimm/bus.c'])).toBe(false);
    expect(inScope(ndctl, ['Documentation/ABI/testing/sysfs-bus-nvdimm'])).toBe(false);
    expect(inScope(ndctl, ['Makefile'])).toBe(false);
    expect(inScope(ndctl, [])).toBe(false);
  });
});
