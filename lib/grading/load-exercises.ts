import type { z } from 'zod';
import { exerciseMetaSchema, type ExerciseMeta } from './exercise-schema';
import { MODULES } from './harness/index';

/** An exercise folder's files, as read from disk (server/exercises/judge/exercise-files.ts does the reading). */
export interface ExerciseSources {
  meta: string;
  spec: string;
  starter: string;
  solution: string;
  types: string;
  visibleTests: string;
  hiddenTests: string;
  /** A plausible wrong solution that passes the visible tests and fails a hidden one (authoring check only). */
  decoy?: string;
}

/** The file each source is read from. */
export const EXERCISE_FILES: Readonly<Record<keyof ExerciseSources, string>> = {
  meta: 'meta.json',
  spec: 'spec.mdx',
  starter: 'starter.ts',
  solution: 'solution.ts',
  types: 'types.d.ts',
  visibleTests: 'visible.test.ts',
  hiddenTests: 'hidden.test.ts',
  decoy: 'decoy.ts',
};

/** A validated exercise. Server-side only as a whole: it holds the hidden tests and the solution. */
export interface Exercise {
  meta: ExerciseMeta;
  sources: Omit<ExerciseSources, 'meta'>;
  /** Changes whenever any file changes; verdicts record the version they were earned on. */
  version: string;
}

/** What the browser may see before a passing submit: no hidden tests, no solution, no decoy. */
export interface PublicExercise {
  meta: ExerciseMeta;
  spec: string;
  starter: string;
  types: string;
  visibleTests: string;
  version: string;
}

export class ExerciseContentError extends Error {}

/** The module names exercise files may import: the test API, the shared types and (tests only) the solution. */
const TEST_IMPORTS: ReadonlySet<string> = new Set([MODULES.testApi, MODULES.types, MODULES.solution, MODULES.race]);
const CODE_IMPORTS: ReadonlySet<string> = new Set([MODULES.types]);
const IMPORT_FROM = /^\s*(?:import|export)\s[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm;

/** The module names a file imports from (static `import … from` and `export … from`). */
export function importedModules(source: string): string[] {
  return [...source.matchAll(IMPORT_FROM)].map((match) => match[1]!.replace(/\.(d\.)?ts$/, ''));
}

/** True when `source` has a top-level `export` declaring `name`. */
export function exportsName(source: string, name: string): boolean {
  const declaration = new RegExp(`^export\\s+(?:declare\\s+)?(?:abstract\\s+)?(?:class|function\\*?|const|let|var|interface|type|enum)\\s+${name}\\b`, 'm');
  const list = new RegExp(`^export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`, 'm');
  return declaration.test(source) || list.test(source);
}

/**
 * Validates one exercise folder: the metadata against its schema, the folder name, the lesson it
 * practises, the exports the tests rely on and the modules each file may import. Throws one
 * ExerciseContentError listing every problem.
 */
export function parseExercise(folder: string, sources: ExerciseSources, lessonIds: ReadonlySet<string>, version: string): Exercise {
  const problems: string[] = [];
  let meta: ExerciseMeta | undefined;
  try {
    const parsed = exerciseMetaSchema.safeParse(JSON.parse(sources.meta));
    if (parsed.success) meta = parsed.data;
    else problems.push(...describeIssues('meta.json', parsed.error));
  } catch (error) {
    problems.push(`meta.json: not JSON (${(error as Error).message})`);
  }
  if (meta) {
    if (meta.id !== folder) problems.push(`meta.json: id "${meta.id}" must equal the folder name "${folder}"`);
    if (!lessonIds.has(meta.lesson)) problems.push(`meta.json: lesson "${meta.lesson}" is not a lesson in content/lessons`);
    for (const name of meta.exports) {
      for (const file of ['starter', 'solution', 'decoy'] as const) {
        const source = sources[file];
        if (source !== undefined && !exportsName(source, name)) problems.push(`${EXERCISE_FILES[file]}: must export ${name} (listed in meta.json "exports")`);
      }
    }
  }
  for (const [file, allowed] of [['starter', CODE_IMPORTS], ['solution', CODE_IMPORTS], ['decoy', CODE_IMPORTS], ['visibleTests', TEST_IMPORTS], ['hiddenTests', TEST_IMPORTS]] as const) {
    const source = sources[file];
    for (const imported of source === undefined ? [] : importedModules(source)) {
      if (!allowed.has(imported)) problems.push(`${EXERCISE_FILES[file]}: imports "${imported}"; it may import only ${[...allowed].join(', ')}`);
    }
  }
  if (!/\bNot implemented\b/.test(sources.starter)) problems.push('starter.ts: stub bodies should throw new Error(\'Not implemented\')');
  if (!sources.spec.trim()) problems.push('spec.mdx: empty');
  if (problems.length || !meta) throw new ExerciseContentError(`content/exercises/${folder}:\n  ${problems.join('\n  ')}`);
  const { spec, starter, solution, types, visibleTests, hiddenTests, decoy } = sources;
  return { meta, sources: decoy === undefined ? { spec, starter, solution, types, visibleTests, hiddenTests } : { spec, starter, solution, types, visibleTests, hiddenTests, decoy }, version };
}

/** The parts of an exercise that are safe to send to the browser. */
export function toPublicExercise(exercise: Exercise): PublicExercise {
  const { meta, sources, version } = exercise;
  return { meta, spec: sources.spec, starter: sources.starter, types: sources.types, visibleTests: sources.visibleTests, version };
}

/** Checks the ordered id list against the folders: each folder listed exactly once, nothing listed that is missing. */
export function orderProblems(order: readonly string[], folders: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    if (seen.has(id)) problems.push(`content/exercises/order.ts lists "${id}" twice`);
    seen.add(id);
    if (!folders.includes(id)) problems.push(`content/exercises/order.ts lists "${id}", which has no folder`);
  }
  for (const folder of folders) if (!seen.has(folder)) problems.push(`content/exercises/${folder} is not listed in content/exercises/order.ts`);
  return problems;
}

function describeIssues(where: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${where}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
}
