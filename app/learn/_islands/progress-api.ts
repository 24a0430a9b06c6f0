import type { ProgressSnapshot } from '@/lib/progress/view';
import { api } from '@/app/ui/api-client';

/*
 * Every call the static pages' own code makes to the site's API. (The quiz and Mark complete
 * islands are the site's components and save through its ProgressProvider.)
 */

/** The learner's progress, or undefined when it cannot be read (the ticks then stay as served). */
export async function fetchProgress(): Promise<ProgressSnapshot | undefined> {
  const result = await api.progress();
  return result.ok ? result.value : undefined;
}
