/** HAProxy's check settings, in milliseconds. */
export interface CheckConfig {
  /** `inter`: pause between the end of one check and the start of the next, while the server is fully up. */
  intervalMs: number;
  /** A reply that has not arrived after this long means the check failed. */
  timeoutMs: number;
  /** Successful checks in a row that bring a down server back up. */
  rise: number;
  /** Failed checks in a row that take a fully up server down. */
  fall: number;
  /** `fastinter`: the pause while the server is between fully up and fully down. Defaults to intervalMs. */
  fastIntervalMs?: number;
  /** `downinter`: the pause while the server is fully down. Defaults to intervalMs. */
  downIntervalMs?: number;
}

/** How the server answered one probe: pass or fail after some latency, or null for no answer at all. */
export type ProbeReply = { ok: boolean; latencyMs: number } | null;

/** What one check decided. */
export interface CheckOutcome {
  /** True only for a passing reply that arrived within the timeout. */
  ok: boolean;
  /** True when there was no reply within the timeout. */
  timedOut: boolean;
  /** When the check ended: when the reply arrived, or at the timeout. */
  finishedAt: number;
  /** When the next check starts. */
  nextCheckAt: number;
  /** Whether the server is up after this check. */
  up: boolean;
  /** Present when this check changed the server's state. */
  transition?: 'went-up' | 'went-down';
}
