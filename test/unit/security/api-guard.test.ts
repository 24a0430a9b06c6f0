import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { refuseCrossSite } from '@/server/http/api-guard';

const post = (headers: Record<string, string>, url = 'http://localhost:3000/api/progress/x') => new NextRequest(url, { method: 'POST', headers });
const refused = (headers: Record<string, string>, url?: string) => refuseCrossSite(post(headers, url))?.status;

describe('refuseCrossSite', () => {
  it('lets the site’s own pages write: same-origin fetches, and a matching Origin', () => {
    expect(refused({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' })).toBeUndefined();
    expect(refused({ origin: 'http://localhost:3000' })).toBeUndefined();
    expect(refused({ 'sec-fetch-site': 'SAME-ORIGIN' })).toBeUndefined();
  });

  it('lets through a request with neither header (curl, a server) and one the user started (Sec-Fetch-Site: none)', () => {
    expect(refused({})).toBeUndefined();
    expect(refused({ 'sec-fetch-site': 'none' })).toBeUndefined();
  });

  it('refuses another site, by Sec-Fetch-Site alone or by Origin alone', () => {
    expect(refused({ 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(refused({ origin: 'https://evil.example' })).toBe(403);
    expect(refused({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBe(403);
  });

  it('refuses a sibling subdomain (same-site), an opaque origin and an unreadable one', () => {
    expect(refused({ 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(refused({ origin: 'null' })).toBe(403);
    expect(refused({ origin: 'not a url' })).toBe(403);
    expect(refused({ 'sec-fetch-site': 'something-new' })).toBe(403);
  });

  it('refuses a matching Origin when the browser says the request is cross-site: both must agree', () => {
    expect(refused({ origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' })).toBe(403);
  });

  it('compares Origin with the host the proxy forwarded, behind nginx', () => {
    expect(refused({ origin: 'https://traffic-cop.example', 'x-forwarded-host': 'traffic-cop.example' }, 'http://127.0.0.1:3000/api/progress/x')).toBeUndefined();
    expect(refused({ origin: 'https://evil.example', 'x-forwarded-host': 'traffic-cop.example' }, 'http://127.0.0.1:3000/api/progress/x')).toBe(403);
  });
});
