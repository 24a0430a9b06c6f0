import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import {
  API_CSP,
  PERMISSIONS_POLICY,
  REFERRER_POLICY,
  RUNNER_PATH,
  SITE_CSP,
  STRICT_TRANSPORT_SECURITY,
  runnerCsp,
  securityHeaderRules,
  serializeCsp,
  siteCsp,
  type CspDirectives,
  type HeaderRule,
} from '@/server/http/security-headers';

const SITE = 'https://traffic-cop.example';
const config = nextConfig('phase-production-server');
const rules = (await config.headers!()) as HeaderRule[];

/** The headers a path gets, matching sources as Next's router does (server/lib/router-utils/filesystem.js): later rules win. */
function headersFor(path: string, requestHeaders: Record<string, string> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    const sensitive = config.experimental?.caseSensitiveRoutes;
    if (!getPathMatch(rule.source, { strict: true, removeUnnamedParams: true, sensitive, regexModifier: (regex) => regex.replace(/\$$/, '(?:\\/)?$') })(path)) continue;
    if (rule.has?.some((condition) => requestHeaders[condition.key] !== condition.value)) continue;
    for (const { key, value } of rule.headers) result[key] = value;
  }
  return result;
}

const allSources = (csp: CspDirectives) => Object.values(csp).flat();

describe('the site policy', () => {
  it('allows nothing by default and names every kind of resource the site loads', () => {
    expect(SITE_CSP['default-src']).toEqual(["'none'"]);
    expect(Object.keys(SITE_CSP).sort()).toEqual(
      ['base-uri', 'connect-src', 'default-src', 'font-src', 'form-action', 'frame-ancestors', 'frame-src', 'img-src', 'object-src', 'script-src', 'style-src', 'worker-src'].sort(),
    );
  });

  it('runs only the site’s own scripts: inline bootstrap allowed, eval and other origins not', () => {
    expect(SITE_CSP['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(allSources(SITE_CSP)).not.toContain("'unsafe-eval'");
  });

  it('names no other origin, scheme wildcard or blob: anywhere', () => {
    const foreign = allSources(SITE_CSP).filter((source) => source.startsWith('http') || source.includes('*') || source === 'blob:' || source === 'https:');
    expect(foreign).toEqual([]);
    expect(allSources(SITE_CSP).filter((source) => source === 'data:')).toHaveLength(1);
    expect(SITE_CSP['img-src']).toContain('data:');
  });

  it('is framed by nobody, has no <base> or plugins, and posts forms only to itself', () => {
    expect(SITE_CSP['frame-ancestors']).toEqual(["'none'"]);
    expect(SITE_CSP['base-uri']).toEqual(["'none'"]);
    expect(SITE_CSP['object-src']).toEqual(["'none'"]);
    expect(SITE_CSP['form-action']).toEqual(["'self'"]);
  });

  it('starts workers and frames only from the site (the sim and Monaco workers, the Run sandbox)', () => {
    expect(SITE_CSP['worker-src']).toEqual(["'self'"]);
    expect(SITE_CSP['frame-src']).toEqual(["'self'"]);
    expect(SITE_CSP['connect-src']).toEqual(["'self'"]);
  });

  it('is what next.config.ts serves, with unsafe-eval added to script-src under next dev only', async () => {
    expect(rules).toEqual(securityHeaderRules());
    const devRules = (await nextConfig('phase-development-server').headers!()) as HeaderRule[];
    expect(devRules[0]!.headers[0]).toEqual({ key: 'Content-Security-Policy', value: serializeCsp(siteCsp({ development: true })) });
    expect(siteCsp()).toBe(SITE_CSP);
    const development = siteCsp({ development: true });
    expect(development['script-src']).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'"]);
    expect({ ...development, 'script-src': SITE_CSP['script-src'] }).toEqual(SITE_CSP);
  });

  it('serialises as directives separated by semicolons', () => {
    expect(serializeCsp({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe("default-src 'none'; img-src 'self' data:");
    expect(serializeCsp(SITE_CSP)).toMatch(/^default-src 'none'; script-src 'self' 'unsafe-inline'; /);
  });
});

describe('the API and Run sandbox policies', () => {
  it('lets JSON answers load nothing and be framed by nobody', () => {
    expect(API_CSP['default-src']).toEqual(["'none'"]);
    expect(API_CSP['frame-ancestors']).toEqual(["'none'"]);
    expect(allSources(API_CSP).every((source) => source === "'none'")).toBe(true);
  });

  it('keeps the sandbox’s eval, blob workers and no network, and lets only the site frame it', () => {
    const csp = runnerCsp(SITE);
    expect(csp['frame-ancestors']).toEqual(["'self'", SITE]);
    expect(csp['script-src']).toEqual(["'self'", SITE, "'unsafe-eval'"]);
    expect(csp['worker-src']).toEqual(['blob:']);
    expect(csp['connect-src']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(allSources(csp)).not.toContain("'unsafe-inline'");
  });
});

describe('which path gets which headers', () => {
  it.each(['/', '/learn/round-robin', '/lab', '/exercises/round-robin', '/drills/practice', '/_next/static/chunks/app.js', '/sandbox/runner.js', '/SANDBOX/RUNNER', '/sandbox/runner/extra'])(
    '%s: the site policy and every other header',
    (path) => {
      expect(headersFor(path)).toEqual({
        'Content-Security-Policy': serializeCsp(SITE_CSP),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': REFERRER_POLICY,
        'X-Frame-Options': 'DENY',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Permissions-Policy': PERMISSIONS_POLICY,
      });
    },
  );

  it.each(['/api/health', '/api/progress/why-load-balancers', '/api/drills/mock/abc'])('%s: the API policy instead of the site’s', (path) => {
    const headers = headersFor(path);
    expect(headers['Content-Security-Policy']).toBe(serializeCsp(API_CSP));
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('leaves the Run sandbox’s own policy alone: the route sets it, and a config header would replace it', () => {
    expect(headersFor(RUNNER_PATH)).toEqual({ 'Permissions-Policy': PERMISSIONS_POLICY });
  });

  it('adds HSTS only when the proxy says the request came over HTTPS', () => {
    expect(headersFor('/')['Strict-Transport-Security']).toBeUndefined();
    expect(headersFor('/', { 'x-forwarded-proto': 'http' })['Strict-Transport-Security']).toBeUndefined();
    for (const path of ['/', '/api/health', RUNNER_PATH]) expect(headersFor(path, { 'x-forwarded-proto': 'https' })['Strict-Transport-Security']).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it('uses a referrer policy that keeps Origin on the site’s own writes (no-referrer would send Origin: null)', () => {
    expect(REFERRER_POLICY).not.toBe('no-referrer');
    expect(['same-origin', 'strict-origin-when-cross-origin', 'strict-origin']).toContain(REFERRER_POLICY);
  });

  it('switches off every powerful feature it names', () => {
    const features = PERMISSIONS_POLICY.split(', ');
    expect(features.length).toBeGreaterThan(15);
    for (const feature of features) expect(feature).toMatch(/^[a-z-]+=\(\)$/);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(features).toContain(`${feature}=()`);
  });
});
