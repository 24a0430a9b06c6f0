import type { HttpRequest, Route, Rule } from './types';

/**
 * AWS Application Load Balancer listener rules: the matching rule with the lowest priority
 * number wins; when none matches, the default rule sends the request to `defaultTarget`.
 */
export function route(rules: readonly Rule[], defaultTarget: string, request: HttpRequest): Route {
  throw new Error('Not implemented');
}
