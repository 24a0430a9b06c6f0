import { describe, expect, it } from 'vitest';
import { lessonOrder, outlineProblems } from '@/lib/content/outline-schema';

describe('course outline checks', () => {
  it('flattens modules in teaching order', () => {
    expect(lessonOrder([{ id: 'm1', title: 'One', lessons: ['a', 'b'] }, { id: 'm2', title: 'Two', lessons: ['c'] }])).toEqual(['a', 'b', 'c']);
  });

  it('reports a lesson listed twice and an empty module', () => {
    const problems = outlineProblems([
      { id: 'm1', title: 'One', lessons: ['a'] },
      { id: 'm2', title: 'Two', lessons: ['a'] },
      { id: 'm3', title: 'Three', lessons: [] },
    ]);
    expect(problems).toEqual(['lesson "a" is listed in "m1" and again in "m2"', 'module "m3" has no lessons']);
  });
});
