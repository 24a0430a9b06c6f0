import type { Outcome, OutlierConfig, OutlierEvent } from './types';

/** Envoy's defaults (outlier_detection.proto). */
export const DEFAULT_CONFIG: OutlierConfig = { consecutive5xx: 5, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 10, maxEjectionTimeMs: 300_000 };

interface HostState {
  consecutive: number;
  /** Ejections in a row, less one per healthy interval since the last return. */
  multiplier: number;
  ejection?: { at: number; durationMs: number };
  lastReturnedAt?: number;
}

/** Envoy's outlier detection, consecutive-5xx flavour: passive health checking from real responses. */
export class OutlierDetector {
  private readonly config: OutlierConfig;
  private readonly hosts = new Map<string, HostState>();
  private nextSweepAt: number;

  constructor(hosts: readonly string[], now: number, config: Partial<OutlierConfig> = {}) {
    this.config = { ...DEFAULT_CONFIG, ...config };
    for (const host of hosts) this.hosts.set(host, { consecutive: 0, multiplier: 0 });
    this.nextSweepAt = now + this.config.intervalMs;
  }

  recordResponse(host: string, outcome: Outcome, now: number): OutlierEvent[] {
    const events = this.advance(now);
    const state = this.hosts.get(host);
    if (!state) throw new Error(`unknown host ${host}`);
    const { consecutive5xx, baseEjectionTimeMs, maxEjectionTimeMs } = this.config;
    const isError = typeof outcome === 'string' || (outcome >= 500 && outcome <= 599);
    if (!isError) {
      state.consecutive = 0;
    } else if (state.consecutive + 1 !== consecutive5xx || state.ejection) {
      state.consecutive += 1;
    } else {
      // Either way the streak is spent: another try needs a fresh run of errors.
      state.consecutive = 0;
      if (this.ejectionAllowed()) {
        if (state.multiplier * baseEjectionTimeMs < maxEjectionTimeMs + baseEjectionTimeMs) state.multiplier += 1;
        const durationMs = Math.min(baseEjectionTimeMs * state.multiplier, maxEjectionTimeMs);
        state.ejection = { at: now, durationMs };
        events.push({ kind: 'ejected', host, at: now, until: now + durationMs });
      } else {
        events.push({ kind: 'ejection-refused', host, at: now });
      }
    }
    return events;
  }

  advance(now: number): OutlierEvent[] {
    const events: OutlierEvent[] = [];
    for (; this.nextSweepAt <= now; this.nextSweepAt += this.config.intervalMs) this.sweep(this.nextSweepAt, events);
    return events;
  }

  isEjected(host: string): boolean {
    return this.hosts.get(host)?.ejection !== undefined;
  }

  private sweep(at: number, events: OutlierEvent[]): void {
    for (const [host, state] of this.hosts) {
      if (state.ejection && at - state.ejection.at >= state.ejection.durationMs) {
        state.ejection = undefined;
        state.consecutive = 0;
        state.lastReturnedAt = at;
        events.push({ kind: 'returned', host, at });
      }
    }
    for (const state of this.hosts.values()) {
      const healthyForAnInterval = !state.ejection && state.lastReturnedAt !== undefined && at - state.lastReturnedAt >= this.config.intervalMs;
      if (healthyForAnInterval && state.multiplier > 0) state.multiplier -= 1;
    }
  }

  /** One more ejection must keep the ejected share within the maximum, except that one host may always be ejected. */
  private ejectionAllowed(): boolean {
    let ejected = 0;
    for (const state of this.hosts.values()) if (state.ejection) ejected++;
    return (100 * (ejected + 1)) / this.hosts.size <= Math.min(100, this.config.maxEjectionPercent) || ejected === 0;
  }
}
