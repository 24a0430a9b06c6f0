/** Envoy's `outlier_detection` settings used here, in milliseconds and percent. */
export interface OutlierConfig {
  /** Errors in a row that eject a host. Envoy's default: 5. */
  consecutive5xx: number;
  /** Time between sweeps, which return hosts and forgive them. Default 10 000. */
  intervalMs: number;
  /** How long a first ejection lasts; the n-th ejection in a row lasts n times this. Default 30 000. */
  baseEjectionTimeMs: number;
  /** The most hosts that may be ejected at once, as a percentage of all hosts. Default 10. */
  maxEjectionPercent: number;
  /** No ejection lasts longer than this. Default 300 000. */
  maxEjectionTimeMs: number;
}

/** How a request to a host ended: an HTTP status, or a failure before any response. */
export type Outcome = number | 'timeout' | 'reset' | 'connect-failure';

/** Something the detector did. */
export type OutlierEvent =
  | { kind: 'ejected'; host: string; at: number; until: number }
  | { kind: 'ejection-refused'; host: string; at: number }
  | { kind: 'returned'; host: string; at: number };
