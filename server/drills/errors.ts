/** A drill request the server refuses, with the status and the message the learner sees. */
export class DrillRequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    /** Extra JSON for the client, such as the current state after a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DrillRequestError(404, `There is no ${what} for you with that id.`);
