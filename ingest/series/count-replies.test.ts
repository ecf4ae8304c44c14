import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countReplies, type ReplyNode } from './count-replies.ts';

const n = (id: string, parent: string | null, ghost = false): ReplyNode => ({ id, parent, ghost });

describe('countReplies', () => {
  it('counts each reply once, for the nearest patch or cover above it', () => {
    const nodes = [
      n('cover', null),
      n('p1', 'cover'),
      n('p2', 'cover'),
      n('r-cover', 'cover'),
      n('r-p1', 'p1'),
      n('r-r-p1', 'r-p1'),
      n('r-p2', 'p2'),
      n('missing', 'p2', true),
      n('below-ghost', 'missing'),
    ];
    const counts = countReplies(nodes, new Set(['cover', 'p1', 'p2']));
    expect(Object.fromEntries(counts)).toEqual({ cover: 1, p1: 2, p2: 2 });
  });

  it('ignores messages above or beside the posting (a series sent in reply to another)', () => {
    const nodes = [n('old-cover', null), n('old-reply', 'old-cover'), n('new-cover', 'old-reply'), n('new-p1', 'new-cover'), n('r', 'new-p1')];
    expect(Object.fromEntries(countReplies(nodes, new Set(['new-cover', 'new-p1'])))).toEqual({ 'new-p1': 1 });
  });

  it('counts every non-member message below a member exactly once, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }), (parents, memberFlags) => {
        // A random forest: node i hangs below some earlier node (or nowhere).
        const nodes = parents.map((p, i) => n(`m${i}`, i === 0 || p % 4 === 0 ? null : `m${p % i}`));
        const members = new Set(nodes.filter((_, i) => memberFlags[i]).map((x) => x.id));
        const counts = countReplies([...nodes].reverse(), members);
        const below = (id: string): boolean => {
          for (let at = nodes.find((x) => x.id === id)!.parent; at !== null; at = nodes.find((x) => x.id === at)!.parent) if (members.has(at)) return true;
          return false;
        };
        const expected = nodes.filter((x) => !members.has(x.id) && below(x.id)).length;
        expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(expected);
      }),
    );
  });
});
