'use client';

import { useEffect, useRef, useState } from 'react';
import type { SweepPoint, SweepSpec } from '@/lib/queueing/utilisation-sweep';
import type { FromSweepWorker, ToSweepWorker } from '@/sandbox/sweep-protocol';

export type SweepStatus = 'idle' | 'running' | 'done' | 'error';

export interface SweepRun {
  status: SweepStatus;
  /** Points so far, by the index of their load in the spec; holes are loads still running. */
  points: (SweepPoint | undefined)[];
  error?: string;
}

const IDLE: SweepRun = { status: 'idle', points: [] };
const STARTING: SweepRun = { status: 'running', points: [] };

/** Runs `spec` in a worker whenever it changes (with `start` false, not until it turns true), streaming points in. */
export function useSweepRun(spec: SweepSpec, start = true): SweepRun {
  const worker = useRef<Worker | null>(null);
  const runId = useRef(0);
  const runKey = useRef('');
  // Results are stored with the spec they belong to, so a new spec reads as "starting" without resetting state in an effect.
  const [run, setRun] = useState<SweepRun & { key: string }>({ ...IDLE, key: '' });

  useEffect(() => {
    const created = new Worker(new URL('../../../../sandbox/sweep.worker.ts', import.meta.url), { type: 'module', name: 'utilisation sweep' });
    worker.current = created;
    const update = (change: (previous: SweepRun) => SweepRun) =>
      setRun((previous) => {
        const key = runKey.current;
        return { ...change(previous.key === key ? previous : STARTING), key };
      });
    created.onmessage = (event: MessageEvent<FromSweepWorker>) => {
      const message = event.data;
      if (message.runId !== runId.current) return;
      if (message.type === 'point')
        update((previous) => {
          const points = [...previous.points];
          points[message.index] = message.point;
          return { ...previous, points };
        });
      else if (message.type === 'done') update((previous) => ({ ...previous, status: 'done' }));
      else update((previous) => ({ ...previous, status: 'error', error: message.message }));
    };
    created.onerror = (event) => update((previous) => ({ ...previous, status: 'error', error: event.message || 'the sweep stopped unexpectedly' }));
    return () => {
      created.terminate();
      worker.current = null;
    };
  }, []);

  const key = JSON.stringify(spec);
  useEffect(() => {
    if (!start) return;
    runId.current += 1;
    runKey.current = key;
    const message: ToSweepWorker = { type: 'run', runId: runId.current, spec: JSON.parse(key) as SweepSpec };
    worker.current?.postMessage(message);
  }, [key, start]);

  if (!start) return IDLE;
  return run.key === key ? run : STARTING;
}
