import type { Random } from '@/lib/random/seeded';
import { wildcardMatcher } from './wildcard';

/** The parts of an HTTP request a Layer 7 balancer routes on. Header names are matched case-insensitively. */
export interface HttpRequest {
  method: string;
  host: string;
  path: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
}

/** One condition; its values are ORed, and a rule's different conditions are ANDed (AWS ALB listener rules). */
export type Condition =
  | { field: 'host'; values: string[] }
  | { field: 'path'; values: string[] }
  | { field: 'method'; values: string[] }
  | { field: 'header'; name: string; values: string[] }
  | { field: 'cookie'; name: string; values: string[] };

/** Where a matching request goes: one target group, or several by weight (canary, A/B). */
export interface WeightedTarget {
  group: string;
  weight: number;
}

export interface Rule {
  priority: number;
  conditions: Condition[];
  targets: WeightedTarget[];
}

export interface RoutingTable {
  rules: Rule[];
  defaultTargets: WeightedTarget[];
}

export interface RouteDecision {
  /** The matching rule's priority, or 'default'. */
  rule: number | 'default';
  group: string;
}

function conditionMatches(condition: Condition, request: HttpRequest): boolean {
  const lowerKeys = (record: Record<string, string> = {}) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
  switch (condition.field) {
    // Host is case-insensitive and must match whole: *.example.com does not match example.com.
    case 'host':
      return condition.values.some((value) => wildcardMatcher(value, false)(request.host));
    // Path is case-sensitive and never includes the query string.
    case 'path':
      return condition.values.some((value) => wildcardMatcher(value, true)(request.path.split('?')[0]!));
    // Method is case-sensitive and takes no wildcards.
    case 'method':
      return condition.values.includes(request.method);
    case 'header': {
      const header = lowerKeys(request.headers)[condition.name.toLowerCase()];
      return header !== undefined && condition.values.some((value) => wildcardMatcher(value, false)(header));
    }
    case 'cookie': {
      const cookie = request.cookies?.[condition.name];
      return cookie !== undefined && condition.values.some((value) => wildcardMatcher(value, true)(cookie));
    }
  }
}

/** A target group drawn in proportion to its weight; weight 0 gets nothing (AWS ALB forward action). */
function pickTarget(targets: readonly WeightedTarget[], random: Random): string {
  const live = targets.filter((target) => target.weight > 0);
  let x = random() * live.reduce((sum, target) => sum + target.weight, 0);
  for (const target of live) {
    x -= target.weight;
    if (x < 0) return target.group;
  }
  return live.at(-1)?.group ?? targets[0]!.group;
}

/** Problems that AWS would refuse: duplicate priorities, out-of-range priorities, no targets. */
export function routingTableProblems(table: RoutingTable): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const rule of table.rules) {
    if (!Number.isInteger(rule.priority) || rule.priority < 1 || rule.priority > 50_000) problems.push(`priority ${rule.priority} must be a whole number from 1 to 50000`);
    if (seen.has(rule.priority)) problems.push(`priority ${rule.priority} is used twice`);
    seen.add(rule.priority);
    if (!rule.targets.some((target) => target.weight > 0)) problems.push(`rule ${rule.priority} forwards nowhere`);
  }
  if (!table.defaultTargets.some((target) => target.weight > 0)) problems.push('the default rule forwards nowhere');
  return problems;
}

/** Routes requests by one routing table; see routeRequest. */
export type Router = (request: HttpRequest, random: Random) => RouteDecision;

/**
 * AWS ALB listener rules (lb-algorithms.md §9.1), ordered once for a table that routes many
 * requests (the simulator): rules in ascending priority, the first whose conditions all match
 * wins, the default rule last. Weighted targets are drawn from `random`.
 */
export function createRouter(table: RoutingTable): Router {
  const ordered = [...table.rules].sort((a, b) => a.priority - b.priority);
  return (request, random) => {
    for (const rule of ordered) {
      if (rule.conditions.every((condition) => conditionMatches(condition, request))) return { rule: rule.priority, group: pickTarget(rule.targets, random) };
    }
    return { rule: 'default', group: pickTarget(table.defaultTargets, random) };
  };
}

/** Routes one request by `table`: createRouter for a single use. */
export function routeRequest(table: RoutingTable, request: HttpRequest, random: Random): RouteDecision {
  return createRouter(table)(request, random);
}
