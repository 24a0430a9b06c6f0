import { randomIndex } from '@/lib/random/seeded';
import type { BackendView, Random } from './types';

/**
 * Envoy's N_CHOICES pick (least_request_lb.cc, `unweightedHostPickNChoices`): `count` uniform draws
 * WITH replacement; a later draw replaces the candidate only when it has strictly fewer active
 * requests, so a tie keeps the earlier draw. `usable` must not be empty.
 */
export function fewestActiveOfDraws(usable: readonly BackendView[], random: Random, count: number): BackendView {
  let candidate = usable[randomIndex(random, usable.length)]!;
  for (let draw = 1; draw < count; draw += 1) {
    const sampled = usable[randomIndex(random, usable.length)]!;
    if (sampled.activeConnections < candidate.activeConnections) candidate = sampled;
  }
  return candidate;
}
