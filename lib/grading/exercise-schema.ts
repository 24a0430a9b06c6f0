import { z } from 'zod';

/** How the exercise list groups exercises, in display order. */
export const EXERCISE_TOPICS = ['balancing-algorithms', 'hashing-and-affinity', 'health-checks', 'routing', 'sessions'] as const;
export type ExerciseTopic = (typeof EXERCISE_TOPICS)[number];

export const EXERCISE_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type ExerciseDifficulty = (typeof EXERCISE_DIFFICULTIES)[number];

/** Default memory for one submission's isolate. */
export const DEFAULT_MEMORY_LIMIT_MB = 32;

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, hyphens)');
const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'must be a JavaScript identifier');

/** content/exercises/<id>/meta.json. Unknown keys are errors, as in lesson frontmatter. */
export const exerciseMetaSchema = z.strictObject({
  /** Stable id, equal to the folder name; progress and verdicts are keyed by it. Never rename. */
  id: kebab,
  title: z.string().trim().min(3).max(80),
  /** One sentence for the exercise list. */
  summary: z.string().trim().min(10).max(200),
  topic: z.enum(EXERCISE_TOPICS),
  difficulty: z.enum(EXERCISE_DIFFICULTIES),
  /** The lesson id (content/lessons) this exercise practises. */
  lesson: kebab,
  /** Wall-clock budget for all of one submission's tests together, in the judge. */
  timeLimitMs: z.number().int().min(200).max(10_000),
  memoryLimitMb: z.number().int().min(8).max(128).default(DEFAULT_MEMORY_LIMIT_MB),
  /** Revealed one at a time, gentlest first. */
  hints: z.array(z.string().trim().min(10).max(600)).min(2).max(4),
  /** What solution.ts must export: the names the tests call. */
  exports: z.array(identifier).min(1),
});

export type ExerciseMeta = z.infer<typeof exerciseMetaSchema>;
