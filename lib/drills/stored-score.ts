/**
 * The score an attempt was given, as stored with it: the breakdown the learner saw on the day,
 * read back instead of scoring the answer again, so a rubric or scorer change never rewrites old
 * feedback. Attempts stored before breakdowns were kept read as their covered point ids.
 */
import { z } from 'zod';
import type { DrillQuestion } from './question-schema';
import type { DrillScore } from './score';

const quote = z.strictObject({ text: z.string(), start: z.number().int(), end: z.number().int() });
const lesson = z.strictObject({ slug: z.string(), anchor: z.string().optional() });

const storedScoreSchema = z.strictObject({
  score: z.number(),
  rawScore: z.number(),
  earned: z.number(),
  penalty: z.number(),
  possible: z.number(),
  points: z.array(z.strictObject({ id: z.string(), label: z.string(), weight: z.number(), lesson, covered: z.boolean(), quote: quote.nullable() })),
  misconceptions: z.array(z.strictObject({ id: z.string(), pointId: z.string(), says: z.string(), correction: z.string(), lesson, quote })),
  cap: z.strictObject({ reason: z.literal('keyword-list'), limit: z.number() }).nullable(),
  words: z.number(),
  truncated: z.boolean(),
});

/** The breakdown column's text for a score. */
export function serializeScore(score: DrillScore): string {
  return JSON.stringify(score);
}

/** What a stored attempt holds of its score. */
export interface StoredAttemptScore {
  breakdown: string | null;
  covered: string;
  score: number;
  rawScore: number;
  earned: number;
  possible: number;
}

/**
 * The score as it was shown when the attempt was made. An attempt from before breakdowns were
 * stored (or with an unreadable one) is rebuilt from its covered point ids and stored totals,
 * with no quotes and no misconceptions: never by scoring the answer again.
 */
export function storedScore(attempt: StoredAttemptScore, question: DrillQuestion): DrillScore {
  if (attempt.breakdown !== null) {
    const parsed = storedScoreSchema.safeParse(JSON.parse(attempt.breakdown));
    if (parsed.success) return parsed.data;
  }
  const covered = new Set(JSON.parse(attempt.covered) as string[]);
  return {
    score: attempt.score,
    rawScore: attempt.rawScore,
    earned: attempt.earned,
    penalty: 0,
    possible: attempt.possible,
    points: question.rubric.map((point) => ({ id: point.id, label: point.label, weight: point.weight, lesson: point.lesson, covered: covered.has(point.id), quote: null })),
    misconceptions: [],
    cap: null,
    words: 0,
    truncated: false,
  };
}
