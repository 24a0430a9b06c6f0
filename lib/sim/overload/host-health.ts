import { advanceOutlier, createOutlierDetector, ENVOY_OUTLIER_DEFAULTS, isEjected, recordResponse, type OutlierEvent, type OutlierState, type ResponseOutcome } from '@/lib/health/outlier-ejection';
import { ENVOY_PANIC_THRESHOLD_PERCENT, inPanic } from '@/lib/health/panic';
import { envoySlowStartWeight } from '@/lib/health/slow-start';
import type { SimServer } from '../server';
import type { OverloadSpec } from './overload-schema';
import type { TryFailure } from './retry-policy';

/** What the balancer's passive view of its hosts did, for the metrics. */
export interface HostHealthCounts {
  ejections: number;
  /** Ejections that max_ejection_percent refused. */
  ejectionsRefused: number;
  /** Times the cluster went into panic. */
  panics: number;
}

/**
 * The balancer's passive view of its hosts, from the answers it sees: Envoy outlier detection
 * ejects a host after consecutive 5xx (local-origin errors counting as 5xx, Envoy's default),
 * the panic threshold puts ejected hosts back while too few are healthy, and slow start ramps a
 * joining host's weight. The rules are lib/health's, the one implementation lessons and exercises use.
 */
export class HostHealth {
  readonly counts: HostHealthCounts = { ejections: 0, ejectionsRefused: 0, panics: 0 };
  private detector: OutlierState | undefined;
  private panic = false;

  /** `initialServers` joined with the cluster, so they start at full weight; later ones (and ones that come back) slow-start. */
  constructor(
    private readonly spec: OverloadSpec,
    private readonly servers: readonly SimServer[],
    private readonly initialServers: number,
    now: number,
  ) {
    const outlier = spec.outlierDetection;
    if (outlier) {
      this.detector = createOutlierDetector([], now, { ...ENVOY_OUTLIER_DEFAULTS, ...outlier, maxEjectionTimeMs: outlier.maxEjectionTimeMs ?? ENVOY_OUTLIER_DEFAULTS.maxEjectionTimeMs });
    }
  }

  /** When the next outlier sweep is due, if detection is on. */
  get nextSweepAt(): number | undefined {
    return this.detector?.nextSweepAt;
  }

  get inPanic(): boolean {
    return this.panic;
  }

  /** Server `index` answered (`ok`) or failed a try. */
  record(index: number, outcome: 'ok' | TryFailure, now: number): void {
    if (!this.detector) return;
    const id = this.servers[index]!.view.id;
    if (!this.detector.hosts.has(id)) this.detector = { ...this.detector, hosts: new Map([...this.detector.hosts, [id, { consecutive5xx: 0, multiplier: 0 }]]) };
    const response: ResponseOutcome =
      outcome === 'ok' ? { kind: 'http', status: 200 } : outcome === 'http-500' ? { kind: 'http', status: 500 } : { kind: 'local-origin-error', reason: outcome };
    const step = recordResponse(this.detector, id, response, now);
    this.detector = step.state;
    this.applied(step.events);
  }

  /** The periodic sweep that returns hosts whose ejection is over. */
  sweep(now: number): void {
    if (!this.detector) return;
    const step = advanceOutlier(this.detector, now);
    this.detector = step.state;
    this.applied(step.events);
  }

  /** Envoy slow start on the weights the balancer reads; a no-op without it. */
  rampWeights(now: number): void {
    const slowStart = this.spec.slowStart;
    if (!slowStart) return;
    this.servers.forEach((server, index) => {
      const since = server.inRotationSince;
      if (since === undefined || (index < this.initialServers && since === 0)) return;
      server.view.weight = envoySlowStartWeight(server.spec.weight, now - since, slowStart);
    });
  }

  private applied(events: readonly OutlierEvent[]): void {
    for (const event of events) {
      if (event.kind === 'ejected') this.counts.ejections += 1;
      if (event.kind === 'ejection-refused') this.counts.ejectionsRefused += 1;
    }
    if (events.length === 0) return;
    const detector = this.detector!;
    const inPool = this.servers.filter((server) => server.inRotation);
    const healthy = inPool.filter((server) => !isEjected(detector, server.view.id)).length;
    const panic = inPanic(healthy, inPool.length, this.spec.panicThresholdPercent ?? ENVOY_PANIC_THRESHOLD_PERCENT);
    if (panic && !this.panic) this.counts.panics += 1;
    this.panic = panic;
    // In panic Envoy balances over every host, ejected or not (panic_threshold.rst).
    for (const server of this.servers) {
      server.ejected = !panic && isEjected(detector, server.view.id);
      server.refresh();
    }
  }
}
