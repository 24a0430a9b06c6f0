import type { SweepPoint, SweepSpec } from '@/lib/queueing/utilisation-sweep';

/** Page → sweep worker: run this sweep (a later `run` replaces it). */
export type ToSweepWorker = { type: 'run'; runId: number; spec: SweepSpec };

/** Sweep worker → page, one point at a time so the chart fills in as it runs. `runId` lets the page ignore a replaced run. */
export type FromSweepWorker =
  | { type: 'point'; runId: number; index: number; point: SweepPoint }
  | { type: 'done'; runId: number }
  | { type: 'error'; runId: number; message: string };
