import type { NextRequest } from 'next/server';
import { FAILS_BEFORE_SOLUTION } from '@/lib/exercises/solution-access';
import { jsonError } from '@/server/http/api-guard';
import { readingLearnerId } from '@/server/learners/identity';
import { exerciseJson, exerciseOr404 } from '@/server/exercises/route-helpers';
import { fetchEarnedSolution } from '@/server/exercises/learner-work';

/** The reference solution, once a passing submit (or FAILS_BEFORE_SOLUTION failed ones) has unlocked it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const found = await exerciseOr404((await params).id);
  if (!found.ok) return found.response;
  const solution = await fetchEarnedSolution(await readingLearnerId(request), found.exercise.meta.id);
  if (solution === undefined) return jsonError(403, `The reference solution unlocks after a passing submit, or after ${FAILS_BEFORE_SOLUTION} submits that did not pass.`);
  return exerciseJson({ solution }, request);
}
