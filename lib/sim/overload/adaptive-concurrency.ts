/**
 * Envoy's adaptive concurrency filter, gradient controller
 * (https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/adaptive_concurrency_filter):
 * the limit on requests outstanding through the balancer follows
 *   gradient = (minRTT + minRTT × buffer) / sampleRTT, clamped to [0.5, 2]
 *   limit    = gradient × limit + √(gradient × limit), clamped to [minConcurrency, maxConcurrency]
 * once per update interval, where sampleRTT is a percentile of the window's latencies. minRTT is
 * measured with the limit pinned to minConcurrency over `minRttRequests` answers, at the start,
 * every `minRttIntervalMs` (no jitter here), and after 5 windows in a row at the minimum limit.
 */
export interface GradientConfig {
  /** `concurrency_update_interval` (Envoy requires it; 100 ms in its example). */
  updateIntervalMs: number;
  /** `sample_aggregate_percentile`, default 50. */
  percentile?: number;
  /** `min_rtt_calc_params.buffer`, default 25%. */
  bufferPercent?: number;
  /** `min_rtt_calc_params.min_concurrency`, default 3: the pinned limit and the floor. */
  minConcurrency?: number;
  /** `max_concurrency_limit`, default 1000. */
  maxConcurrency?: number;
  /** `min_rtt_calc_params.interval`, default 60 s. */
  minRttIntervalMs?: number;
  /** `min_rtt_calc_params.request_count`, default 50. */
  minRttRequests?: number;
}

const GRADIENT_MIN = 0.5;
const GRADIENT_MAX = 2;
/** Windows in a row at the minimum limit that trigger a new minRTT measurement. */
const WINDOWS_AT_MINIMUM = 5;

/** The p-th percentile (0–100) of `values`, nearest rank, as Envoy's histogram summary reads it. */
function percentileOf(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** One step of the limit: the gradient and the new limit, rounded down as Envoy stores it. */
export function nextLimit(limit: number, minRttMs: number, sampleRttMs: number, bufferPercent = 25, minConcurrency = 3, maxConcurrency = 1000): { gradient: number; limit: number } {
  const gradient = Math.min(GRADIENT_MAX, Math.max(GRADIENT_MIN, (minRttMs * (1 + bufferPercent / 100)) / sampleRttMs));
  const scaled = gradient * limit;
  return { gradient, limit: Math.floor(Math.min(maxConcurrency, Math.max(minConcurrency, scaled + Math.sqrt(scaled)))) };
}

/** The controller's state over a run; time is passed in, so it replays exactly. */
export class GradientController {
  private limitValue: number;
  private measuringMinRtt = true;
  private minRttMs = NaN;
  private samples: number[] = [];
  private nextUpdateAt: number;
  private nextMinRttAt: number;
  private windowsAtMinimum = 0;
  /** Requests refused because the limit was reached (Envoy's `rq_blocked`). */
  blocked = 0;

  constructor(
    private readonly config: GradientConfig,
    nowMs: number,
  ) {
    this.limitValue = this.minConcurrency;
    this.nextUpdateAt = nowMs + config.updateIntervalMs;
    this.nextMinRttAt = nowMs + (config.minRttIntervalMs ?? 60_000);
  }

  private get minConcurrency(): number {
    return this.config.minConcurrency ?? 3;
  }

  /** The concurrency limit now. */
  limit(nowMs: number): number {
    this.advance(nowMs);
    return this.measuringMinRtt ? this.minConcurrency : this.limitValue;
  }

  /** Whether one more request may be outstanding, `outstanding` being those already are; counts a refusal. */
  admits(outstanding: number, nowMs: number): boolean {
    if (outstanding < this.limit(nowMs)) return true;
    this.blocked += 1;
    return false;
  }

  /** An answered request's latency. */
  sample(latencyMs: number, nowMs: number): void {
    this.advance(nowMs);
    this.samples.push(latencyMs);
    if (this.measuringMinRtt && this.samples.length >= (this.config.minRttRequests ?? 50)) {
      this.minRttMs = percentileOf(this.samples, this.config.percentile ?? 50);
      this.samples = [];
      this.measuringMinRtt = false;
      this.nextUpdateAt = nowMs + this.config.updateIntervalMs;
      this.nextMinRttAt = nowMs + (this.config.minRttIntervalMs ?? 60_000);
    }
  }

  private advance(nowMs: number): void {
    if (this.measuringMinRtt) return;
    if (nowMs >= this.nextMinRttAt) return this.startMinRtt();
    while (nowMs >= this.nextUpdateAt) {
      this.nextUpdateAt += this.config.updateIntervalMs;
      if (this.samples.length === 0) continue;
      const sampleRtt = percentileOf(this.samples, this.config.percentile ?? 50);
      this.samples = [];
      this.limitValue = nextLimit(this.limitValue, this.minRttMs, sampleRtt, this.config.bufferPercent, this.minConcurrency, this.config.maxConcurrency).limit;
      this.windowsAtMinimum = this.limitValue === this.minConcurrency ? this.windowsAtMinimum + 1 : 0;
      if (this.windowsAtMinimum >= WINDOWS_AT_MINIMUM) return this.startMinRtt();
    }
  }

  private startMinRtt(): void {
    // Envoy pins the limit for the measurement and grows it again from there.
    this.limitValue = this.minConcurrency;
    this.measuringMinRtt = true;
    this.samples = [];
    this.windowsAtMinimum = 0;
  }
}
