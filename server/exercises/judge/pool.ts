import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { decideVerdict, EMPTY_CONSOLE, refusedVerdict, verdictSchema, type Verdict } from '../../../lib/grading/verdict';
import type { FromWorker, JudgeJob, JudgeWorkerData, ToWorker } from './protocol';

export interface JudgePoolOptions {
  /** Worker threads, each judging one submission at a time. */
  size: number;
  /** How far past a job's own time limit the pool waits before it terminates the worker. */
  graceMs?: number;
  /** Submissions allowed to wait for a worker; more are answered `unavailable`. */
  maxQueue?: number;
  /** The worker entry; tests may point elsewhere. */
  workerFile?: string;
  /** How long each new worker spends warming up before it takes work (default 400 ms; tests use 0). */
  warmUpMs?: number;
}

/** Who a job is for (a learner, a client address), and how many of its jobs may be in the pool at once. */
export interface JobOwner {
  key: string;
  maxJobs: number;
}

interface Running {
  id: number;
  job: JudgeJob;
  owners: readonly JobOwner[];
  started: number;
  resolve: (verdict: Verdict) => void;
  watchdog: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running?: Running;
  /** Set when the pool ended this worker on purpose, so its exit is not a crash. */
  retired?: boolean;
}

interface Queued {
  job: JudgeJob;
  owners: readonly JobOwner[];
  resolve: (verdict: Verdict) => void;
  queuedAt: number;
}

export const JUDGE_WORKER_FILE = path.join(process.cwd(), 'server', 'exercises', 'judge', 'worker.cjs');

/**
 * Worker threads that run the judge off the request thread, so a submission that hangs holds one
 * worker for at most its time limit plus `graceMs`, never the server. A worker that overruns that
 * is terminated and replaced (its verdict: time limit); one that crashes is replaced (internal
 * error). Every `run` resolves with a verdict; none rejects.
 */
export class JudgePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private readonly graceMs: number;
  private readonly maxQueue: number;
  private readonly workerFile: string;
  private nextId = 1;
  private closed = false;
  private failedStarts = 0;

  constructor(private readonly options: JudgePoolOptions) {
    this.graceMs = options.graceMs ?? 2000;
    this.maxQueue = options.maxQueue ?? 200;
    this.workerFile = options.workerFile ?? JUDGE_WORKER_FILE;
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  /**
   * Judges one job on the next free worker. With `owners`, the job is refused (`rate-limited`) when
   * an owner already has `maxJobs` in the pool, and it never takes a worker while an owner holds
   * all but one of them: one visitor cannot occupy the judge, and the others' jobs overtake theirs.
   */
  run(job: JudgeJob, owners: readonly JobOwner[] = []): Promise<Verdict> {
    if (this.closed) return Promise.resolve(refusedVerdict(job.exerciseId, 'unavailable', 'The judge is shutting down; try again in a moment.', job.limits, { retryAfterMs: 5000 }));
    const full = owners.find((owner) => this.jobsOf(owner.key) >= owner.maxJobs);
    if (full) {
      const summary = `${full.maxJobs} of your submissions are already with the judge; try again when one has finished.`;
      return Promise.resolve(refusedVerdict(job.exerciseId, 'rate-limited', summary, job.limits, { retryAfterMs: job.limits.timeMs }));
    }
    if (this.queue.length >= this.maxQueue) {
      return Promise.resolve(refusedVerdict(job.exerciseId, 'unavailable', 'The judge is busy; try again in a moment.', job.limits, { retryAfterMs: 2000 }));
    }
    return new Promise((resolve) => {
      this.queue.push({ job, owners, resolve, queuedAt: performance.now() });
      this.dispatch();
    });
  }

  /** Jobs of this owner waiting or running. */
  private jobsOf(key: string): number {
    const has = (owners: readonly JobOwner[]) => owners.some((owner) => owner.key === key);
    return this.queue.filter((queued) => has(queued.owners)).length + this.runningOf(key);
  }

  private runningOf(key: string): number {
    return this.slots.filter((slot) => slot.running?.owners.some((owner) => owner.key === key)).length;
  }

  /** Workers started and ready, submissions judging and waiting. */
  stats(): { workers: number; ready: number; running: number; queued: number } {
    return { workers: this.slots.length, ready: this.slots.filter((s) => s.ready).length, running: this.slots.filter((s) => s.running).length, queued: this.queue.length };
  }

  /** Resolves once every worker is ready: for benchmarks and tests that time only judging. */
  async whenReady(timeoutMs = 30_000): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (this.slots.filter((s) => s.ready).length < this.options.size) {
      if (performance.now() > until) throw new Error('judge workers did not start');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops every worker; waiting submissions are answered `unavailable`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.resolve(refusedVerdict(queued.job.exerciseId, 'unavailable', 'The judge shut down.', queued.job.limits));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.retired = true;
        if (slot.running) {
          clearTimeout(slot.running.watchdog);
          slot.running.resolve(refusedVerdict(slot.running.job.exerciseId, 'unavailable', 'The judge shut down.', slot.running.job.limits));
        }
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(): void {
    if (this.closed) return;
    const workerData: JudgeWorkerData = { warmUpMs: this.options.warmUpMs ?? 400 };
    const worker = new Worker(/* turbopackIgnore: true */ this.workerFile, { workerData, resourceLimits: { stackSizeMb: 8, maxOldGenerationSizeMb: 256 } });
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error) => console.error('judge worker error:', error));
    worker.on('exit', () => this.onExit(slot));
    this.updateRefs();
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.failedStarts = 0;
      this.dispatch();
      return;
    }
    const running = slot.running;
    if (!running || running.id !== message.id) return;
    clearTimeout(running.watchdog);
    slot.running = undefined;
    if (message.type === 'verdict') {
      const parsed = verdictSchema.safeParse(message.verdict);
      running.resolve(parsed.success ? parsed.data : workerFailureVerdict(running.job, 'internal-error', performance.now() - running.started));
    } else {
      console.error(`judge worker failed on ${running.job.exerciseId}: ${message.message}`);
      running.resolve(workerFailureVerdict(running.job, 'internal-error', performance.now() - running.started));
    }
    this.dispatch();
  }

  private onExit(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.running) {
      clearTimeout(slot.running.watchdog);
      slot.running.resolve(workerFailureVerdict(slot.running.job, 'internal-error', performance.now() - slot.running.started));
      slot.running = undefined;
    }
    if (slot.retired || this.closed) return;
    if (!slot.ready) this.failedStarts++;
    // A worker that cannot even start (missing dependency, broken harness) must not spin: back off,
    // and after repeated failures answer the waiting submissions instead of leaving them hanging.
    if (this.failedStarts >= 3) {
      for (const queued of this.queue.splice(0)) queued.resolve(refusedVerdict(queued.job.exerciseId, 'internal-error', 'The judge cannot start its workers.', queued.job.limits));
    }
    setTimeout(() => this.spawn(), Math.min(5000, 100 * 2 ** this.failedStarts)).unref();
  }

  private dispatch(): void {
    // An owner may hold every worker but one, so another visitor's job always finds one soon.
    const perOwner = Math.max(1, this.options.size - 1);
    for (const slot of this.slots) {
      if (!this.queue.length) break;
      if (!slot.ready || slot.running || slot.retired) continue;
      const next = this.queue.findIndex((queued) => queued.owners.every((owner) => this.runningOf(owner.key) < perOwner));
      if (next < 0) break;
      const [{ job, owners, resolve }] = this.queue.splice(next, 1) as [Queued];
      const id = this.nextId++;
      const started = performance.now();
      const watchdog = setTimeout(() => this.kill(slot), job.limits.timeMs + this.graceMs);
      slot.running = { id, job, owners, started, resolve, watchdog };
      const message: ToWorker = { type: 'judge', id, job };
      slot.worker.postMessage(message);
    }
    this.updateRefs();
  }

  /** The worker overran its job's limit by the grace period: end it, answer time limit, start a replacement. */
  private kill(slot: Slot): void {
    const running = slot.running;
    if (!running) return;
    slot.running = undefined;
    slot.retired = true;
    running.resolve(workerFailureVerdict(running.job, 'time-limit', performance.now() - running.started));
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void slot.worker.terminate();
    this.spawn();
    this.dispatch();
  }

  /** Workers keep the process alive only while there is work, so scripts and tests can exit without close(). */
  private updateRefs(): void {
    const busy = this.queue.length > 0 || this.slots.some((slot) => slot.running);
    for (const slot of this.slots) {
      if (busy) slot.worker.ref();
      else slot.worker.unref();
    }
  }
}

/** The verdict when the worker itself failed rather than the learner's code: killed after overrunning, or crashed. */
export function workerFailureVerdict(job: JudgeJob, status: 'time-limit' | 'internal-error', durationMs: number): Verdict {
  if (status === 'time-limit') {
    const stopped = { limit: 'time', during: 'the run (the judge had to stop its worker)' } as const;
    return decideVerdict({ exerciseId: job.exerciseId, tests: [], console: EMPTY_CONSOLE, durationMs, limits: job.limits, stopped });
  }
  return refusedVerdict(job.exerciseId, 'internal-error', 'The judge failed while running this submission; this is not your code’s fault. Try again.', job.limits, { durationMs });
}
