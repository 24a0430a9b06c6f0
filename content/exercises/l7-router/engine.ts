import { routeRequest } from '@/lib/routing/l7-router';
import type { HttpRequest, Route, Rule } from './types';

/** The exercise's API over the engine's AWS ALB listener rules (lib/routing/l7-router.ts), one target group per rule. */
export function route(rules: readonly Rule[], defaultTarget: string, request: HttpRequest): Route {
  const table = {
    rules: rules.map((rule) => ({ priority: rule.priority, conditions: rule.conditions, targets: [{ group: rule.target, weight: 1 }] })),
    defaultTargets: [{ group: defaultTarget, weight: 1 }],
  };
  const decision = routeRequest(table, request, () => 0);
  return { rule: decision.rule, target: decision.group };
}
