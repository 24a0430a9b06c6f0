import type { NextRequest } from 'next/server';
import { runnerCsp, serializeCsp } from '@/server/http/security-headers';

/*
 * The Run sandbox's document. The page embeds it as <iframe sandbox="allow-scripts"> (no
 * allow-same-origin), so it has an opaque origin: no cookies, storage or DOM of the site. Its CSP
 * (runnerCsp) lets it load only our runner script, eval, start blob workers, connect nowhere and
 * be framed by the site's own pages only; its workers inherit the same policy.
 */
export function GET(request: NextRequest) {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const origin = host ? `${request.nextUrl.protocol}//${host}` : request.nextUrl.origin;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test runner</title></head><body><script src="/sandbox/runner.js"></script></body></html>`;
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': serializeCsp(runnerCsp(origin)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
