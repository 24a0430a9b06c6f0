import type { NextRequest } from 'next/server';

/*
 * The Run sandbox's document. The page embeds it as <iframe sandbox="allow-scripts"> (no
 * allow-same-origin), so it has an opaque origin: no cookies, storage or DOM of the site. The CSP
 * lets it load only our runner script, eval (the harness links modules with indirect eval), start
 * blob workers, and connect nowhere; its workers inherit the same policy.
 */
export function GET(request: NextRequest) {
  // 'self' is spelled out too: in an opaque-origin document, browsers differ on what 'self' matches.
  const origin = request.nextUrl.origin;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const self = host ? `${request.nextUrl.protocol}//${host}` : origin;
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${self} 'unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test runner</title></head><body><script src="/sandbox/runner.js"></script></body></html>`;
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' },
  });
}
