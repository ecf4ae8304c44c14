// Union-find over string ids with path halving and union by size: near-constant time per
// operation, no recursion. Used to keep threads cycle-free and to find thread membership.

/** Disjoint sets of string ids; an id is in a set of its own until united. */
export class DisjointSets {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  /** The representative of the set holding `id`. */
  find(id: string): string {
    let p = this.parent.get(id);
    if (p === undefined) {
      this.parent.set(id, id);
      this.size.set(id, 1);
      return id;
    }
    let x = id;
    while (p !== x) {
      const gp = this.parent.get(p)!;
      this.parent.set(x, gp);
      x = gp;
      p = this.parent.get(x)!;
    }
    return x;
  }

  /** Merge the sets of `a` and `b`; returns the new representative. */
  union(a: string, b: string): string {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size.get(ra)! < this.size.get(rb)!) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, this.size.get(ra)! + this.size.get(rb)!);
    return ra;
  }
}
