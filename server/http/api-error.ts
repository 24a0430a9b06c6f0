/**
 * The one error an API route answers with: the status, the message the learner sees, and any extra
 * JSON the client reads (such as the current state after a conflict). Thrown anywhere below a
 * route; `handle` (route-kit.ts) turns it into `{ error: message, ...details }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra JSON for the client, such as the current state after a conflict. */
    readonly details?: Record<string, unknown>,
    /** Extra response headers, such as Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, `There is no ${what} for you with that id.`);
