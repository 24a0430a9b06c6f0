import { NextRequest } from 'next/server';

export const ORIGIN = 'http://localhost:3000';

// Each route types its own params; the client passes whatever the URL pattern captured.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response> | Response;

/** Route handlers by URL pattern ("/api/drills/mock/[sessionId]"), as Next would dispatch them. */
export type Routes = Record<string, Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Handler>>>;

/**
 * One browser for integration tests: a cookie jar, the site's origin, and an address (for the
 * per-address rate limits), calling route handlers directly with NextRequest as Next would.
 */
export class BrowserClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly routes: Routes,
    public ip = '203.0.113.10',
  ) {}

  async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; response: Response }> {
    const [handler, params] = this.route(method, path);
    const requestHeaders = new Headers({ origin: ORIGIN, 'x-forwarded-for': this.ip, ...headers });
    if (this.cookies.size) requestHeaders.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    if (body !== undefined) requestHeaders.set('content-type', 'application/json');
    const request = new NextRequest(`${ORIGIN}${path}`, { method, headers: requestHeaders, body: body === undefined ? undefined : JSON.stringify(body) });
    const response = await handler(request, { params: Promise.resolve(params) });
    this.keepCookies(response);
    const json = (await response.clone().json().catch(() => ({}))) as Record<string, unknown>;
    return { status: response.status, json, response };
  }

  /** Sets one cookie, as a copied or stolen one would be. */
  withCookie(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  /** Copies the jar (another tab of the same browser). */
  clone(): BrowserClient {
    const copy = new BrowserClient(this.routes, this.ip);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || pair!.slice(at + 1) === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(at + 1));
    }
  }

  private route(method: string, path: string): [Handler, Record<string, string>] {
    const url = path.split('?')[0]!;
    for (const [pattern, handlers] of Object.entries(this.routes)) {
      const names: string[] = [];
      const regex = new RegExp(`^${pattern.replace(/\[\.\.\.(\w+)\]/g, (_, name: string) => (names.push(name), '(.+)')).replace(/\[(\w+)\]/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
      const match = regex.exec(url);
      const handler = handlers[method as keyof typeof handlers];
      if (match && handler) return [handler, Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]))];
    }
    throw new Error(`No route for ${method} ${path}`);
  }
}
