import { createBalancer } from '@/lib/balancers/registry';
import type { AlgorithmName, BackendId, BackendView, Balancer, Completion, PickRequest } from '@/lib/balancers/types';
import type { Random } from '@/lib/random/seeded';
import { createRouter, type HttpRequest, type Router } from '@/lib/routing/l7-router';
import type { Layer7Spec } from './layer7-schema';

export type { Layer7Spec, RequestMixEntry, TargetGroupSpec } from './layer7-schema';

/**
 * Routes each request to a target group by its method, host and path (lib/routing/l7-router.ts),
 * then picks a server inside the group with the scenario's algorithm: one balancer per group,
 * as an ALB keeps per target group. Servers added at run time belong to no group, so rules
 * never reach them; a group with no usable server answers nothing, like nginx's 502.
 */
export class Layer7Router {
  private readonly cumulativeShares: number[];
  private readonly route: Router;
  private readonly groups = new Map<string, { views: BackendView[]; balancer: Balancer }>();
  /** Whether the groups' balancers learn from completions (latency-aware ones do). */
  readonly learns: boolean;

  constructor(
    private readonly spec: Layer7Spec,
    views: readonly BackendView[],
    algorithm: AlgorithmName,
    private readonly random: Random,
  ) {
    this.route = createRouter(spec.table);
    let total = 0;
    this.cumulativeShares = spec.requests.map((entry) => (total += entry.share));
    for (const group of spec.groups) {
      this.groups.set(group.name, { views: group.servers.map((index) => views[index]!), balancer: createBalancer(algorithm, random) });
    }
    this.learns = [...this.groups.values()].some((group) => group.balancer.onComplete !== undefined);
  }

  /** Passes a completion to the balancer of every group that holds its backend. */
  onComplete(completion: Completion): void {
    for (const group of this.groups.values()) {
      if (group.views.some((view) => view.id === completion.backend)) group.balancer.onComplete?.(completion);
    }
  }

  /** Draws the next request from the mix, matches it against the rules, and balances it within the chosen group. */
  pick(request: PickRequest): BackendId | undefined {
    const draw = this.random() * this.cumulativeShares[this.cumulativeShares.length - 1]!;
    const at = this.cumulativeShares.findIndex((bound) => draw < bound);
    const entry = this.spec.requests[at === -1 ? this.spec.requests.length - 1 : at]!;
    const httpRequest: HttpRequest = { method: entry.method, host: entry.host, path: entry.path };
    const group = this.groups.get(this.route(httpRequest, this.random).group);
    return group ? group.balancer.pick(group.views, request) : undefined;
  }
}
