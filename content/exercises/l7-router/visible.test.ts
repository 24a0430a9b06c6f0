import { expect, test } from '@/lib/grading/test-api';
import { route } from './solution';
import type { HttpRequest, Rule } from './types';

const RULES: Rule[] = [
  { priority: 10, conditions: [{ field: 'path', values: ['/api/*'] }], target: 'api' },
  { priority: 20, conditions: [{ field: 'host', values: ['*.example.com'] }], target: 'tenants' },
  { priority: 30, conditions: [{ field: 'path', values: ['/API/*'] }], target: 'legacy' },
];
const get = (host: string, path: string, headers?: Record<string, string>): HttpRequest => ({ method: 'GET', host, path, headers });
const where = (request: HttpRequest) => route(RULES, 'web', request);

test('the lowest-numbered rule that matches wins', () => {
  expect(where(get('a.example.com', '/api/x'))).toEqual({ rule: 10, target: 'api' });
});

test('a request no rule matches goes to the default target', () => {
  expect(where(get('example.com', '/Api/x'))).toEqual({ rule: 'default', target: 'web' });
});

test('host patterns are case-insensitive', () => {
  expect(where(get('A.EXAMPLE.COM', '/x'))).toEqual({ rule: 20, target: 'tenants' });
});

test('path patterns are case-sensitive', () => {
  expect(where(get('example.com', '/API/x'))).toEqual({ rule: 30, target: 'legacy' });
});

test('a pattern must match the whole path: /api/* does not match /api', () => {
  expect(where(get('example.com', '/api'))).toEqual({ rule: 'default', target: 'web' });
});
