// Parses raw messages on worker threads so reading and storing (main thread) overlap parsing.
// With no workers it parses inline. Outcomes come back as promises, one per message.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseMessage } from '../message/parse-message.ts';
import type { ParseOutcome, RawMessage } from '../types.ts';

/** One message sent to a worker. */
export interface ParseJob {
  id: number;
  raw: RawMessage;
  rawHash: string;
}

/** A worker's answer: an outcome, or the text of an unexpected error (a bug, not bad mail). */
export type ParseReply = { id: number; outcome: ParseOutcome } | { id: number; error: string };

/** Messages sent to a worker in one postMessage; fewer round trips than one at a time. */
const JOBS_PER_POST = 16;

/** Workers to use by default: all cores but the one reading and storing. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Pending {
  resolve: (o: ParseOutcome) => void;
  reject: (e: Error) => void;
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[] = [];
  private readonly queues: ParseJob[][] = [];
  private next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./parse-worker.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      w.on('message', (replies: ParseReply[]) => {
        this.load[i]! -= replies.length;
        for (const r of replies) {
          const p = this.pending.get(r.id);
          if (!p) continue;
          this.pending.delete(r.id);
          if ('outcome' in r) p.resolve(r.outcome);
          else p.reject(new Error(`BUG: parse worker failed: ${r.error}`));
        }
      });
      w.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(new Error(`BUG: parse worker crashed: ${err.message}`, { cause: err }));
        this.pending.clear();
      });
      this.workers.push(w);
      this.load.push(0);
      this.queues.push([]);
    }
  }

  /** Parse one message. */
  parse(raw: RawMessage, rawHash: string): Promise<ParseOutcome> {
    if (this.workers.length === 0) return parseMessage(raw, rawHash);
    const id = this.next++;
    // Least-loaded worker gets the message.
    let w = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! + this.queues[i]!.length < this.load[w]! + this.queues[w]!.length) w = i;
    const promise = new Promise<ParseOutcome>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queues[w]!.push({ id, raw, rawHash });
    if (this.queues[w]!.length >= JOBS_PER_POST) this.flushWorker(w);
    return promise;
  }

  /** Send queued messages now (call before awaiting outcomes). */
  flush(): void {
    for (let i = 0; i < this.workers.length; i++) this.flushWorker(i);
  }

  private flushWorker(i: number): void {
    const q = this.queues[i]!;
    if (q.length === 0) return;
    this.queues[i] = [];
    this.load[i]! += q.length;
    this.workers[i]!.postMessage(q);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
