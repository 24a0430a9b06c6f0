import { describe, expect, it } from 'vitest';
import { exportsName, importedModules, orderProblems, parseExercise, toPublicExercise, type ExerciseSources } from '@/lib/grading/load-exercises';

const meta = {
  id: 'round-robin',
  title: 'Round robin',
  summary: 'Deal requests in turn.',
  topic: 'balancing-algorithms',
  difficulty: 'easy',
  lesson: 'round-robin',
  timeLimitMs: 2000,
  hints: ['Keep a position between calls.', 'Wrap with the remainder operator.'],
  exports: ['RoundRobin'],
};
const sources = (overrides: Partial<ExerciseSources> = {}): ExerciseSources => ({
  meta: JSON.stringify(meta),
  spec: '## The task\n\nDeal requests.',
  starter: "export class RoundRobin { pick(): string { throw new Error('Not implemented'); } }",
  solution: "import type { Server } from './types';\nexport class RoundRobin { pick(s: Server[]) { return s[0]!.id; } }",
  types: 'export interface Server { id: string }',
  visibleTests: "import { test } from '@/lib/grading/test-api';\nimport { RoundRobin } from './solution';\ntest('x', () => { new RoundRobin(); });",
  hiddenTests: "import { test } from '@/lib/grading/test-api';\ntest('y', () => {}, { checks: 'y' });",
  ...overrides,
});
const lessons = new Set(['round-robin']);

describe('parseExercise', () => {
  it('accepts a complete folder and fills in the default memory limit', () => {
    const exercise = parseExercise('round-robin', sources(), lessons, 'v1');
    expect(exercise.meta.memoryLimitMb).toBe(32);
    expect(Object.keys(toPublicExercise(exercise)).sort()).toEqual(['meta', 'spec', 'starter', 'types', 'version', 'visibleTests']);
  });

  it('lists every problem at once', () => {
    const broken = sources({
      meta: JSON.stringify({ ...meta, id: 'rr', lesson: 'nope', hints: ['only one hint here'] }),
      solution: "import fs from 'node:fs';\nexport const other = 1;",
    });
    expect(() => parseExercise('round-robin', broken, lessons, 'v1')).toThrow(
      /meta\.json\.hints: [^\n]*\n[\s\S]*$/,
    );
    try {
      parseExercise('round-robin', broken, lessons, 'v1');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain('must equal the folder name');
      expect(message).toContain('imports "node:fs"');
    }
  });

  it('checks the id, the lesson and the exports once the metadata is valid', () => {
    const broken = sources({ meta: JSON.stringify({ ...meta, id: 'rr', lesson: 'nope' }), solution: 'export const other = 1;' });
    expect(() => parseExercise('round-robin', broken, lessons, 'v1')).toThrow(/must equal the folder name[\s\S]*lesson "nope"[\s\S]*solution\.ts: must export RoundRobin/);
  });

  it('requires starters to throw Not implemented', () => {
    expect(() => parseExercise('round-robin', sources({ starter: 'export class RoundRobin {}' }), lessons, 'v1')).toThrow(/Not implemented/);
  });
});

describe('exercise source checks', () => {
  it('finds static imports and re-exports', () => {
    expect(importedModules("import { a } from './solution';\nimport type { T } from './types.d.ts';\nexport { b } from \"x\";")).toEqual(['./solution', './types', 'x']);
  });

  it('finds declared and listed exports', () => {
    expect(exportsName('export class RoundRobin {}', 'RoundRobin')).toBe(true);
    expect(exportsName('export function pickServer() {}', 'pickServer')).toBe(true);
    expect(exportsName('const a = 1;\nexport { a };', 'a')).toBe(true);
    expect(exportsName('class RoundRobin {}', 'RoundRobin')).toBe(false);
  });

  it('checks the declared order against the folders', () => {
    expect(orderProblems(['a', 'a', 'c'], ['a', 'b'])).toEqual([
      'content/exercises/order.ts lists "a" twice',
      'content/exercises/order.ts lists "c", which has no folder',
      'content/exercises/b is not listed in content/exercises/order.ts',
    ]);
  });
});
