// Parses raw messages on worker threads, so reading and storing (main thread) overlap parsing;
// the workers also mine each parsed message's patch metadata (pure, per message), which the
// store needs beside it.
// Jobs wait in a queue; each worker is kept a window of jobs ahead (ingest/workers/worker-pool.ts),
// and the main thread takes queued jobs itself when it would otherwise wait (waitFor): a job costs it
// more than a worker (its large heap makes mailparser's garbage cost about 50% more CPU), but
// waiting costs all of it. With no workers, messages are parsed on the calling thread, in order,
// one at a time.
import { parseMessage } from '../message/parse-message.ts';
import { mineMessage } from '../patch/mine-patch.ts';
import type { Message, PatchMeta, RawMessage, Unparsed } from '../types.ts';
import { WorkerPool } from '../workers/worker-pool.ts';


/** A parsed message with its patch metadata and the time mining took, or what could not be
 *  parsed. */
export type MinedOutcome = { kind: 'message'; message: Message; meta: PatchMeta; mineMs: number } | { kind: 'unparsed'; unparsed: Unparsed };

/** Parse one raw message, then mine it. */
export async function parseAndMine(raw: RawMessage, rawHash: string): Promise<MinedOutcome> {
  const o = await parseMessage(raw, rawHash);
  if (o.kind === 'unparsed') return o;
  const t0 = performance.now();
  const meta = mineMessage(o.message);
  return { kind: 'message', message: o.message, meta, mineMs: performance.now() - t0 };
}

/** One message sent to a worker. */
export interface ParseJob {
  raw: RawMessage;
  rawHash: string;
}

/** Messages sent to a worker in one postMessage: fewer round trips than one at a time. */
const JOBS_PER_POST = 16;
/** Jobs kept in flight per worker. Replies are only read between the main thread's synchronous
 *  stretches (storing and threading a batch), so a worker must hold enough work to outlast them;
 *  512 left it idle 15% of the time. Jobs beyond it wait in the pool's queue, where the main
 *  thread takes some when it would otherwise wait (help). The importer's read-ahead bounds
 *  memory, not this. */
const WINDOW = 4096;
/** Worker heap: mailparser allocates heavily; with a 32 MB young generation the nvdimm import
 *  spent 20% more CPU than with 128 MB. */
const YOUNG_GENERATION_MB = 128;


export class ParsePool {
  private readonly pool: WorkerPool<ParseJob, MinedOutcome> | null;
  private inline: Promise<unknown> = Promise.resolve();

  constructor(size: number) {
    this.pool =
      size > 0
        ? new WorkerPool({ module: new URL('./parse-worker.ts', import.meta.url), size, perPost: JOBS_PER_POST, window: WINDOW, youngGenerationMb: YOUNG_GENERATION_MB, label: 'parse' })
        : null;
  }

  /** Parse and mine one message. */
  parse(raw: RawMessage, rawHash: string): Promise<MinedOutcome> {
    if (this.pool) return this.pool.run({ raw, rawHash });
    // No workers: parse in order on this thread, one message at a time.
    const done = this.inline.then(() =>
      parseAndMine(raw, rawHash).catch((err: unknown) => {
        throw new Error(`BUG: parse failed: ${(err as Error).stack ?? String(err)}`);
      }),
    );
    this.inline = done.catch(() => undefined);
    return done;
  }

  /** Wait for `p`, parsing and mining queued messages that no worker has been sent yet on this
   *  thread meanwhile. */
  async waitFor<T>(p: Promise<T>): Promise<T> {
    let settled = false;
    void p.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled && this.pool && (await this.pool.answerOne((job) => parseAndMine(job.raw, job.rawHash))));
    return p;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
