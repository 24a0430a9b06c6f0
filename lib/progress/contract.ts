import { z } from 'zod';

/** Largest request body the progress API reads; anything bigger is refused before parsing. */
export const MAX_PROGRESS_BODY_BYTES = 4096;

/** The client's id for one write, fresh per attempt and resent on a retry: it makes the retry a no-op. */
export const requestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId must be 8–64 letters, digits, "-" or "_" (a fresh UUID per attempt)');
const requestId = requestIdSchema;

/** One progress write. The requestId makes a retried request a no-op. */
export const progressRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('complete'), requestId }),
  z.strictObject({ action: z.literal('reopen'), requestId }),
  z.strictObject({
    action: z.literal('answer'),
    requestId,
    questionId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'questionId must be a quiz question id'),
    response: z.union([z.number().int().min(0).max(9), z.string().max(200, 'an answer is at most 200 characters')]),
  }),
]);

export type ProgressRequest = z.infer<typeof progressRequestSchema>;
export type { LessonProgressView, ProgressSnapshot } from './view';
export { emptyLessonProgress } from './view';
import type { ProgressAction } from './view';

/** A zod error as one readable line per problem. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

// The browser's hand-written action type (kept free of zod for the client bundle) must match the schema both ways.
type WithoutRequestId<T> = T extends unknown ? Omit<T, 'requestId'> : never;
type SchemaAction = WithoutRequestId<ProgressRequest>;
type Assert<T extends true> = T;
export type ActionMatchesSchema = Assert<[ProgressAction] extends [SchemaAction] ? ([SchemaAction] extends [ProgressAction] ? true : false) : false>;
