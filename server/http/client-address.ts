import 'server-only';

/**
 * The client's address as the balancer in front reports it. nginx overwrites X-Forwarded-For with
 * the connecting address (test/support/nginx.ts), so the header holds one address; if a client
 * could reach an instance directly it could name any address here (README, "Several instances").
 * Requests with no such header (tests, a single local instance) share one key.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded ? forwarded.slice(0, 64) : 'local';
}
