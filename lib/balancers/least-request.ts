import { fewestActiveOfDraws } from './n-choices';
import type { BackendId, BackendView, Balancer, Random } from './types';

export interface LeastRequestOptions {
  /** Envoy `choice_count`: draws per pick when the weights are equal (default 2, P2C). */
  choiceCount?: number;
  /** Envoy `active_request_bias`: how hard active requests lower a weight when the weights differ (default 1). */
  activeRequestBias?: number;
}

interface EdfEntry {
  id: BackendId;
  deadline: number;
  /** Envoy's `order_offset_`: equal deadlines leave in the order they were added. */
  order: number;
}

/**
 * Envoy's weighted least request (source/extensions/load_balancing_policies/least_request/
 * least_request_lb.cc; docs: api-v3 extensions.load_balancing_policies.least_request.v3.LeastRequest).
 *
 * - Equal weights: `choice_count` uniform draws with replacement, the fewest active requests wins,
 *   a tie keeps the earlier draw (N_CHOICES, the same pick as `power-of-two` at 2).
 * - Unequal weights: an earliest-deadline-first schedule (source/common/upstream/edf_scheduler.h).
 *   A host's deadline is the scheduler's time + 1 / weight, where the weight is
 *   `load_balancing_weight / (active_requests + 1)^active_request_bias`, computed when the host is
 *   (re)inserted, i.e. at the pick that took it; bias 0 is plain weighted round robin. Envoy rebuilds the
 *   schedule when the host set changes; so does this one, whenever the usable set changes. (Envoy also
 *   pre-picks a random number of times on a rebuild so that proxies start at different points; a single
 *   balancer starts at the beginning.)
 */
export function createLeastRequest(random: Random, options: LeastRequestOptions = {}): Balancer {
  const choiceCount = options.choiceCount ?? 2;
  const bias = options.activeRequestBias ?? 1;
  const dynamicWeight = (backend: BackendView) => (bias === 0 ? backend.weight : backend.weight / (backend.activeConnections + 1) ** bias);
  let schedule: EdfEntry[] = [];
  let scheduledIds = '';
  let now = 0;
  let order = 0;
  const add = (backend: BackendView) => schedule.push({ id: backend.id, deadline: now + 1 / dynamicWeight(backend), order: order++ });

  const pickWeighted = (usable: readonly BackendView[]): BackendId => {
    const ids = usable.map((backend) => backend.id).join(' ');
    if (ids !== scheduledIds) {
      scheduledIds = ids;
      schedule = [];
      now = 0;
      order = 0;
      usable.forEach(add);
    }
    let next = 0;
    for (let index = 1; index < schedule.length; index += 1) {
      const entry = schedule[index]!;
      const best = schedule[next]!;
      if (entry.deadline < best.deadline || (entry.deadline === best.deadline && entry.order < best.order)) next = index;
    }
    const [picked] = schedule.splice(next, 1);
    now = picked!.deadline;
    add(usable.find((backend) => backend.id === picked!.id)!);
    return picked!.id;
  };

  return {
    algorithm: 'least-request',
    pick(backends: readonly BackendView[]) {
      const usable = backends.filter((backend) => backend.usable);
      if (usable.length === 0) return undefined;
      const equalWeights = usable.every((backend) => backend.weight === usable[0]!.weight);
      return equalWeights ? fewestActiveOfDraws(usable, random, choiceCount).id : pickWeighted(usable);
    },
  };
}
