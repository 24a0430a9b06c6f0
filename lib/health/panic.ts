/**
 * What a balancer does when too few hosts are healthy: Envoy's panic threshold and AWS ALB's
 * fail-open. Both prefer sending traffic to possibly-sick hosts over piling it onto the few left.
 */

/** Envoy's default `healthy_panic_threshold` (`panic_threshold.rst`): 50%. */
export const ENVOY_PANIC_THRESHOLD_PERCENT = 50;

/** Envoy's default overprovisioning factor, as the integer percent it computes with (`load_balancing/priority.rst`): 1.4. */
export const ENVOY_OVERPROVISIONING_PERCENT = 140;

/** Whether one priority level is below the panic threshold: 100·healthy/total < threshold; a 0% threshold never panics (Envoy `isHostSetInPanic`). */
export function inPanic(healthy: number, total: number, thresholdPercent: number = ENVOY_PANIC_THRESHOLD_PERCENT): boolean {
  // `healthy` counts healthy plus degraded hosts, `total` all hosts minus excluded ones. An empty
  // level is 0% healthy, so it is in panic unless panic is turned off.
  const healthyPercent = total === 0 ? 0 : (100 * healthy) / total;
  return healthyPercent < Math.min(100, thresholdPercent);
}

/** One priority level's host counts. */
export interface PriorityLevel {
  healthy: number;
  total: number;
}

/** How traffic splits across priority levels (integer percents summing to 100), and which levels are in panic. */
export interface PriorityLoad {
  load: number[];
  panic: boolean[];
  /** min(100, Σ availability); panic is ignored while this is 100. */
  normalizedTotalAvailability: number;
}

/** A level's availability score: min(100, ⌊overprovisioning × healthy / total⌋) (Envoy `load_balancing/priority.rst`). */
export function levelAvailability(level: PriorityLevel, overprovisioningPercent: number = ENVOY_OVERPROVISIONING_PERCENT): number {
  return level.total === 0 ? 0 : Math.min(100, Math.floor((overprovisioningPercent * level.healthy) / level.total));
}

const shareOf = (weights: readonly number[], sum: number): number[] => {
  let remaining = 100;
  const load = weights.map((weight) => {
    const share = Math.min(remaining, Math.floor((weight * 100) / sum));
    remaining -= share;
    return share;
  });
  // Integer rounding leaves a few percent over; Envoy hands them to the first level that has any weight.
  const first = Math.max(0, weights.findIndex((weight) => weight > 0));
  return load.map((share, i) => (i === first ? share + remaining : share));
};

/** Envoy's priority load and per-level panic (`panic_threshold.rst`, `load_balancer_impl.cc`); if every level panics, load follows host counts. */
export function priorityLoad(
  levels: readonly PriorityLevel[],
  thresholdPercent: number = ENVOY_PANIC_THRESHOLD_PERCENT,
  overprovisioningPercent: number = ENVOY_OVERPROVISIONING_PERCENT,
): PriorityLoad {
  if (levels.length === 0) throw new RangeError('a cluster has at least one priority level');
  const availability = levels.map((level) => levelAvailability(level, overprovisioningPercent));
  const normalizedTotalAvailability = Math.min(100, availability.reduce((a, b) => a + b, 0));
  const firstOnly = levels.map((_, i) => (i === 0 ? 100 : 0));

  if (thresholdPercent === 0 && normalizedTotalAvailability === 0) {
    // Nothing healthy and panic turned off: the load is nominal, the balancer finds no host (503).
    return { load: firstOnly, panic: levels.map(() => false), normalizedTotalAvailability };
  }
  const panic = levels.map((level) => normalizedTotalAvailability < 100 && inPanic(level.healthy, level.total, thresholdPercent));
  if (panic.every(Boolean)) {
    const hosts = levels.reduce((sum, level) => sum + level.total, 0);
    const load = hosts === 0 ? firstOnly : shareOf(levels.map((level) => level.total), hosts);
    return { load, panic, normalizedTotalAvailability };
  }
  const load = normalizedTotalAvailability === 0 ? firstOnly : shareOf(availability, normalizedTotalAvailability);
  return { load, panic, normalizedTotalAvailability };
}

/** The hosts to balance over, and whether the cluster is in panic. */
export interface RoutingSet<T> {
  hosts: T[];
  panic: boolean;
}

/** Envoy with one priority level: healthy hosts normally; every host, healthy or not, in panic (`SourceType::AllHosts`). */
export function envoyRoutingSet<T>(
  hosts: readonly T[],
  isHealthy: (host: T) => boolean,
  thresholdPercent: number = ENVOY_PANIC_THRESHOLD_PERCENT,
): RoutingSet<T> {
  const healthy = hosts.filter(isHealthy);
  const [panic = false] = priorityLoad([{ healthy: healthy.length, total: hosts.length }], thresholdPercent).panic;
  return { hosts: panic ? [...hosts] : healthy, panic };
}

/** AWS ALB fail-open: "If a target group contains only unhealthy registered targets, the load balancer routes requests to all those targets". */
export function albRoutingSet<T>(targets: readonly T[], isHealthy: (target: T) => boolean): RoutingSet<T> {
  const healthy = targets.filter(isHealthy);
  const failOpen = healthy.length === 0 && targets.length > 0;
  return { hosts: failOpen ? [...targets] : healthy, panic: failOpen };
}
