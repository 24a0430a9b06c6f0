import { describe, expect, it } from 'vitest';
import { lessonFrontmatterSchema } from '@/lib/content/lesson-schema';

const valid = {
  id: 'round-robin',
  title: 'Round robin',
  description: 'Requests take turns.',
  objectives: ['Trace the picks.', 'Name the failure mode.'],
  prerequisites: [],
  quiz: [1, 2, 3].map((n) => ({ id: `q${n}`, kind: 'choice', prompt: 'Which one?', choices: ['a', 'b'], answer: 0, explanation: 'Because a.' })),
};

describe('lesson frontmatter', () => {
  it('accepts a complete lesson', () => {
    expect(lessonFrontmatterSchema.safeParse(valid).success).toBe(true);
  });

  it('rejects unknown keys, so a typo cannot silently drop a field', () => {
    expect(lessonFrontmatterSchema.safeParse({ ...valid, objectve: [] }).success).toBe(false);
  });

  it('rejects an answer index outside the choices and duplicate question ids', () => {
    const badAnswer = { ...valid, quiz: [...valid.quiz.slice(1), { ...valid.quiz[0], answer: 2 }] };
    const duplicate = { ...valid, quiz: [...valid.quiz.slice(1), valid.quiz[1]] };
    expect(lessonFrontmatterSchema.safeParse(badAnswer).success).toBe(false);
    expect(lessonFrontmatterSchema.safeParse(duplicate).success).toBe(false);
  });

  it('requires at least three quiz questions and a kebab-case id', () => {
    expect(lessonFrontmatterSchema.safeParse({ ...valid, quiz: valid.quiz.slice(0, 2) }).success).toBe(false);
    expect(lessonFrontmatterSchema.safeParse({ ...valid, id: 'Round Robin' }).success).toBe(false);
  });
});
