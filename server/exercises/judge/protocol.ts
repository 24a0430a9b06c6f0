import type { Verdict } from '../../../lib/grading/verdict';

/** The limits one submission runs under. */
export interface JudgeLimits {
  /** Wall-clock budget for loading the code and running every test. */
  timeMs: number;
  /** The isolate's heap, in bytes. */
  memoryBytes: number;
}

/** Everything the worker needs to judge one submission: the sources travel with the job, the worker reads no content. */
export interface JudgeJob {
  exerciseId: string;
  /** The learner's TypeScript. */
  code: string;
  visibleTests: string;
  hiddenTests: string;
  limits: JudgeLimits;
}

/** What a worker is started with. */
export interface JudgeWorkerData {
  /** How long to run throwaway submissions first, so V8 has optimised the wasm before real ones arrive. */
  warmUpMs: number;
}

/** Pool → worker. */
export type ToWorker = { type: 'judge'; id: number; job: JudgeJob };

/** Worker → pool. `ready` once warmed up; `failed` when the worker itself broke (the pool replaces it). */
export type FromWorker = { type: 'ready' } | { type: 'verdict'; id: number; verdict: Verdict } | { type: 'failed'; id: number; message: string };
