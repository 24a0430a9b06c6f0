import { expect, test } from '@/lib/grading/test-api';
import { route } from './solution';
import type { HttpRequest, Rule } from './types';

const get = (host: string, path: string, headers?: Record<string, string>): HttpRequest => ({ method: 'GET', host, path, headers });

test('rules are tried by priority, not in the order they are listed', () => {
  const rules: Rule[] = [
    { priority: 30, conditions: [{ field: 'path', values: ['/api/*'] }], target: 'late' },
    { priority: 5, conditions: [{ field: 'path', values: ['/api/*'] }], target: 'early' },
  ];
  expect(route(rules, 'web', get('example.com', '/api/users'))).toEqual({ rule: 5, target: 'early' });
}, { checks: 'the order rules are tried in' });

test('a host wildcard matches a subdomain, never the bare domain', () => {
  const rules: Rule[] = [{ priority: 1, conditions: [{ field: 'host', values: ['*.example.com'] }], target: 'tenants' }];
  expect([route(rules, 'web', get('shop.example.com', '/')).target, route(rules, 'web', get('example.com', '/')).target]).toEqual(['tenants', 'web']);
}, { checks: 'wildcards in host conditions' });

test('the query string is not part of the path', () => {
  const rules: Rule[] = [{ priority: 1, conditions: [{ field: 'path', values: ['/search'] }], target: 'search' }];
  expect(route(rules, 'web', get('example.com', '/search?q=load+balancer')).target).toBe('search');
}, { checks: 'paths with a query string' });

test('the single-character wildcard matches exactly one character, and other characters are literal', () => {
  const rules: Rule[] = [{ priority: 1, conditions: [{ field: 'path', values: ['/v?/items.json'] }], target: 'items' }];
  const target = (path: string) => route(rules, 'web', get('example.com', path)).target;
  expect([target('/v1/items.json'), target('/v10/items.json'), target('/v2/itemsxjson')]).toEqual(['items', 'web', 'web']);
}, { checks: 'single-character wildcards and literal characters' });

test('the values of one condition are alternatives, and all conditions of a rule must hold', () => {
  const rules: Rule[] = [
    {
      priority: 1,
      conditions: [
        { field: 'method', values: ['POST', 'PUT'] },
        { field: 'path', values: ['/orders/*', '/carts/*'] },
      ],
      target: 'writes',
    },
  ];
  const send = (method: string, path: string) => route(rules, 'web', { method, host: 'example.com', path }).target;
  expect([send('PUT', '/carts/7'), send('POST', '/orders/1'), send('GET', '/orders/1'), send('POST', '/users/1')]).toEqual(['writes', 'writes', 'web', 'web']);
}, { checks: 'how values and conditions combine' });

test('methods match exactly, with no wildcards and no case folding', () => {
  const rules: Rule[] = [{ priority: 1, conditions: [{ field: 'method', values: ['GET'] }], target: 'reads' }];
  expect([route(rules, 'web', { method: 'get', host: 'x', path: '/' }).target, route(rules, 'web', { method: 'G*', host: 'x', path: '/' }).target]).toEqual(['web', 'web']);
}, { checks: 'method conditions' });

test('header names and values match without regard to case, with wildcards in the value', () => {
  const rules: Rule[] = [{ priority: 1, conditions: [{ field: 'header', name: 'X-Canary', values: ['yes*'] }], target: 'canary' }];
  expect([
    route(rules, 'web', get('example.com', '/', { 'x-canary': 'YES-please' })).target,
    route(rules, 'web', get('example.com', '/', { 'X-Other': 'yes' })).target,
    route(rules, 'web', get('example.com', '/')).target,
  ]).toEqual(['canary', 'web', 'web']);
}, { checks: 'header conditions' });

test('a rule with no matching condition value falls through to the next priority', () => {
  const rules: Rule[] = [
    { priority: 1, conditions: [{ field: 'host', values: ['admin.example.com'] }, { field: 'path', values: ['/admin/*'] }], target: 'admin' },
    { priority: 2, conditions: [{ field: 'path', values: ['/admin/*'] }], target: 'forbidden' },
  ];
  expect(route(rules, 'web', get('www.example.com', '/admin/users'))).toEqual({ rule: 2, target: 'forbidden' });
}, { checks: 'falling through to the next rule' });
