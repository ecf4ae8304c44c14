// Every derivation, declared once, in an order where each comes after those it reads. Adding a
// derived table: a schema entry (ingest/store/schema.ts), a pure stage function, one entry here
// (its adapter reads rows through the store port and writes rows back), and a query for readers.
import type { Derivation } from './derivation.ts';
import { commitsDerivation } from './derive-commits.ts';
import { discussionDerivation } from './derive-discussion.ts';
import { outcomesDerivation } from './derive-outcomes.ts';
import { patchDerivation } from './derive-patches.ts';
import { patchworkDerivation } from './derive-patchwork.ts';
import { seriesDerivation } from './derive-series.ts';
import { threadDerivation } from './derive-threads.ts';

export const DERIVATIONS: readonly Derivation[] = [threadDerivation, patchDerivation, seriesDerivation, discussionDerivation, commitsDerivation, patchworkDerivation, outcomesDerivation];
