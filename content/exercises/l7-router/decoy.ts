import type { Condition, HttpRequest, Route, Rule } from './types';

/** Plausible but wrong: tries the rules in the order they are listed instead of by priority. */
function wildcard(pattern: string, caseSensitive: boolean): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseSensitive ? '' : 'i');
}

function matches(condition: Condition, request: HttpRequest): boolean {
  switch (condition.field) {
    case 'host':
      return condition.values.some((value) => wildcard(value, false).test(request.host));
    case 'path':
      return condition.values.some((value) => wildcard(value, true).test(request.path.split('?')[0]!));
    case 'method':
      return condition.values.includes(request.method);
    case 'header': {
      const entry = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === condition.name.toLowerCase());
      return entry !== undefined && condition.values.some((value) => wildcard(value, false).test(entry[1]));
    }
  }
}

export function route(rules: readonly Rule[], defaultTarget: string, request: HttpRequest): Route {
  for (const rule of rules) {
    if (rule.conditions.every((condition) => matches(condition, request))) return { rule: rule.priority, target: rule.target };
  }
  return { rule: 'default', target: defaultTarget };
}
