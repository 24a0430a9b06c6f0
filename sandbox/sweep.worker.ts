/// <reference lib="webworker" />
import { runSweepPoint, sweepSpecSchema } from '@/lib/queueing/utilisation-sweep';
import type { FromSweepWorker, ToSweepWorker } from './sweep-protocol';

// Runs a utilisation sweep off the main thread, a point per task so a newer run can cut in between.
declare const self: DedicatedWorkerGlobalScope;

let current = 0;
const post = (message: FromSweepWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToSweepWorker>) => {
  const { runId, spec } = event.data;
  current = runId;
  const checked = sweepSpecSchema.safeParse(spec);
  if (!checked.success) return post({ type: 'error', runId, message: checked.error.issues.map((issue) => issue.message).join('; ') });
  const next = (index: number) => {
    if (runId !== current) return;
    if (index >= checked.data.utilisations.length) return post({ type: 'done', runId });
    try {
      post({ type: 'point', runId, index, point: runSweepPoint(checked.data, checked.data.utilisations[index]!) });
    } catch (error) {
      return post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
    }
    setTimeout(() => next(index + 1), 0);
  };
  next(0);
};
