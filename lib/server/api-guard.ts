import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';

export function jsonError(status: number, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Reads a JSON body defensively: refuses cross-site writes and non-JSON content types,
 * stops reading past `maxBytes`, and never throws.
 */
export async function readJsonBody(request: NextRequest, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  if (!isSameOrigin(request)) return { ok: false, response: jsonError(403, 'Cross-site requests are not accepted.') };
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

/** Browsers send Origin on cross-site POSTs; it must name the host this request was sent to. */
function isSameOrigin(request: NextRequest): boolean {
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
