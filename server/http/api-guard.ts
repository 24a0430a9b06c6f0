import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';

export function jsonError(status: number, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * The CSRF guard every state-changing handler (POST, PUT, PATCH, DELETE) calls first: a 403
 * answer for a request a browser sent from another site, or `undefined` to go on. Browsers mark
 * every request with Sec-Fetch-Site and send Origin on every non-GET one; a page cannot forge
 * either. Requests with neither (curl, server-to-server) carry no ambient cookie to abuse.
 */
export function refuseCrossSite(request: NextRequest): NextResponse | undefined {
  if (isSameOrigin(request)) return undefined;
  return jsonError(403, 'Cross-site requests are not accepted.');
}

/**
 * Reads a JSON body defensively: refuses cross-site writes and non-JSON content types,
 * stops reading past `maxBytes`, and never throws.
 */
export async function readJsonBody(request: NextRequest, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const refused = refuseCrossSite(request);
  if (refused) return { ok: false, response: refused };
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    return { ok: false, response: jsonError(415, 'Send the body as JSON (Content-Type: application/json).') };
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };

  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, response: tooLarge(maxBytes) };
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, 'The body is not valid JSON.') };
  }
}

/*
 * 'same-site' is refused too: a sibling subdomain is another site's code. 'none' is a request the
 * user started (the address bar, a bookmark). An Origin must name the host the request was sent to;
 * `Origin: null` (a sandboxed frame such as the Run sandbox, a data: URL) names none.
 */
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

function isSameOrigin(request: NextRequest): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && !ALLOWED_FETCH_SITES.has(fetchSite.toLowerCase())) return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? request.nextUrl.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function tooLarge(maxBytes: number): NextResponse {
  return jsonError(400, `The body is too large: at most ${maxBytes} bytes are accepted.`);
}
