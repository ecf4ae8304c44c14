import { describe, expect, it } from 'vitest';
import { useTempStore } from '../test-support/temp-store.ts';
import type { Derivation } from './derivation.ts';
import { deriveStore, staleDerivations } from './derive-store.ts';

/** A registry of recording derivations: a → b, a → c. */
function registry(log: string[], opts: { version?: number; external?: () => string; fail?: string } = {}): Derivation[] {
  const d = (name: string, after: string[]): Derivation => ({
    name,
    title: name,
    version: name === 'b' ? (opts.version ?? 1) : 1,
    after,
    external: name === 'c' ? (opts.external ?? (() => '')) : () => '',
    async run(_store, { full, previous }) {
      if (opts.fail === name) throw new Error(`${name} failed`);
      log.push(`${name}${full ? ' full' : ''}${previous ? '' : ' first'}`);
      return { count: 1, diagnostics: [] };
    },
  });
  return [d('a', []), d('b', ['a']), d('c', ['a'])];
}

describe('deriveStore', () => {
  const t = useTempStore();
  const bump = (): void => t.store.transaction(() => t.store.derived.bumpGeneration());

  it('runs every derivation once in order, then nothing until the mail changes', async () => {
    const log: string[] = [];
    const reg = registry(log);
    expect(staleDerivations(t.store, { workers: 0 }, reg).map((d) => d.name)).toEqual(['a', 'b', 'c']);
    await deriveStore(t.store, { workers: 0 }, reg);
    expect(log).toEqual(['a first', 'b first', 'c first']);
    expect(staleDerivations(t.store, { workers: 0 }, reg)).toEqual([]);
    await deriveStore(t.store, { workers: 0 }, reg);
    expect(log).toHaveLength(3);
    bump();
    expect(staleDerivations(t.store, { workers: 0 }, reg).map((d) => d.name)).toEqual(['a', 'b', 'c']);
    await deriveStore(t.store, { workers: 0 }, reg);
    expect(log.slice(3)).toEqual(['a', 'b', 'c']);
  });

  it('recomputes a derivation whole when its version or its outside inputs change, and what reads it', async () => {
    const log: string[] = [];
    await deriveStore(t.store, { workers: 0 }, registry(log));
    await deriveStore(t.store, { workers: 0 }, registry(log, { version: 2 }));
    expect(log.slice(3)).toEqual(['b full']);
    await deriveStore(t.store, { workers: 0 }, registry(log, { version: 2, external: () => 'file changed' }));
    expect(log.slice(4)).toEqual(['c full']);
  });

  it('with only, runs the named derivations and those they read', async () => {
    const log: string[] = [];
    await deriveStore(t.store, { workers: 0, only: ['b'] }, registry(log));
    expect(log).toEqual(['a first', 'b first']);
    expect(staleDerivations(t.store, { workers: 0 }, registry(log)).map((d) => d.name)).toEqual(['c']);
  });

  it('leaves what did not finish stale for the next run', async () => {
    const log: string[] = [];
    await expect(deriveStore(t.store, { workers: 0 }, registry(log, { fail: 'b' }))).rejects.toThrow('b failed');
    expect(staleDerivations(t.store, { workers: 0 }, registry(log)).map((d) => d.name)).toEqual(['b', 'c']);
    await deriveStore(t.store, { workers: 0 }, registry(log));
    expect(log).toEqual(['a first', 'b first', 'c first']);
  });
});
