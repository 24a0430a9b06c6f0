/**
 * Active health checks as HAProxy counts them: one `health` counter per server, moved by each
 * check result, with hysteresis so a flapping server does not flap the pool.
 */

/** How often to probe, how long to wait for an answer, and how many results in a row flip the state. */
export interface ActiveCheckConfig {
  /** HAProxy `inter`: pause between the end of one check and the start of the next. */
  intervalMs: number;
  /** A probe that has not answered after this long has failed. */
  timeoutMs: number;
  /** Successes in a row that bring a DOWN server UP. */
  rise: number;
  /** Failures in a row that take a fully UP server DOWN. */
  fall: number;
  /** HAProxy `fastinter`: interval while the server is between fully UP and fully DOWN. Defaults to intervalMs. */
  fastIntervalMs?: number;
  /** HAProxy `downinter`: interval while the server is fully DOWN. Defaults to intervalMs. */
  downIntervalMs?: number;
}

/** HAProxy defaults (`include/haproxy/defaults.h`): inter 2000 ms, rise 2, fall 3; without `timeout check`, inter is the timeout. */
export const HAPROXY_CHECK_DEFAULTS: Readonly<ActiveCheckConfig> = { intervalMs: 2000, timeoutMs: 2000, rise: 2, fall: 3 };

/** AWS ALB target-group defaults (ALB guide, CreateTargetGroup): every 30 s, healthy after 5, unhealthy after 2, timeout 5 s. */
export const ALB_CHECK_DEFAULTS: Readonly<ActiveCheckConfig> = {
  intervalMs: 30_000,
  // The archived ALB guide says 5 s; the current API reference says 6 s for HTTP target groups
  // (10 s for TCP/TLS/HTTPS). Which one the console applies today is unverified; we keep the guide's 5 s.
  timeoutMs: 5_000,
  rise: 5,
  fall: 2,
};

/** HAProxy `init-state`: where `health` starts. `up` (the default) is UP but one failed check from DOWN. */
export type InitialHealth = 'fully-up' | 'up' | 'down' | 'fully-down';

/** A new ALB target must pass one check to become healthy (ALB guide): HAProxy's `init-state down`. */
export const ALB_INITIAL_HEALTH: InitialHealth = 'down';

/** One server's check state. `health` runs 0 … rise+fall−1 and the server is UP iff health ≥ rise. */
export interface CheckState {
  readonly health: number;
  readonly up: boolean;
}

/** What one check result did to the server, if anything a user would see. */
export type CheckTransition = 'went-up' | 'went-down';

/** The state after one check result, and the transition it caused. */
export interface CheckStep {
  state: CheckState;
  transition?: CheckTransition;
}

/** Rejects a configuration HAProxy would refuse: rise and fall are positive integers, times positive. */
export function validateCheckConfig(config: ActiveCheckConfig): void {
  for (const key of ['rise', 'fall'] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 1) throw new RangeError(`${key} must be a positive integer, got ${config[key]}`);
  }
  for (const key of ['intervalMs', 'timeoutMs', 'fastIntervalMs', 'downIntervalMs'] as const) {
    const value = config[key];
    if (value !== undefined && !(value > 0 && Number.isFinite(value))) throw new RangeError(`${key} must be a positive number of ms, got ${value}`);
  }
}

const maxHealth = (config: ActiveCheckConfig): number => config.rise + config.fall - 1;

const stateOf = (health: number, config: ActiveCheckConfig): CheckState => ({ health, up: health >= config.rise });

/** The state a server starts in; HAProxy starts at health = rise unless `init-state` says otherwise (HAProxy check.c, configuration.txt). */
export function initialCheckState(config: ActiveCheckConfig, initial: InitialHealth = 'up'): CheckState {
  validateCheckConfig(config);
  const health = { 'fully-up': maxHealth(config), up: config.rise, down: config.rise - 1, 'fully-down': 0 }[initial];
  return stateOf(health, config);
}

/** Applies one check result with HAProxy's counter model (check.c): success climbs and snaps to fully UP at rise; failure below rise drops to 0. */
export function applyCheckResult(state: CheckState, ok: boolean, config: ActiveCheckConfig): CheckStep {
  let health: number;
  if (ok) {
    health = Math.min(state.health + 1, maxHealth(config));
    if (health >= config.rise) health = maxHealth(config);
  } else {
    health = Math.max(state.health - 1, 0);
    if (health < config.rise) health = 0;
  }
  const next = stateOf(health, config);
  if (next.up === state.up) return { state: next };
  return { state: next, transition: next.up ? 'went-up' : 'went-down' };
}

/** The interval HAProxy's `srv_getinter` would pick: inter when fully UP, downinter when fully DOWN, fastinter in between. */
export function checkIntervalFor(state: CheckState, config: ActiveCheckConfig): number {
  if (state.health === maxHealth(config)) return config.intervalMs;
  if (state.health === 0) return config.downIntervalMs ?? config.intervalMs;
  return config.fastIntervalMs ?? config.intervalMs;
}

/** When the next check starts: one interval after the previous check finished, as HAProxy reschedules (check.c `process_chk_conn`). */
export function nextCheckAt(finishedAt: number, state: CheckState, config: ActiveCheckConfig): number {
  return finishedAt + checkIntervalFor(state, config);
}

/** How the probed server answers a check started at a given time: pass/fail after some latency, or never. */
export type ProbeReply = { kind: 'reply'; ok: boolean; latencyMs: number } | { kind: 'no-reply' };

/** The simulated server's side of a check. */
export type Probe = (startedAt: number) => ProbeReply;

/** Everything one check decided: its verdict, when it ended, the new state and when the next check is due. */
export interface CheckRun extends CheckStep {
  ok: boolean;
  timedOut: boolean;
  finishedAt: number;
  nextCheckAt: number;
}

/** Runs one check started at `startedAt`: a reply counts only if it arrives within the timeout (HAProxy check.c). */
export function runCheck(state: CheckState, startedAt: number, probe: Probe, config: ActiveCheckConfig): CheckRun {
  const reply = probe(startedAt);
  const timedOut = reply.kind === 'no-reply' || reply.latencyMs > config.timeoutMs;
  const ok = reply.kind === 'reply' && !timedOut && reply.ok;
  const finishedAt = startedAt + (reply.kind === 'reply' && !timedOut ? reply.latencyMs : config.timeoutMs);
  const step = applyCheckResult(state, ok, config);
  return { ...step, ok, timedOut, finishedAt, nextCheckAt: nextCheckAt(finishedAt, step.state, config) };
}
