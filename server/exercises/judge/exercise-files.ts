import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { exerciseOrder } from '@/content/exercises/order';
import { EXERCISE_FILES, ExerciseContentError, orderProblems, parseExercise, type Exercise, type ExerciseSources } from '@/lib/grading/load-exercises';
import { loadCourse } from '@/server/content/course-loader';

export const EXERCISES_DIR = path.join(process.cwd(), 'content', 'exercises');

/** Every exercise, validated, in the order of content/exercises/order.ts. */
export interface ExerciseCatalog {
  exercises: Exercise[];
  byId: ReadonlyMap<string, Exercise>;
}

const OPTIONAL: ReadonlySet<keyof ExerciseSources> = new Set(['decoy']);

/** Reads one exercise folder's files (the optional decoy may be missing). */
export async function readExerciseSources(folder: string, dir: string = EXERCISES_DIR): Promise<ExerciseSources> {
  const entries = await Promise.all(
    (Object.keys(EXERCISE_FILES) as (keyof ExerciseSources)[]).map(async (key) => {
      const file = path.join(/* turbopackIgnore: true */ dir, folder, EXERCISE_FILES[key]);
      try {
        return [key, await readFile(/* turbopackIgnore: true */ file, 'utf8')] as const;
      } catch (error) {
        if (OPTIONAL.has(key) && (error as NodeJS.ErrnoException).code === 'ENOENT') return [key, undefined] as const;
        throw new ExerciseContentError(`content/exercises/${folder}: missing ${EXERCISE_FILES[key]}`);
      }
    }),
  );
  const sources = Object.fromEntries(entries.filter(([, text]) => text !== undefined)) as unknown as ExerciseSources;
  return sources;
}

/** A short hash of every file of an exercise: any edit gives a new version. */
export function exerciseVersion(sources: ExerciseSources): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(EXERCISE_FILES).sort() as (keyof ExerciseSources)[]) hash.update(`${key}\u0000${sources[key] ?? ''}\u0000`);
  return hash.digest('hex').slice(0, 16);
}

/** Loads and validates every exercise folder; throws one ExerciseContentError listing every problem. */
export async function loadExerciseCatalog(dir: string = EXERCISES_DIR, order: readonly string[] = exerciseOrder): Promise<ExerciseCatalog> {
  const course = await loadCourse();
  const lessonIds = new Set(course.lessons.map((lesson) => lesson.id));
  const folders = (await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const problems = orderProblems(order, folders);
  const byId = new Map<string, Exercise>();
  for (const folder of folders) {
    try {
      const sources = await readExerciseSources(folder, dir);
      byId.set(folder, parseExercise(folder, sources, lessonIds, exerciseVersion(sources)));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length) throw new ExerciseContentError(`The exercises have problems:\n- ${problems.join('\n- ')}`);
  return { exercises: order.map((id) => byId.get(id)!), byId };
}
