import { defineScenario } from '@/lib/sim/scenario';
import type { LabState } from './lab-state';

/**
 * What /lab opens with: four equal servers at about 40% utilisation (600 requests/s × 20 ms
 * over 4 × 8 workers), busy enough for queues to form now and then, calm enough that killing a
 * server is survivable and visible.
 */
export const DEFAULT_LAB_STATE: LabState = {
  variants: [
    {
      label: 'round-robin',
      scenario: defineScenario({
        seed: 42,
        algorithm: 'round-robin',
        servers: Array.from({ length: 4 }, () => ({ weight: 1, capacity: 8 })),
        arrivals: { pattern: 'poisson', ratePerSecond: 600 },
        cost: { distribution: 'exponential', meanMs: 20 },
        durationMs: 120_000,
      }),
    },
  ],
  commands: [],
};
