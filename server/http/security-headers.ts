/*
 * The site's security headers, in one place: next.config.ts serves them from `headers()` (static,
 * so lesson pages stay prerendered) and the Run sandbox's route builds its own policy from here.
 * Plain TypeScript with no imports: next.config.ts loads it before anything else exists.
 */

/** A Content-Security-Policy as directive → source expressions. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** One `headers()` rule, as next.config.ts returns them. */
export interface HeaderRule {
  source: string;
  has?: { type: 'header'; key: string; value?: string }[];
  headers: { key: string; value: string }[];
}

/*
 * Every page's policy. Why each source is there:
 * - script-src 'unsafe-inline': Next's prerendered pages carry inline bootstrap scripts (the RSC
 *   payload, `self.__next_f.push(...)`) and next-themes adds one; a nonce would force dynamic
 *   rendering, and per-page hashes of the payload scripts would not fit in one static header.
 *   Everything else is 'self': no third-party script, and no 'unsafe-eval' (React, Next, Mermaid
 *   and Monaco run without it in production; the e2e test proves it).
 * - style-src 'unsafe-inline': the build inlines the stylesheets (`inlineCss`), Mermaid's SVGs
 *   carry <style> elements and style attributes, Monaco and next-themes insert <style> elements.
 * - img-src data:: Monaco's stylesheet draws small icons from data: URLs.
 * - font-src 'self': Monaco's codicon font, a bundled file.
 * - worker-src 'self': the simulation worker and Monaco's editor and TypeScript workers are
 *   bundled chunks started from their own URLs (Turbopack's worker bootstrap), never blob:.
 * - frame-src 'self': the Run sandbox, /sandbox/runner (its own, stricter policy is below).
 * - connect-src 'self': the site's JSON API and Next's own data requests.
 * - frame-ancestors 'none': no page of the site is meant to be framed, by anyone.
 */
export const SITE_CSP: CspDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** JSON answers load nothing and are framed by nobody. */
export const API_CSP: CspDirectives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The browser features no page uses, switched off for the site and every frame in it. Only names
 * Chromium knows: an unknown one is a console error on every page ('bluetooth' and 'web-share'
 * were, on Linux).
 * Clipboard access stays at its default, since Monaco's copy and paste use it.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'screen-wake-lock',
  'serial',
  'usb',
  'window-management',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** Two years; sent only when the request reached the site over HTTPS (see `securityHeaderRules`). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/*
 * 'same-origin', not 'no-referrer': under 'no-referrer' a browser sends `Origin: null` on the
 * site's own POSTs, which the CSRF guard (server/http/api-guard.ts) must refuse.
 */
export const REFERRER_POLICY = 'same-origin';

/** The Run sandbox's document; app/sandbox/runner/route.ts serves it with `runnerCsp`. */
export const RUNNER_PATH = '/sandbox/runner';

/**
 * The Run sandbox's policy: only our runner script, eval (the grading harness links the learner's
 * modules with indirect eval, inside the opaque-origin frame's one-use worker), blob workers, no
 * network, and framed by the site's own pages only. `origin` is the site's origin spelled out: in
 * an opaque-origin (sandboxed) document, browsers differ on what 'self' matches.
 */
export function runnerCsp(origin: string): CspDirectives {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'", origin, "'unsafe-eval'"],
    'worker-src': ['blob:'],
    'connect-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'self'", origin],
  };
}

/** The header value: `directive source source; directive source`. */
export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The site's policy; `next dev` adds 'unsafe-eval', which React's development build needs for its debugging stacks. */
export function siteCsp({ development = false }: { development?: boolean } = {}): CspDirectives {
  if (!development) return SITE_CSP;
  return { ...SITE_CSP, 'script-src': [...SITE_CSP['script-src']!, "'unsafe-eval'"] };
}

/*
 * Every path but the runner, whose route sets its own policy: a second CSP header would be
 * enforced as well, and the site's frame-ancestors 'none' would stop the exercise page framing it.
 */
const EXCEPT_RUNNER = `/:path((?!${RUNNER_PATH.slice(1)}$).*)`;

/** next.config.ts `headers()`. When two rules set one key, the later rule's value wins. */
export function securityHeaderRules({ development = false }: { development?: boolean } = {}): HeaderRule[] {
  return [
    {
      source: EXCEPT_RUNNER,
      headers: [
        { key: 'Content-Security-Policy', value: serializeCsp(siteCsp({ development })) },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: REFERRER_POLICY },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
      ],
    },
    { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: serializeCsp(API_CSP) }] },
    { source: RUNNER_PATH, headers: [{ key: 'Permissions-Policy', value: PERMISSIONS_POLICY }] },
    // Browsers ignore HSTS received over plain HTTP, so a spoofed X-Forwarded-Proto cannot pin anything.
    {
      source: '/:path*',
      has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
      headers: [{ key: 'Strict-Transport-Security', value: STRICT_TRANSPORT_SECURITY }],
    },
  ];
}
