/** What GET /api/health answers: nginx's readiness check reads the status code, people read the body. */
export type HealthReport = { status: 'ok'; database: 'ok' } | { status: 'unavailable'; database: 'unreachable'; reason: string };

/** How long the database may take to answer `SELECT 1` before the instance counts as not ready. */
export const DATABASE_TIMEOUT_MS = 2_000;

/**
 * Runs the database probe with a deadline and turns any outcome into a report; never throws. The
 * reason names what went wrong, not the driver's message (which can carry hosts and file paths).
 */
export async function checkHealth(probeDatabase: () => Promise<unknown>, timeoutMs: number = DATABASE_TIMEOUT_MS): Promise<{ httpStatus: 200 | 503; report: HealthReport; error?: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(probeDatabase), deadline]);
    if (outcome === 'timeout') return unavailable(`the database did not answer within ${timeoutMs} ms`);
    return { httpStatus: 200, report: { status: 'ok', database: 'ok' } };
  } catch (error) {
    return { ...unavailable('the database query failed'), error };
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(reason: string) {
  return { httpStatus: 503 as const, report: { status: 'unavailable' as const, database: 'unreachable' as const, reason } };
}
