import { describe, expect, it } from 'vitest';
import { routeRequest, routingTableProblems, type RoutingTable } from '@/lib/routing/l7-router';
import { seededRandom } from '@/lib/random/seeded';

const only = (group: string) => [{ group, weight: 1 }];
const table: RoutingTable = {
  rules: [
    { priority: 30, conditions: [{ field: 'path', values: ['/API/*'] }], targets: only('rule-30') },
    { priority: 10, conditions: [{ field: 'path', values: ['/api/*'] }], targets: only('rule-10') },
    { priority: 20, conditions: [{ field: 'host', values: ['*.example.com'] }], targets: only('rule-20') },
  ],
  defaultTargets: only('default'),
};
const get = (host: string, path: string) => routeRequest(table, { method: 'GET', host, path }, seededRandom(1)).group;

describe('AWS ALB listener rules (lb-algorithms §9.1)', () => {
  it.each([
    ['a.example.com', '/api/x', 'rule-10'],
    ['example.com', '/api/x', 'rule-10'],
    ['a.example.com', '/img', 'rule-20'],
    ['example.com', '/API/x', 'rule-30'],
    ['example.com', '/Api/x', 'default'],
    ['A.EXAMPLE.COM', '/x', 'rule-20'],
    ['example.com', '/api', 'default'],
  ])('routes GET %s%s to %s', (host, path, expected) => {
    expect(get(host, path)).toBe(expected);
  });

  it('ANDs different conditions and ORs the values of one condition', () => {
    const rules: RoutingTable = {
      rules: [{ priority: 1, conditions: [{ field: 'method', values: ['POST', 'PUT'] }, { field: 'path', values: ['/checkout/*'] }], targets: only('payments') }],
      defaultTargets: only('web'),
    };
    const route = (method: string, path: string) => routeRequest(rules, { method, host: 'shop.test', path }, seededRandom(1)).group;
    expect(route('PUT', '/checkout/cart')).toBe('payments');
    expect(route('GET', '/checkout/cart')).toBe('web');
    expect(route('post', '/checkout/cart')).toBe('web');
  });

  it('matches header values case-insensitively and cookies exactly', () => {
    const rules: RoutingTable = {
      rules: [
        { priority: 1, conditions: [{ field: 'header', name: 'User-Agent', values: ['*mobile*'] }], targets: only('mobile') },
        { priority: 2, conditions: [{ field: 'cookie', name: 'plan', values: ['premium'] }], targets: only('premium') },
      ],
      defaultTargets: only('web'),
    };
    const route = (headers: Record<string, string>, cookies: Record<string, string> = {}) => routeRequest(rules, { method: 'GET', host: 'a.test', path: '/', headers, cookies }, seededRandom(1)).group;
    expect(route({ 'user-agent': 'Some MOBILE browser' })).toBe('mobile');
    expect(route({}, { plan: 'premium' })).toBe('premium');
    expect(route({}, { plan: 'Premium' })).toBe('web');
  });

  it('sends about 10% of traffic to a canary weighted 10 against 90, and none to weight 0', () => {
    const canary: RoutingTable = { rules: [], defaultTargets: [{ group: 'stable', weight: 90 }, { group: 'canary', weight: 10 }, { group: 'off', weight: 0 }] };
    const random = seededRandom(5);
    const groups = Array.from({ length: 20_000 }, () => routeRequest(canary, { method: 'GET', host: 'a.test', path: '/' }, random).group);
    expect(Math.abs(groups.filter((group) => group === 'canary').length / 20_000 - 0.1)).toBeLessThan(0.01);
    expect(groups).not.toContain('off');
  });

  it('reports tables AWS would refuse', () => {
    const bad: RoutingTable = { rules: [{ priority: 0, conditions: [], targets: only('a') }, { priority: 0, conditions: [], targets: [{ group: 'b', weight: 0 }] }], defaultTargets: only('web') };
    expect(routingTableProblems(bad)).toEqual(['priority 0 must be a whole number from 1 to 50000', 'priority 0 must be a whole number from 1 to 50000', 'priority 0 is used twice', 'rule 0 forwards nowhere']);
    expect(routingTableProblems(table)).toEqual([]);
  });
});
