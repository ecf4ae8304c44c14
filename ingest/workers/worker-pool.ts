// One way to run work on worker threads: a pool of workers that each load a TypeScript module
// (through worker-entry.mjs, which registers tsx) and answer requests in order, one at a time,
// several per message to save round trips. The main side queues requests and keeps each worker a
// window ahead; a worker that throws answers with the error (a bug, never bad mail: stages return
// diagnostics), and a worker that dies fails everything it held. A thread waiting for answers may
// answer queued requests itself (answerOne); requests wait in the queue until a worker has
// loaded its module. Used by the parse stage, the discussion derivation and the static search
// index. No scheduling policy beyond that.
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';

/** Workers to use by default: all cores but the one that reads, stores and writes. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** How a pool is made. */
export interface PoolOptions {
  /** The worker's module (a .ts file that calls serveRequests). */
  module: URL;
  /** Workers to start. */
  size: number;
  /** Data every worker gets (workerInput()). */
  data?: unknown;
  /** Requests sent to a worker in one message. */
  perPost?: number;
  /** Requests in flight per worker at most. */
  window?: number;
  /** Young-generation heap of each worker, MB (mailparser allocates heavily). */
  youngGenerationMb?: number;
  /** What the workers do, for error messages ("parse"). */
  label: string;
}

type Envelope<Req> = { id: number; req: Req };
/** What a worker says once its module is loaded and it serves requests. */
const READY = 'ready';
type Reply<Res> = { id: number; res: Res } | { id: number; error: string };

interface Pending<Res> {
  resolve: (r: Res) => void;
  reject: (e: Error) => void;
  worker: number;
}

export class WorkerPool<Req, Res> {
  private readonly workers: Worker[] = [];
  private readonly inFlight: number[] = [];
  /** Per worker: serving requests (it said READY), not yet, or gone (it stopped). */
  private readonly state: Array<'starting' | 'ready' | 'gone'> = [];
  private readonly pending = new Map<number, Pending<Res>>();
  private readonly queue: Array<Envelope<Req>> = [];
  private readonly perPost: number;
  private readonly window: number;
  private next = 0;

  constructor(private readonly opts: PoolOptions) {
    this.perPost = opts.perPost ?? 1;
    this.window = opts.window ?? 1;
    for (let i = 0; i < opts.size; i++) {
      const w = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
        workerData: { module: opts.module.href, data: opts.data },
        ...(opts.youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: opts.youngGenerationMb } } : {}),
      });
      w.on('message', (replies: Array<Reply<Res>> | typeof READY) => {
        if (replies === READY) {
          // Requests wait in the queue until then, where a waiting thread can take them.
          this.state[i] = 'ready';
          this.pump();
          return;
        }
        this.inFlight[i]! -= replies.length;
        for (const r of replies) {
          if ('res' in r) this.settle(r.id, (p) => p.resolve(r.res));
          else this.settle(r.id, (p) => p.reject(new Error(`BUG: ${opts.label} worker failed: ${r.error}`)));
        }
        this.pump();
      });
      w.on('error', (err) => this.failWorker(i, new Error(`BUG: ${opts.label} worker crashed: ${err.message}`, { cause: err })));
      w.on('exit', (code) => this.failWorker(i, new Error(`BUG: ${opts.label} worker stopped (exit ${code})`)));
      this.workers.push(w);
      this.inFlight.push(0);
      this.state.push('starting');
    }
  }

  /** Workers in the pool. */
  get size(): number {
    return this.workers.length;
  }

  /** Requests sent and not answered yet. */
  get busy(): number {
    return this.pending.size;
  }

  /**
   * Answer the newest queued request that no worker has been sent yet on this thread, with
   * `handle`; false when there is none (every request is with a worker). For a thread that would
   * otherwise wait for the workers' answers: the oldest requests, which it waits for, stay with
   * the workers.
   */
  async answerOne(handle: (req: Req) => Res | Promise<Res>): Promise<boolean> {
    const e = this.queue.pop();
    if (!e) return false;
    let res: Res;
    try {
      res = await handle(e.req);
    } catch (err) {
      this.settle(e.id, (p) => p.reject(new Error(`BUG: ${this.opts.label} failed on this thread: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)));
      return true;
    }
    this.settle(e.id, (p) => p.resolve(res));
    return true;
  }

  /** Queue a request; resolves with the worker's answer. */
  run(req: Req): Promise<Res> {
    if (this.workers.length === 0) return Promise.reject(new Error(`BUG: ${this.opts.label} pool has no workers`));
    const id = this.next++;
    const promise = new Promise<Res>((resolve, reject) => this.pending.set(id, { resolve, reject, worker: -1 }));
    this.queue.push({ id, req });
    this.pump();
    return promise;
  }

  private pump(): void {
    for (let i = 0; i < this.workers.length && this.queue.length > 0; i++) {
      while (this.state[i] === 'ready' && this.queue.length > 0 && this.inFlight[i]! < this.window) {
        const batch = this.queue.splice(0, Math.min(this.perPost, this.window - this.inFlight[i]!));
        this.inFlight[i]! += batch.length;
        for (const e of batch) this.pending.get(e.id)!.worker = i;
        this.workers[i]!.postMessage(batch);
      }
    }
  }

  private settle(id: number, f: (p: Pending<Res>) => void): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (p) f(p);
  }

  private failWorker(worker: number, err: Error): void {
    this.state[worker] = 'gone';
    // With no worker left, queued requests would wait forever.
    const none = this.state.every((s) => s === 'gone');
    if (none) this.queue.length = 0;
    for (const [id, p] of [...this.pending]) if (p.worker === worker || this.closing || none) this.settle(id, (x) => x.reject(err));
  }

  private closing = false;

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The data the pool gave this worker. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}

/** In a worker: answer the pool's requests with `handle`, one at a time, in order. */
export function serveRequests<Req, Res>(handle: (req: Req) => Res | Promise<Res>): void {
  const queue: Array<Array<Envelope<Req>>> = [];
  let running = false;
  const drain = async (): Promise<void> => {
    running = true;
    while (queue.length) {
      const batch = queue.shift()!;
      const replies: Array<Reply<Res>> = [];
      for (const e of batch) {
        try {
          replies.push({ id: e.id, res: await handle(e.req) });
        } catch (err) {
          replies.push({ id: e.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        }
      }
      parentPort!.postMessage(replies);
    }
    running = false;
  };
  parentPort!.on('message', (batch: Array<Envelope<Req>>) => {
    queue.push(batch);
    if (!running) void drain();
  });
  parentPort!.postMessage(READY);
}
