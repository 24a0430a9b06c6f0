import type { Outcome, OutlierConfig, OutlierEvent } from './types';

/** Envoy's defaults (outlier_detection.proto). */
export const DEFAULT_CONFIG: OutlierConfig = { consecutive5xx: 5, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 10, maxEjectionTimeMs: 300_000 };

/** Envoy's outlier detection, consecutive-5xx flavour: passive health checking from real responses. */
export class OutlierDetector {
  /** Starts watching these hosts at time `now`; the first sweep runs one interval later. Missing settings take Envoy's defaults. */
  constructor(hosts: readonly string[], now: number, config: Partial<OutlierConfig> = {}) {
    throw new Error('Not implemented');
  }

  /** Records how one request to `host` ended at `now` (after running any sweeps due by then). Throws for an unknown host. */
  recordResponse(host: string, outcome: Outcome, now: number): OutlierEvent[] {
    throw new Error('Not implemented');
  }

  /** Runs every sweep due by `now`, in order. */
  advance(now: number): OutlierEvent[] {
    throw new Error('Not implemented');
  }

  /** True while the host is ejected and gets no traffic. */
  isEjected(host: string): boolean {
    throw new Error('Not implemented');
  }
}
