// Which tags are releases and in what order they came: version order, a release candidate before
// its release (v6.8-rc1 < v6.8-rc7 < v6.8 < v6.8.1 < v6.9-rc1), as the first release containing a
// commit is the first in this order. Pure. It does not read tags (read-git-history-fs.ts does).

/** Release tags by default: "v" and a dotted version, optionally "-rcN" (v6.8, v6.8-rc1, v6.8.12,
 *  ndctl's v81 and v58.1). Snapshot and personal tags (pmem_21, djbw/ndctl/pmem_14,
 *  ndctl-20150320, v41.git27792e104878) are not releases. */
export const DEFAULT_RELEASE_PATTERN = /^v\d+(?:\.\d+)*(?:-rc\d+)?$/;

/** Numbers of a version and its release-candidate number (Infinity for a final release). */
function versionKey(name: string): { numbers: number[]; rc: number } {
  const rc = /-rc(\d+)$/.exec(name);
  const numbers = (rc ? name.slice(0, rc.index) : name).match(/\d+/g)?.map(Number) ?? [];
  return { numbers, rc: rc ? Number(rc[1]) : Infinity };
}

/** Negative when release `a` came before `b`. Missing components count as before (v58 before
 *  v58.1); ties fall back to the names. */
export function compareReleases(a: string, b: string): number {
  const ka = versionKey(a);
  const kb = versionKey(b);
  const n = Math.max(ka.numbers.length, kb.numbers.length);
  for (let i = 0; i < n; i++) {
    const x = ka.numbers[i];
    const y = kb.numbers[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x - y;
  }
  if (ka.rc !== kb.rc) return ka.rc < kb.rc ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
