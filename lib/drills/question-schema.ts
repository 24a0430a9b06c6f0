import { z } from 'zod';
import { countWords, words } from './normalize';

/** What a drill asks for; the UI groups and filters by it. */
export const DRILL_KINDS = ['concept', 'design', 'trade-off', 'scenario', 'follow-up'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

/** Model answers are spoken-length: long enough to cover the rubric, short enough to say in two minutes. */
export const MODEL_ANSWER_WORDS = { min: 80, max: 300 } as const;

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, hyphens)');
const sentence = z.string().trim().min(3);
const oneToThree = z.number().int().min(1).max(3);

/** A word or phrase; matched as consecutive words after normalisation. */
const phrase = z
  .string()
  .trim()
  .min(1)
  .refine((text) => words(text).length > 0, 'must contain at least one letter or digit');

/** One required term: a phrase, or a list of interchangeable phrases (synonyms). Always a list once parsed. */
const term = z.union([phrase.transform((text) => [text]), z.array(phrase).min(1)]);
const terms = z.array(term).min(1).max(6);

/**
 * One way of stating an idea: terms that must all appear in one clause. A plain list is affirmative
 * (said without a negation over it); `{ "not": [...] }` is the idea stated by negating its terms
 * ("doesn't look at load", "never moves the other keys").
 */
const alternative = z.union([
  terms.transform((list) => ({ terms: list, negated: false })),
  z.strictObject({ not: terms }).transform(({ not }) => ({ terms: not, negated: true })),
]);

/** A wrong belief a learner may state about a point; asserting it cancels the point and costs credit. */
export const misconceptionSchema = z.strictObject({
  id: kebab,
  /** The belief in plain words, as the feedback says it back: "round robin looks at server load". */
  says: sentence.max(160),
  /** What is true instead, in one or two sentences. */
  correction: sentence.max(300),
  match: z.array(alternative).min(1),
});

/** Where a point is taught: a lesson id, and optionally a heading anchor in it. */
export const lessonRefSchema = z.strictObject({
  slug: kebab,
  anchor: z.string().regex(/^[^\s#/]+$/, 'a heading slug, without "#"').optional(),
});

export const rubricPointSchema = z.strictObject({
  id: kebab,
  /** The point's claim, as a sentence a good answer states ("Round robin ignores how busy each server is"). */
  label: sentence.max(160),
  /** 3: the core of the answer; 2: an important support; 1: a detail that marks a strong answer. */
  weight: oneToThree,
  lesson: lessonRefSchema,
  /** Alternative phrasings; the point is covered when ALL terms of ANY one alternative are stated in one clause. */
  match: z.array(alternative).min(1),
  /** Wrong beliefs about this point that answers commonly state. */
  misconceptions: z.array(misconceptionSchema).max(4).default([]),
});

export const followUpSchema = z.strictObject({
  prompt: sentence,
  /** The rubric point this follow-up digs into. */
  probes: kebab,
});

export const drillQuestionSchema = z
  .strictObject({
    id: kebab,
    prompt: sentence,
    kind: z.enum(DRILL_KINDS),
    difficulty: oneToThree,
    /** Lesson ids that teach it, the primary lesson first. */
    topics: z.array(kebab).min(1),
    /** Id of the answer template (content/drills/templates.json) whose shape fits this question. */
    template: kebab.optional(),
    /** Markdown, in this project's own words, that scores full marks against the rubric. */
    modelAnswer: z.string().trim().min(1),
    rubric: z.array(rubricPointSchema).min(2).max(8),
    followUps: z.array(followUpSchema).min(1),
  })
  .superRefine((question, ctx) => {
    const wordCount = countWords(question.modelAnswer);
    if (wordCount < MODEL_ANSWER_WORDS.min || wordCount > MODEL_ANSWER_WORDS.max) {
      ctx.addIssue({ code: 'custom', path: ['modelAnswer'], message: `must be ${MODEL_ANSWER_WORDS.min}–${MODEL_ANSWER_WORDS.max} words, found ${wordCount}` });
    }
    const topics = new Set<string>();
    question.topics.forEach((topic, index) => {
      if (topics.has(topic)) ctx.addIssue({ code: 'custom', path: ['topics', index], message: `duplicate topic "${topic}"` });
      topics.add(topic);
    });
    const pointIds = new Set<string>();
    const misconceptionIds = new Set<string>();
    question.rubric.forEach((point, index) => {
      point.misconceptions.forEach((misconception, at) => {
        if (misconceptionIds.has(misconception.id)) ctx.addIssue({ code: 'custom', path: ['rubric', index, 'misconceptions', at, 'id'], message: `duplicate misconception id "${misconception.id}"` });
        misconceptionIds.add(misconception.id);
      });
      if (pointIds.has(point.id)) ctx.addIssue({ code: 'custom', path: ['rubric', index, 'id'], message: `duplicate rubric point id "${point.id}"` });
      pointIds.add(point.id);
      if (!topics.has(point.lesson.slug)) {
        ctx.addIssue({ code: 'custom', path: ['rubric', index, 'lesson', 'slug'], message: `lesson "${point.lesson.slug}" must be one of the question's topics` });
      }
    });
    question.followUps.forEach((followUp, index) => {
      if (!pointIds.has(followUp.probes)) {
        ctx.addIssue({ code: 'custom', path: ['followUps', index, 'probes'], message: `no rubric point "${followUp.probes}"` });
      }
    });
  });

/** One file of the bank: content/drills/questions/<module>.json holds the questions whose first topic is in that module. */
export const drillQuestionFileSchema = z.strictObject({
  module: kebab,
  questions: z.array(drillQuestionSchema),
});

export const answerTemplateSchema = z
  .strictObject({
    id: kebab,
    title: sentence.max(80),
    /** When to reach for this shape, in one line. */
    summary: sentence.max(200),
    sections: z
      .array(z.strictObject({ id: kebab, title: sentence.max(60), prompt: sentence.max(200) }))
      .min(2),
  })
  .superRefine((template, ctx) => {
    const ids = new Set<string>();
    template.sections.forEach((section, index) => {
      if (ids.has(section.id)) ctx.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `duplicate section id "${section.id}"` });
      ids.add(section.id);
    });
  });

export const answerTemplatesSchema = z.array(answerTemplateSchema).min(1);

export type LessonRef = z.infer<typeof lessonRefSchema>;
export type RubricPoint = z.infer<typeof rubricPointSchema>;
export type Misconception = z.infer<typeof misconceptionSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type DrillQuestion = z.infer<typeof drillQuestionSchema>;
/** A question as authors write it (a term may be a bare string). */
export type DrillQuestionInput = z.input<typeof drillQuestionSchema>;
export type DrillQuestionFile = z.infer<typeof drillQuestionFileSchema>;
export type AnswerTemplate = z.infer<typeof answerTemplateSchema>;
