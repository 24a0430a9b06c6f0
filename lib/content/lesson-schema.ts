import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, hyphens)');
const sentence = z.string().trim().min(3);

const choiceQuestion = z.strictObject({
  id: kebab,
  kind: z.literal('choice'),
  prompt: sentence,
  choices: z.array(z.string().trim().min(1)).min(2).max(6),
  answer: z.number().int().min(0),
  explanation: sentence,
});

const shortQuestion = z.strictObject({
  id: kebab,
  kind: z.literal('short'),
  prompt: sentence,
  accept: z.array(z.string().trim().min(1)).min(1),
  explanation: sentence,
});

export const quizQuestionSchema = z.discriminatedUnion('kind', [choiceQuestion, shortQuestion]);

/** Frontmatter of content/lessons/<slug>.mdx; unknown keys are errors. */
export const lessonFrontmatterSchema = z
  .strictObject({
    id: kebab,
    title: sentence.max(80),
    description: sentence.max(240),
    objectives: z.array(sentence).min(2).max(6),
    prerequisites: z.array(kebab).default([]),
    quiz: z.array(quizQuestionSchema).min(3).max(6),
  })
  .superRefine((lesson, ctx) => {
    const ids = new Set<string>();
    lesson.quiz.forEach((question, index) => {
      if (ids.has(question.id)) ctx.addIssue({ code: 'custom', path: ['quiz', index, 'id'], message: `duplicate question id "${question.id}"` });
      ids.add(question.id);
      if (question.kind === 'choice' && question.answer >= question.choices.length) {
        ctx.addIssue({ code: 'custom', path: ['quiz', index, 'answer'], message: 'answer must index one of the choices' });
      }
    });
  });

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
