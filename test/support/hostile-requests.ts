import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Prisma, type PrismaClient } from '@prisma/client';
import fc from 'fast-check';
import { NextRequest } from 'next/server';

/*
 * The API as an attacker sees it, shared by scripts/bench/hostile-requests.ts (10,000 requests over
 * HTTP), test/integration/hostile-requests.test.ts (a seeded sample, in process) and
 * test/integration/csrf.test.ts: every route found in app/api, valid requests to each, and a
 * generator of requests that must all be refused without a 5xx or a write.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
export const STATE_CHANGING: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export interface ApiRoute {
  file: string;
  /** The URL path with Next's segments, e.g. `/api/drills/mock/[sessionId]`. */
  pattern: string;
  params: string[];
  methods: HttpMethod[];
}

export interface ApiRequest {
  route: ApiRoute;
  method: HttpMethod;
  params: Record<string, string>;
  query?: string;
  headers: Record<string, string>;
  body?: string;
  /** What makes the request hostile (or `valid`), for reports. */
  defect: string;
}

export interface ApiAnswer {
  status: number;
  text: string;
  setCookie: string | null;
  threw?: unknown;
}

export type Send = (request: ApiRequest) => Promise<ApiAnswer>;

/** Every app/api/**\/route.ts and the HTTP methods it exports, read from the source. */
export function discoverApiRoutes(root: string = process.cwd()): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name === 'route.ts') routes.push(describeRoute(root, file));
    }
  };
  walk(path.join(root, 'app', 'api'));
  return routes;
}

function describeRoute(root: string, file: string): ApiRoute {
  const source = readFileSync(file, 'utf8');
  const exported = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) exported.add(match[1]!);
  for (const match of source.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}/g)) for (const name of match[1]!.split(',')) exported.add(name.split(':').pop()!.trim());
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const name of match[1]!.split(',')) exported.add(name.split(/\s+as\s+/).pop()!.trim());
  const segments = path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment));
  return {
    file: path.relative(root, file),
    pattern: `/${segments.join('/')}`,
    params: segments.flatMap((segment) => /^\[+(?:\.\.\.)?([^\]]+)\]+$/.exec(segment)?.[1] ?? []),
    methods: METHODS.filter((method) => exported.has(method)),
  };
}

/** The request's path and query, each parameter percent-encoded (a catch-all's slashes kept). */
export function requestPath(request: ApiRequest): string {
  const filled = request.route.pattern.replace(/\[+(\.\.\.)?([^\]]+)\]+/g, (_, catchAll: string | undefined, name: string) => {
    const value = request.params[name] ?? '';
    return catchAll ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
  return `${filled}${request.query ?? ''}`;
}

/** The params object Next passes a handler: a catch-all segment's value is an array of its parts. */
function routeParams(request: ApiRequest): Record<string, string | string[]> {
  const catchAll = new Set([...request.route.pattern.matchAll(/\[+\.\.\.([^\]]+)\]+/g)].map((match) => match[1]!));
  return Object.fromEntries(Object.entries(request.params).map(([name, value]) => [name, catchAll.has(name) ? value.split('/') : value]));
}

/**
 * Sends requests to a running server. A request whose connection fails is sent once more, as a
 * browser would: a keep-alive socket the server closed after refusing an unread 1 MB body can
 * meet the next request. `retried` counts those; a second failure is the answer.
 */
export function httpTransport(baseUrl: string): Send & { retried: number } {
  const send = async (request: ApiRequest, attempt = 1): Promise<ApiAnswer> => {
    try {
      const response = await fetch(`${baseUrl}${requestPath(request)}`, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
      return { status: response.status, text: await response.text(), setCookie: response.headers.get('set-cookie') };
    } catch (error) {
      if (attempt === 1) {
        transport.retried += 1;
        return send(request, 2);
      }
      return { status: 0, text: '', setCookie: null, threw: error };
    }
  };
  const transport = Object.assign((request: ApiRequest) => send(request), { retried: 0 });
  return transport;
}

/** Calls the route handlers in this process, as Next would; a thrown error is what Next would answer 500 for. */
export function inProcessTransport(origin: string, root: string = process.cwd()): Send {
  const modules = new Map<string, Promise<Record<string, unknown>>>();
  return async (request) => {
    const file = path.resolve(root, request.route.file);
    if (!modules.has(file)) modules.set(file, import(/* @vite-ignore */ file) as Promise<Record<string, unknown>>);
    const handler = (await modules.get(file)!)[request.method] as ((request: NextRequest, context: unknown) => Promise<Response>) | undefined;
    if (!handler) return { status: 405, text: '', setCookie: null };
    try {
      const next = new NextRequest(`${origin}${requestPath(request)}`, { method: request.method, headers: request.headers, body: request.body });
      const response = await handler(next, { params: Promise.resolve(routeParams(request)) });
      return { status: response.status, text: await response.text(), setCookie: response.headers.get('set-cookie') };
    } catch (error) {
      return { status: 500, text: '', setCookie: null, threw: error };
    }
  };
}

/**
 * Tables a refused request may still write, by design: better-auth's rate-limit windows count every
 * request to /api/auth (per address and path), refused or not, and the judge's buckets count every
 * submission that reaches them. No other table may change.
 */
export const REQUEST_BOOKKEEPING_TABLES: ReadonlySet<string> = new Set(['RateLimit', 'JudgeBucket']);

/** The tables, bookkeeping aside, whose row counts differ between two `countRows` results. */
export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((table) => !REQUEST_BOOKKEEPING_TABLES.has(table) && before[table] !== after[table]).map((table) => `${table}: ${before[table]} rows before, ${after[table]} after`);
}

/** Rows in every table of the schema, by model name. Works on SQLite and PostgreSQL alike. */
export async function countRows(client: PrismaClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Prisma.dmmf.datamodel.models) {
    const delegate = (client as unknown as Record<string, { count(): Promise<number> }>)[model.name[0]!.toLowerCase() + model.name.slice(1)]!;
    counts[model.name] = await delegate.count();
  }
  return counts;
}

/** Ids a realistic attack needs: real content, a victim learner with data, and the attacker's own learner. */
export interface Fixtures {
  origin: string;
  lessonId: string;
  exerciseId: string;
  questionId: string;
  victim: { cookie: string; attemptId: string; sessionId: string; cardId: string };
  attacker: { cookie: string };
}

const ANSWER = 'Round robin suits identical servers and requests of similar cost. It ignores load.';
const CODE = 'export const draft = 1;\n';

/** A valid body per state-changing route. `freeText` fields accept any string, so injecting into them is not a defect. */
const TEMPLATES: Record<string, (requestId: string) => { body: Record<string, unknown>; freeText: string[] }> = {
  'POST /api/progress/[lessonId]': (requestId) => ({ body: { action: 'complete', requestId }, freeText: [] }),
  'POST /api/drills/attempts': (requestId) => ({ body: { requestId, questionId: 'round-robin-when-and-why-not', answer: ANSWER }, freeText: ['answer'] }),
  'POST /api/drills/attempts/[attemptId]/rating': (requestId) => ({ body: { requestId, rating: 3 }, freeText: [] }),
  // ANSWER never says what to use instead of round robin, so the point is missed and may be disputed.
  'POST /api/drills/attempts/[attemptId]/disputes': (requestId) => ({ body: { requestId, pointId: 'what-instead', action: 'dispute' }, freeText: [] }),
  'POST /api/drills/mock': (requestId) => ({ body: { requestId, questionCount: 1, phaseSeconds: [60, 60, 60, 60] }, freeText: [] }),
  'POST /api/drills/mock/[sessionId]': (requestId) => ({ body: { action: 'submit', requestId, position: 0, phase: 'clarify', text: ANSWER }, freeText: ['text'] }),
  'POST /api/drills/review/[cardId]': (requestId) => ({ body: { requestId, rating: 3 }, freeText: [] }),
  'PUT /api/exercises/[id]/draft': () => ({ body: { code: CODE }, freeText: ['code'] }),
  'POST /api/exercises/[id]/submissions': () => ({ body: { code: CODE }, freeText: ['code'] }),
};

/** Route parameters that name something a learner owns. */
const OWNED_PARAMS = new Set(['attemptId', 'sessionId', 'cardId']);

function fixtureParams(route: ApiRoute, fixtures: Fixtures): Record<string, string> {
  const known: Record<string, string> = {
    lessonId: fixtures.lessonId,
    id: fixtures.exerciseId,
    attemptId: fixtures.victim.attemptId,
    sessionId: fixtures.victim.sessionId,
    cardId: fixtures.victim.cardId,
    // app/api/auth/[...all]: better-auth's endpoints.
    all: 'sign-in/email',
  };
  return Object.fromEntries(route.params.map((name) => [name, known[name] ?? 'x']));
}

/** A request a same-origin page would send; the body is the route's template, or `{}` for a route without one. */
export function validRequest(route: ApiRoute, method: HttpMethod, fixtures: Fixtures, options: { requestId?: string; cookie?: string } = {}): ApiRequest {
  const template = TEMPLATES[`${method} ${route.pattern}`]?.(options.requestId ?? `valid-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const writes = STATE_CHANGING.includes(method);
  const headers: Record<string, string> = { origin: fixtures.origin, 'sec-fetch-site': 'same-origin', ...(writes ? { 'content-type': 'application/json' } : {}) };
  if (options.cookie) headers.cookie = `tc_learner=${options.cookie}`;
  return { route, method, params: fixtureParams(route, fixtures), headers, body: writes ? JSON.stringify(template?.body ?? {}) : undefined, defect: 'valid' };
}

/** Creates the victim's data (a practice answer, its review cards, a mock interview) and the attacker's learner, through the API. */
export async function seedFixtures(send: Send, routes: ApiRoute[], content: { origin: string; lessonId: string; exerciseId: string }): Promise<Fixtures> {
  const route = (pattern: string) => routes.find((candidate) => candidate.pattern === pattern) ?? fail(`no route ${pattern}`);
  const draft: Fixtures = { ...content, questionId: 'round-robin-when-and-why-not', victim: { cookie: '', attemptId: '', sessionId: '', cardId: '' }, attacker: { cookie: '' } };
  const call = async (pattern: string, method: HttpMethod, cookie?: string) => {
    const answer = await send(validRequest(route(pattern), method, draft, { cookie }));
    if (answer.status !== 200) fail(`seeding ${method} ${pattern} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    return { json: JSON.parse(answer.text) as Record<string, unknown>, cookie: /tc_learner=([a-f0-9]{32})/.exec(answer.setCookie ?? '')?.[1] };
  };
  const attempt = await call('/api/drills/attempts', 'POST');
  const victim = attempt.cookie ?? fail('the first answer set no cookie');
  const queue = await call('/api/drills/review', 'GET', victim);
  const mock = await call('/api/drills/mock', 'POST', victim);
  const attacker = (await call('/api/progress/[lessonId]', 'POST')).cookie ?? fail('no attacker cookie');
  return {
    ...draft,
    victim: { cookie: victim, attemptId: String(attempt.json.attemptId), sessionId: String(mock.json.id), cardId: String((queue.json.card as { id: string } | null)?.id ?? fail('the victim has no review card')) },
    attacker: { cookie: attacker },
  };
}

function fail(message: string): never {
  throw new Error(message);
}

const INJECTIONS = [
  "' OR 1=1 --",
  '" OR ""="',
  '1; DROP TABLE "Learner"; --',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  'abc\u0000def',
  '%00',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  '-1',
  '1e309',
  '\u202eevil',
  '😀',
  '',
  ' ',
  '..',
  '#',
  '?',
  'a'.repeat(300),
  'a'.repeat(5_000),
  'A'.repeat(32),
  '0'.repeat(32),
];
// A string of this shape is a well-formed requestId: injecting one into that field is a valid write, not a defect.
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const HEADER_SAFE = INJECTIONS.filter((value) => /^[\x20-\x7e]*$/.test(value));
const WRONG_TYPES: unknown[] = [null, true, false, {}, [], { $ne: null }, ['x'], -1, 1.5];
const UNKNOWN_FIELDS = ['"__proto__":{"polluted":"yes"}', '"constructor":{"prototype":{"polluted":"yes"}}', '"learnerId":"0123456789abcdef0123456789abcdef"', '"isAdmin":true', '"$where":"1==1"', '"status":"accepted"'];
const BAD_JSON = ['{', '{"requestId":', 'not json', "{'action':'complete'}", '{"a":1,}', '\u0000', '', 'NaN', '{"a":undefined}', '['.repeat(3_000)];
const NON_OBJECT_JSON = ['[]', '"complete"', 'null', '42', 'true', '[{"action":"complete"}]', `${'['.repeat(1_000)}${']'.repeat(1_000)}`];
const WRONG_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/html'];
const HUGE_BYTES = [5_000, 70_000, 140_000, 1_100_000];
// Text no database column can hold: a NUL (PostgreSQL) or half a surrogate pair (Prisma, either database).
const UNSTORABLE = ['export const x = 1;\u0000', '\u0000', 'export const s = "\uD800";', '\uDFFF export const x = 1;', 'a\uD83D'];
const CROSS_SITE: Record<string, string>[] = [
  { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  { origin: 'https://evil.example' },
  { 'sec-fetch-site': 'cross-site' },
  { origin: 'null', 'sec-fetch-site': 'cross-site' },
  { origin: 'https://sibling.traffic-cop.example', 'sec-fetch-site': 'same-site' },
  { origin: 'not a url' },
];
const JUNK_HEADERS: Record<string, string>[] = [{ 'user-agent': "' OR 1=1 --" }, { 'x-forwarded-for': '<script>' }, { 'accept-language': '../../etc/passwd' }, { 'x-request-id': 'a'.repeat(4_000) }];

/** Cross-site header sets a browser (or a forger) could send; every one must be refused on a write. */
export const CROSS_SITE_HEADERS: readonly Record<string, string>[] = CROSS_SITE;

interface Target {
  route: ApiRoute;
  method: HttpMethod;
}

/**
 * Requests that must all be refused: malformed, oversized, mistyped, cross-site, aimed at
 * another learner's data or at ids full of injection strings, with bad cookies and junk headers.
 * A write is only ever sent with a defect that must stop it, so "nothing was written" is exact.
 */
export function hostileRequests(routes: ApiRoute[], fixtures: Fixtures): fc.Arbitrary<ApiRequest> {
  const targets: Target[] = routes.flatMap((route) => route.methods.filter((method) => method === 'GET' || STATE_CHANGING.includes(method)).map((method) => ({ route, method })));
  const badCookies = [...HEADER_SAFE.map((value) => `tc_learner=${value}`), `tc_learner=${fixtures.victim.cookie.toUpperCase()}`, `tc_learner="${fixtures.attacker.cookie}"`, `tc_learner=${'a'.repeat(8_000)}`, 'tc_learner', '=;;=;', `other=1; tc_learner=${'f'.repeat(32)}`];
  const anyCookie = fc.constantFrom<string | undefined>(undefined, `tc_learner=${fixtures.victim.cookie}`, `tc_learner=${fixtures.attacker.cookie}`, ...badCookies);
  const decorations = fc.record({
    cookie: anyCookie,
    sameOrigin: fc.boolean(),
    query: fc.option(fc.constantFrom(...INJECTIONS.map((value) => `?q=${encodeURIComponent(value)}`), '?__proto__[polluted]=1', `?${'a'.repeat(2_000)}`), { nil: undefined }),
    junk: fc.option(fc.constantFrom(...JUNK_HEADERS), { nil: undefined }),
    requestId: fc.integer({ min: 1, max: 2 ** 31 }).map((n) => `hostile-${n}`),
  });
  return fc.tuple(fc.constantFrom(...targets), decorations, fc.nat()).chain(([target, decoration, pick]) => {
    const valid = validRequest(target.route, target.method, fixtures, { requestId: decoration.requestId });
    const headers = (extra: Record<string, string>, cookie: string | null | undefined = decoration.cookie) => ({
      ...(decoration.sameOrigin ? { origin: fixtures.origin, 'sec-fetch-site': 'same-origin' } : {}),
      ...(cookie ? { cookie } : {}),
      ...decoration.junk,
      ...extra,
    });
    const base = (defect: string, extra: Partial<ApiRequest> & { headers?: Record<string, string> } = {}): ApiRequest => ({ ...valid, query: decoration.query, ...extra, headers: headers(extra.headers ?? {}), defect });
    const injectedParam = target.route.params.length > 0 && fc.constantFrom(...INJECTIONS).map((value) => base('injection in the path', { params: { ...valid.params, [target.route.params[pick % target.route.params.length]!]: value }, headers: jsonIf(valid) }));
    const ownedParams = target.route.params.filter((name) => OWNED_PARAMS.has(name));
    // No cookie (null, not undefined: undefined would fall back to the decoration's, maybe the victim's) or the attacker's own.
    const otherLearner = ownedParams.length > 0 && fc.constantFrom(null, `tc_learner=${fixtures.attacker.cookie}`).map((cookie) => ({ ...base("another learner's id", { headers: jsonIf(valid) }), headers: headers(jsonIf(valid), cookie) }));
    if (!STATE_CHANGING.includes(target.method)) {
      return fc.oneof(...[injectedParam, otherLearner, fc.constant(base('a bad cookie or junk query'))].filter(isArbitrary));
    }
    const template = TEMPLATES[`${target.method} ${target.route.pattern}`]?.(decoration.requestId);
    const json = { 'content-type': 'application/json' };
    const fields = Object.keys(template?.body ?? {});
    const field = fields[pick % Math.max(1, fields.length)];
    const withField = (value: unknown, name = field!) => JSON.stringify({ ...template!.body, [name]: value });
    const idFields = fields.filter((name) => !template!.freeText.includes(name) && typeof template!.body[name] === 'string');
    const idField = idFields[pick % Math.max(1, idFields.length)];
    const unsupported = STATE_CHANGING.filter((method) => !target.route.methods.includes(method));
    return fc.oneof(
      ...[
        // An empty body is only a defect where a JSON body is required: DELETE /api/account/data wants none.
        fc.constantFrom(...BAD_JSON.filter((body) => template !== undefined || body !== '')).map((body) => base('invalid JSON', { body, headers: json })),
        fc.constantFrom(...NON_OBJECT_JSON).map((body) => base('JSON that is not an object', { body, headers: json })),
        fc.constantFrom(...WRONG_CONTENT_TYPES, 'none').map((type) => base(`content type ${type}`, { headers: type === 'none' ? {} : { 'content-type': type } })),
        fc.constantFrom(...HUGE_BYTES).map((bytes) => base(`a ${bytes}-byte body`, { body: JSON.stringify({ ...template?.body, pad: 'x'.repeat(bytes) }), headers: json })),
        fc.constantFrom(...CROSS_SITE).map((site) => ({ ...base('cross-site'), headers: { ...json, ...site, cookie: `tc_learner=${fixtures.victim.cookie}` } })),
        unsupported.length > 0 && fc.constantFrom(...unsupported).map((method) => base(`method ${method}`, { method, headers: json })),
        injectedParam,
        otherLearner,
        field !== undefined && fc.constantFrom(...WRONG_TYPES).map((value) => base(`${field} of the wrong type`, { body: withField(value), headers: json })),
        field !== undefined && fc.constant(base(`no ${field}`, { body: JSON.stringify(omit(template!.body, field)), headers: json })),
        template && fc.constantFrom(...UNKNOWN_FIELDS).map((extra) => base('an unknown field', { body: `{${extra},${JSON.stringify(template.body).slice(1)}`, headers: json })),
        field !== undefined && fc.constant(base(`an oversized ${field}`, { body: withField('A'.repeat(70_000)), headers: json })),
        template?.freeText.includes('code') && fc.constantFrom(...UNSTORABLE).map((value) => base('unstorable text in code', { body: withField(value, 'code'), headers: json })),
        idField !== undefined && fc.constantFrom(...INJECTIONS.filter((value) => idField !== 'requestId' || !REQUEST_ID.test(value))).map((value) => base(`injection in ${idField}`, { body: withField(value, idField), headers: json })),
      ].filter(isArbitrary),
    );
  });
}

function jsonIf(request: ApiRequest): Record<string, string> {
  return request.body === undefined ? {} : { 'content-type': 'application/json' };
}

function omit(body: Record<string, unknown>, field: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== field));
}

function isArbitrary(value: unknown): value is fc.Arbitrary<ApiRequest> {
  return value instanceof fc.Arbitrary;
}

/** Why an answer to a hostile request is wrong, or undefined: never a 5xx, and never a write accepted (a 3xx, such as Next's trailing-slash redirect, is not). */
export function problemWith(request: ApiRequest, answer: ApiAnswer): string | undefined {
  const what = `${request.method} ${requestPath(request).slice(0, 120)} (${request.defect})`;
  if (answer.threw !== undefined) return `${what} threw: ${describeError(answer.threw)}`;
  if (answer.status >= 500 || answer.status < 100) return `${what} answered ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (STATE_CHANGING.includes(request.method) && answer.status < 300) return `${what} was accepted (${answer.status})`;
  return undefined;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? error.message : `${error.message} (${describeError(error.cause)})`;
}
