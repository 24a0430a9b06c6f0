/**
 * Slow start: a host that has just become healthy gets a reduced weight that grows over a window,
 * so a cold cache or JIT is not hit with a full share at once.
 */

/** Envoy `slow_start_config`: the window is required; aggression and the weight floor have defaults. */
export interface EnvoySlowStartConfig {
  /** `slow_start_window`; 0 turns slow start off. */
  windowMs: number;
  /** `aggression`: 1 is linear; above 1 ramps faster early, below 1 slower. */
  aggression?: number;
  /** `min_weight_percent`: the weight never starts below this share. */
  minWeightPercent?: number;
}

/** Envoy defaults (`slow_start.rst`): aggression 1.0, min_weight_percent 10%. */
export const ENVOY_SLOW_START_DEFAULTS = { aggression: 1, minWeightPercent: 10 } as const;

/** Envoy's slow-start weight (`applySlowStartFactor`): w × max(min_weight_percent, time_factor^(1/aggression)), time_factor = max(1 ms, t)/window. */
export function envoySlowStartWeight(weight: number, msSinceHealthy: number, config: EnvoySlowStartConfig): number {
  const aggression = config.aggression ?? ENVOY_SLOW_START_DEFAULTS.aggression;
  const minWeightPercent = config.minWeightPercent ?? ENVOY_SLOW_START_DEFAULTS.minWeightPercent;
  if (!(config.windowMs >= 0)) throw new RangeError(`slow_start_window must be ≥ 0, got ${config.windowMs}`);
  if (!(aggression > 0) || !Number.isFinite(aggression)) throw new RangeError(`aggression must be a positive number, got ${aggression}`);
  if (!(minWeightPercent >= 0 && minWeightPercent <= 100)) throw new RangeError(`min_weight_percent must be 0–100, got ${minWeightPercent}`);

  if (msSinceHealthy >= config.windowMs) return weight;
  // The 1 ms floor keeps a host that became healthy this very instant from getting a zero factor.
  const timeFactor = Math.max(1, msSinceHealthy) / config.windowMs;
  const ramp = aggression === 1 ? timeFactor : timeFactor ** (1 / aggression);
  return weight * Math.max(minWeightPercent / 100, ramp);
}

/** AWS ALB `slow_start.duration_seconds`: 30–900 s, or 0 for off (ALB target-group attributes). */
export function validateAlbSlowStartSeconds(durationSeconds: number): void {
  const valid = durationSeconds === 0 || (Number.isInteger(durationSeconds) && durationSeconds >= 30 && durationSeconds <= 900);
  if (!valid) throw new RangeError(`slow_start.duration_seconds must be 0 (off) or 30–900, got ${durationSeconds}`);
}

/** AWS ALB slow start: the target's share grows linearly from 0 to its full weight over the duration (ALB guide). */
export function albSlowStartWeight(weight: number, msSinceHealthy: number, durationSeconds: number): number {
  validateAlbSlowStartSeconds(durationSeconds);
  if (durationSeconds === 0) return weight;
  return weight * Math.min(1, Math.max(0, msSinceHealthy) / (durationSeconds * 1000));
}

/** ALB puts a newly healthy target into slow start only if some other healthy target is not in slow start (ALB guide). */
export function albEntersSlowStart(healthyTargetsNotInSlowStart: number, durationSeconds: number): boolean {
  validateAlbSlowStartSeconds(durationSeconds);
  // Slow start cannot be combined with least outstanding requests; that check belongs with the algorithm choice.
  return durationSeconds > 0 && healthyTargetsNotInSlowStart > 0;
}
