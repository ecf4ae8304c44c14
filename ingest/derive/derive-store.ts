// Brings the derived tables up to date: the one place that runs derivations. Import (after each
// batch: threads; at the end: everything), reindex, sync and the CLI's catch-up all call it. A
// derivation runs when its stamp (version, mail generation, external fingerprint) differs from
// what it would be now, or when one it depends on ran; `staleDerivations` answers the same
// question without writing, for stores opened read-only.
import type { DerivationStamp, Store } from '../store/store-port.ts';
import type { Diagnostic } from '../types.ts';
import type { Derivation, DeriveOptions } from './derivation.ts';
import { DERIVATIONS } from './registry.ts';

/** What one derivation run did. */
export interface DerivedStep {
  name: string;
  title: string;
  /** Units recomputed (threads, lineages, ...). */
  count: number;
  ms: number;
  /** Whether everything was recomputed (version or external inputs changed). */
  full: boolean;
}

/** What deriveStore did. */
export interface DeriveReport {
  steps: DerivedStep[];
  diagnostics: Diagnostic[];
}

function stampNow(d: Derivation, store: Store, opts: DeriveOptions): DerivationStamp {
  return { version: d.version, generation: store.derived.generation(), external: d.external(opts, store) };
}

function differs(a: DerivationStamp | null, b: DerivationStamp): boolean {
  return a === null || a.version !== b.version || a.generation !== b.generation || a.external !== b.external;
}

/** The derivations that are behind the mail or their inputs (dependents of a stale one too),
 *  in registry order. Reads only. */
export function staleDerivations(store: Store, opts: DeriveOptions, registry: readonly Derivation[] = DERIVATIONS): Derivation[] {
  const stale = new Set<string>();
  for (const d of registry) {
    if (d.after.some((a) => stale.has(a)) || differs(store.derived.stamp(d.name), stampNow(d, store, opts))) stale.add(d.name);
  }
  return registry.filter((d) => stale.has(d.name));
}

/**
 * Run every stale derivation (with `only`, just those named and what they need), in registry
 * order, each recording its stamp when done: an interrupted run leaves the rest stale for the
 * next. `onStep` hears each derivation as it starts.
 */
export async function deriveStore(
  store: Store,
  opts: DeriveOptions & { only?: readonly string[]; onStep?: (d: Derivation) => void },
  registry: readonly Derivation[] = DERIVATIONS,
): Promise<DeriveReport> {
  const report: DeriveReport = { steps: [], diagnostics: [] };
  const wanted = opts.only ? closure(opts.only, registry) : null;
  const ran = new Set<string>();
  for (const d of registry) {
    if (wanted && !wanted.has(d.name)) continue;
    const previous = store.derived.stamp(d.name);
    const now = stampNow(d, store, opts);
    if (!d.after.some((a) => ran.has(a)) && !differs(previous, now)) continue;
    opts.onStep?.(d);
    const full = previous !== null && (previous.version !== now.version || previous.external !== now.external);
    const t0 = performance.now();
    const r = await d.run(store, { previous, full, opts });
    // The generation it saw when it started: mail stored meanwhile leaves it stale.
    store.transaction(() => store.derived.setStamp(d.name, now));
    ran.add(d.name);
    report.steps.push({ name: d.name, title: d.title, count: r.count, ms: performance.now() - t0, full });
    report.diagnostics.push(...r.diagnostics);
  }
  return report;
}

/** The named derivations and every one they depend on. */
function closure(names: readonly string[], registry: readonly Derivation[]): Set<string> {
  const byName = new Map(registry.map((d) => [d.name, d]));
  const out = new Set<string>();
  const stack = [...names];
  while (stack.length) {
    const n = stack.pop()!;
    const d = byName.get(n);
    if (!d) throw new Error(`BUG: no derivation named ${n}`);
    if (out.has(n)) continue;
    out.add(n);
    stack.push(...d.after);
  }
  return out;
}
