import { NextRequest, NextResponse } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { TOO_LARGE } from '@/lib/exercises/contract';

const identity = vi.hoisted(() => ({ learnerId: undefined as string | undefined }));
vi.mock('@/server/learners/identity', () => ({
  readingLearnerId: async () => identity.learnerId,
  writingLearnerFor: (id: string | undefined, timeZone?: string) => (id ? { id, isNew: false, timeZone } : { id: 'new-learner', isNew: true, timeZone }),
}));

const { handle } = await import('@/server/http/route-kit');
const { ApiError } = await import('@/server/http/api-error');

const url = 'http://localhost:3000/api/thing';
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new NextRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const schema = z.strictObject({ name: z.string(), timeZone: z.string().optional() });
const body = { schema, what: 'thing', maxBytes: 64 };

beforeEach(() => {
  identity.learnerId = undefined;
});

describe('handle', () => {
  it('answers the handler’s value as uncached JSON, with the validated body and the route params', async () => {
    const route = handle({ params: ['id'], body }, async ({ params, body }) => ({ id: params.id, name: body.name }));
    const response = await route(json({ name: 'a' }), { params: Promise.resolve({ id: '7' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ id: '7', name: 'a' });
  });

  it('refuses a cross-site write before reading anything, but lets a cross-site read through', async () => {
    const run = vi.fn(async () => ({}));
    const write = await handle({ body }, run)(json({ name: 'a' }, { 'sec-fetch-site': 'cross-site' }));
    expect(write.status).toBe(403);
    expect(run).not.toHaveBeenCalled();
    const read = await handle({}, run)(new NextRequest(url, { headers: { 'sec-fetch-site': 'cross-site' } }));
    expect(read.status).toBe(200);
  });

  it('refuses a body that is not JSON, too large, or does not match the contract, in the shape the pages read', async () => {
    const route = handle({ body }, async () => ({}));
    expect((await route(new NextRequest(url, { method: 'POST', body: '{}' }))).status).toBe(415);
    const large = await route(json({ name: 'x'.repeat(100) }));
    expect([large.status, await large.json()]).toEqual([400, { error: 'The body is too large: at most 64 bytes are accepted.' }]);
    expect((await route(json('{nope'))).status).toBe(400);
    const invalid = await route(json({ name: 3 }));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toMatch(/^Invalid thing: name: /);
  });

  it('answers 413 when a field is refused as too large by its contract', async () => {
    const big = z.strictObject({ code: z.string().refine((text) => text.length < 3, { params: { reason: TOO_LARGE } }) });
    const response = await handle({ body: { schema: big, what: 'submission', maxBytes: 64 } }, async () => ({}))(json({ code: 'abcdef' }));
    expect(response.status).toBe(413);
  });

  it('maps an ApiError to its status, message, details and headers', async () => {
    const route = handle({}, async () => {
      throw new ApiError(429, 'Slow down.', { retryAfterMs: 2000 }, { 'Retry-After': '2' });
    });
    const response = await route(new NextRequest(url));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'Slow down.', retryAfterMs: 2000 });
  });

  it('lets any other error through, so it stays a 500 with its stack in the log', async () => {
    const route = handle({}, async () => {
      throw new TypeError('bug');
    });
    await expect(route(new NextRequest(url))).rejects.toThrow('bug');
  });

  it('gives a write a new learner with the body’s time zone and sets its cookie, but only when the write succeeds', async () => {
    let seen: unknown;
    const ok = await handle({ body, learner: 'write' }, async ({ learner }) => (seen = learner))(json({ name: 'a', timeZone: 'Europe/Paris' }));
    expect(seen).toEqual({ id: 'new-learner', isNew: true, timeZone: 'Europe/Paris' });
    expect(ok.headers.get('set-cookie')).toContain('new-learner');

    const refused = await handle({ body, learner: 'write' }, async () => {
      throw new ApiError(409, 'Taken.');
    })(json({ name: 'a' }));
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('reads the existing learner and sets no cookie for one that exists; a read learner becomes a writer only on request', async () => {
    identity.learnerId = 'known';
    const read = await handle({ learner: 'read' }, async ({ learnerId }) => ({ learnerId }))(new NextRequest(url));
    expect(await read.json()).toEqual({ learnerId: 'known' });

    identity.learnerId = undefined;
    const untouched = await handle({ learner: 'read' }, async () => ({}))(json({}));
    expect(untouched.headers.get('set-cookie')).toBeNull();
    const promoted = await handle({ learner: 'read' }, async ({ writer }) => writer().id)(json({}));
    expect(promoted.headers.get('set-cookie')).toContain('new-learner');
  });

  it('passes a NextResponse the handler built through unchanged', async () => {
    const response = await handle({}, async () => new NextResponse(null, { status: 204 }))(new NextRequest(url));
    expect(response.status).toBe(204);
  });
});
