import { z } from 'zod';
import { requestIdSchema } from '@/lib/progress/contract';
import { joinSections } from './answer-text';
import { isTimeZone } from './calendar';
import { MOCK_PHASE_IDS, MOCK_QUESTIONS, PHASE_SECONDS } from './mock-phases';
import { MAX_ANSWER_CHARS } from './limits';

/** Largest request body a drill API reads: a 5,000-character answer, JSON-escaped, fits with room to spare. */
export const MAX_DRILL_BODY_BYTES = 64 * 1024;

const requestId = requestIdSchema;
const id = (what: string) => z.string().regex(/^[a-z0-9-]{1,80}$/, `${what} must be a lower-case id`);
const timeZone = z
  .string()
  .refine(isTimeZone, 'timeZone must be an IANA time zone such as "Europe/Paris"')
  .optional();
const grouped = (n: number) => n.toLocaleString('en-US');

/** The message a learner sees for an over-long answer. */
export function tooLongMessage(length: number, limit = MAX_ANSWER_CHARS): string {
  return `An answer is at most ${grouped(limit)} characters and this one has ${grouped(length)}: cut ${grouped(length - limit)}. Interviewers want the key points, not everything.`;
}

const answerText = z.string().max(MAX_ANSWER_CHARS, { error: (issue) => tooLongMessage((issue.input as string).length) });
const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)' });

/** A practice answer: free text, or the sections of the question's answer template. */
export const attemptRequestSchema = z
  .strictObject({
    requestId,
    questionId: id('questionId'),
    timeZone,
    answer: answerText.optional(),
    sections: z.record(id('a section id'), answerText).optional(),
  })
  .superRefine((request, ctx) => {
    if ((request.answer === undefined) === (request.sections === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'send either answer (free text) or sections (a template), not both' });
      return;
    }
    const text = request.answer ?? joinSections(request.sections!, Object.keys(request.sections!));
    if (text.trim().length === 0) ctx.addIssue({ code: 'custom', path: [request.answer === undefined ? 'sections' : 'answer'], message: 'Write an answer before submitting.' });
    else if (text.length > MAX_ANSWER_CHARS) ctx.addIssue({ code: 'custom', path: ['sections'], message: tooLongMessage(text.length) });
  });

export const selfRatingRequestSchema = z.strictObject({ requestId, rating, timeZone });

export const mockStartRequestSchema = z.strictObject({
  requestId,
  timeZone,
  questionCount: z.number().int().min(MOCK_QUESTIONS.min).max(MOCK_QUESTIONS.max),
  /** Seconds for each phase, in MOCK_PHASES order. */
  phaseSeconds: z.array(z.number().int().min(PHASE_SECONDS.min).max(PHASE_SECONDS.max)).length(MOCK_PHASE_IDS.length),
  /** Draw questions from one course module only. */
  module: id('module').optional(),
});

export const mockActionRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('submit'),
    requestId,
    timeZone,
    position: z.number().int().min(0).max(MOCK_QUESTIONS.max - 1),
    phase: z.enum(MOCK_PHASE_IDS),
    text: answerText,
  }),
  z.strictObject({ action: z.literal('resume'), requestId }),
  z.strictObject({ action: z.literal('discard'), requestId }),
]);

/**
 * A learner's claim about a point the scorer marked missed: "dispute" records it (for finding
 * rubric gaps), "confirm" says they compared it with the model answer and stand by it, which
 * counts the point for their own mastery. The stored score never changes.
 */
export const disputeRequestSchema = z.strictObject({ requestId, timeZone, pointId: id('pointId'), action: z.enum(['dispute', 'confirm']) });

export const reviewRatingRequestSchema = z.strictObject({ requestId, rating, timeZone });

export type AttemptRequest = z.infer<typeof attemptRequestSchema>;
export type SelfRatingRequest = z.infer<typeof selfRatingRequestSchema>;
export type MockStartRequest = z.infer<typeof mockStartRequestSchema>;
export type MockActionRequest = z.infer<typeof mockActionRequestSchema>;
export type DisputeRequest = z.infer<typeof disputeRequestSchema>;
export type ReviewRatingRequest = z.infer<typeof reviewRatingRequestSchema>;
