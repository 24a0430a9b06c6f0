import { SWEEP_EMBED_ID } from './sweep-embed-id';
import { DEFAULT_SWEEP, type SweepSpec } from './utilisation-sweep';

/** `<Lab scenario="utilisation-sweep" />`: the lab's sweep mode inside a lesson, on the default fleet. */
export const SWEEP_EMBED = {
  id: SWEEP_EMBED_ID,
  title: 'Latency against utilisation',
  watchFor:
    'Press Run: the same four servers at 10% to 95% busy. p50 and p99 hardly move until about 60%, then climb steeply, close to the M/M/c curve: the spare capacity is what absorbs bursts and a lost server.',
  spec: DEFAULT_SWEEP satisfies SweepSpec,
} as const;
