import { backendId } from '@/lib/balancers/types';
import { createOutlierDetector, advanceOutlier, isEjected, recordResponse, type OutlierEvent as EngineEvent, type OutlierState, type ResponseOutcome } from '@/lib/health/outlier-ejection';
import { DEFAULT_CONFIG } from './solution';
import type { Outcome, OutlierConfig, OutlierEvent } from './types';

export { DEFAULT_CONFIG };

/** The exercise's API over the engine's Envoy outlier detection (lib/health/outlier-ejection.ts), which is immutable. */
export class OutlierDetector {
  private state: OutlierState;

  constructor(hosts: readonly string[], now: number, config: Partial<OutlierConfig> = {}) {
    this.state = createOutlierDetector(hosts.map(backendId), now, { ...DEFAULT_CONFIG, ...config, alwaysEjectOneHost: true });
  }

  recordResponse(host: string, outcome: Outcome, now: number): OutlierEvent[] {
    const response: ResponseOutcome = typeof outcome === 'number' ? { kind: 'http', status: outcome } : { kind: 'local-origin-error', reason: outcome };
    const step = recordResponse(this.state, backendId(host), response, now);
    this.state = step.state;
    return step.events.map(toEvent);
  }

  advance(now: number): OutlierEvent[] {
    const step = advanceOutlier(this.state, now);
    this.state = step.state;
    return step.events.map(toEvent);
  }

  isEjected(host: string): boolean {
    return isEjected(this.state, backendId(host));
  }
}

function toEvent(event: EngineEvent): OutlierEvent {
  switch (event.kind) {
    case 'ejected':
      return { kind: 'ejected', host: event.id, at: event.at, until: event.until };
    case 'ejection-refused':
      return { kind: 'ejection-refused', host: event.id, at: event.at };
    case 'returned':
      return { kind: 'returned', host: event.id, at: event.at };
  }
}
