import { describe, expect, it } from 'vitest';
import { pathInScope, reaches, repositoryScope } from './repository-scope.ts';

describe('repositoryScope', () => {
  // ndctl's history beside the kernel patches of the same list.
  const ndctl = repositoryScope([{ files: ['ndctl/lib/libndctl.c', 'Documentation/ndctl/ndctl-list.txt', 'lib/private.h'] }, { files: ['cxl/region.c', 'meson.build'] }]);

  it('takes in a path the history changed, or a file beside one', () => {
    expect(pathInScope(ndctl, 'cxl/region.c')).toBe(true);
    expect(pathInScope(ndctl, 'cxl/new-file.c')).toBe(true);
    expect(pathInScope(ndctl, 'meson.build')).toBe(true);
  });

  it("leaves out another repository's paths, even in a directory whose parent it shares", () => {
    expect(pathInScope(ndctl, 'drivers/nvdimm/bus.c')).toBe(false);
    expect(pathInScope(ndctl, 'Documentation/ABI/testing/sysfs-bus-nvdimm')).toBe(false);
    expect(pathInScope(ndctl, 'Makefile')).toBe(false);
  });

  it('reaches a lineage when more than half of its files are in scope', () => {
    expect(reaches(ndctl, new Set(['cxl/region.c', 'cxl/json.c', 'Documentation/cxl/cxl-list.txt']))).toBe(true);
    // A kernel series that also touches lib/: the kernel's lib/ is not ndctl's.
    expect(reaches(ndctl, new Set(['lib/vsprintf.c', 'drivers/cxl/core/mbox.c', 'include/linux/cxl.h']))).toBe(false);
    expect(reaches(ndctl, new Set(['lib/vsprintf.c', 'drivers/cxl/core/mbox.c']))).toBe(false);
    expect(reaches(ndctl, new Set())).toBe(false);
  });
});
