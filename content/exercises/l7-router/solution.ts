import type { Condition, HttpRequest, Route, Rule } from './types';

/** An anchored wildcard matcher: `*` is any run of characters, `?` exactly one, everything else literal. */
function wildcard(pattern: string, caseSensitive: boolean): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseSensitive ? '' : 'i');
}

function matches(condition: Condition, request: HttpRequest): boolean {
  switch (condition.field) {
    case 'host':
      // Case-insensitive, and the whole name must match: *.example.com is not example.com.
      return condition.values.some((value) => wildcard(value, false).test(request.host));
    case 'path': {
      // Case-sensitive, and never the query string.
      const path = request.path.split('?')[0]!;
      return condition.values.some((value) => wildcard(value, true).test(path));
    }
    case 'method':
      return condition.values.includes(request.method);
    case 'header': {
      const wanted = condition.name.toLowerCase();
      const entry = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === wanted);
      return entry !== undefined && condition.values.some((value) => wildcard(value, false).test(entry[1]));
    }
  }
}

export function route(rules: readonly Rule[], defaultTarget: string, request: HttpRequest): Route {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority);
  for (const rule of ordered) {
    if (rule.conditions.every((condition) => matches(condition, request))) return { rule: rule.priority, target: rule.target };
  }
  return { rule: 'default', target: defaultTarget };
}
