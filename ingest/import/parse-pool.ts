// Parses raw messages on worker threads, so reading and storing (main thread) overlap parsing;
// the workers also mine each parsed message's patch metadata (pure, per message), which the
// store needs beside it.
// Jobs wait in a queue; each worker is kept a window of jobs ahead. With no workers, messages are
// parsed on the calling thread, in order, one at a time. (Parsing on the main thread while it
// waits was tried: the main thread's large heap made mailparser's garbage cost 50% more CPU.)
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseMessage } from '../message/parse-message.ts';
import { mineMessage, type PatchMeta } from '../patch/mine-patch.ts';
import type { Message, RawMessage, Unparsed } from '../types.ts';

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
  id: number;
  raw: RawMessage;
  rawHash: string;
}

/** A worker's answer: an outcome, or the text of an unexpected error (a bug, not bad mail). */
export type ParseReply = { id: number; outcome: MinedOutcome } | { id: number; error: string };

/** Messages sent to a worker in one postMessage: fewer round trips than one at a time. */
const JOBS_PER_POST = 16;
/** Jobs kept in flight per worker. Replies are only read between the main thread's synchronous
 *  stretches (storing and threading a batch), so a worker must hold enough work to outlast them;
 *  512 left it idle 15% of the time. The importer's read-ahead bounds memory, not this. */
const WINDOW = 4096;
/** Worker heap: mailparser allocates heavily; with a 32 MB young generation the nvdimm import
 *  spent 20% more CPU than with 128 MB. */
const YOUNG_GENERATION_MB = 128;

/** Workers to use by default: all cores but the one reading and storing. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Pending {
  resolve: (o: MinedOutcome) => void;
  reject: (e: Error) => void;
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly inFlight: number[] = [];
  private readonly queue: ParseJob[] = [];
  private next = 0;
  private inline: Promise<void> = Promise.resolve();

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./parse-worker.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      w.on('message', (replies: ParseReply[]) => {
        this.inFlight[i]! -= replies.length;
        for (const r of replies) {
          if ('outcome' in r) this.settle(r.id, r.outcome);
          else this.fail(r.id, new Error(`BUG: parse worker failed: ${r.error}`));
        }
        this.pump();
      });
      w.on('error', (err) => {
        for (const id of [...this.pending.keys()]) this.fail(id, new Error(`BUG: parse worker crashed: ${err.message}`, { cause: err }));
      });
      this.workers.push(w);
      this.inFlight.push(0);
    }
  }

  /** Parse and mine one message. */
  parse(raw: RawMessage, rawHash: string): Promise<MinedOutcome> {
    const id = this.next++;
    const promise = new Promise<MinedOutcome>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const job = { id, raw, rawHash };
    if (this.workers.length === 0) {
      // No workers: parse in order on this thread, one message at a time.
      this.inline = this.inline.then(() => this.runInline(job));
    } else {
      this.queue.push(job);
      this.pump();
    }
    return promise;
  }

  private pump(): void {
    for (let i = 0; i < this.workers.length; i++) {
      while (this.queue.length > 0 && this.inFlight[i]! < WINDOW) {
        const jobs = this.queue.splice(0, Math.min(JOBS_PER_POST, WINDOW - this.inFlight[i]!));
        this.inFlight[i]! += jobs.length;
        this.workers[i]!.postMessage(jobs);
      }
    }
  }

  private async runInline(job: ParseJob): Promise<void> {
    try {
      this.settle(job.id, await parseAndMine(job.raw, job.rawHash));
    } catch (err) {
      this.fail(job.id, new Error(`BUG: parse failed: ${(err as Error).stack ?? String(err)}`));
    }
  }

  private settle(id: number, outcome: MinedOutcome): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    p?.resolve(outcome);
  }

  private fail(id: number, err: Error): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    p?.reject(err);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
