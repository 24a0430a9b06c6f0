import 'server-only';
import { ApiError } from '../http/api-error';
import { getExercise, type PublicExercise } from './judge';

/** The exercise a route's `[id]` names; a 404 when there is none. */
export async function requireExercise(id: string): Promise<PublicExercise> {
  const exercise = await getExercise(id);
  if (!exercise) throw new ApiError(404, `There is no exercise "${id.slice(0, 80)}".`);
  return exercise;
}
