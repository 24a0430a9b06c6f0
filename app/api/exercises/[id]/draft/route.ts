import type { NextRequest } from 'next/server';
import { draftRequestSchema } from '@/lib/exercises/contract';
import { refuseCrossSite } from '@/server/http/api-guard';
import { readingLearnerId, writingLearner } from '@/server/learners/identity';
import { exerciseJson, exerciseOr404, parseExerciseBody } from '@/server/exercises/route-helpers';
import { fetchDraft, saveDraft } from '@/server/exercises/learner-work';
import { handleDrillErrors } from '@/server/drills/route-helpers';

type Context = { params: Promise<{ id: string }> };

/** The learner's saved draft, or `draft: null`. */
export async function GET(request: NextRequest, { params }: Context) {
  const found = await exerciseOr404((await params).id);
  if (!found.ok) return found.response;
  return exerciseJson({ draft: await fetchDraft(await readingLearnerId(request), found.exercise.meta.id) }, request);
}

/** Saves the learner's code as their draft; the page calls this debounced as they type. Never runs it. */
export async function PUT(request: NextRequest, { params }: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const found = await exerciseOr404((await params).id);
  if (!found.ok) return found.response;
  const body = await parseExerciseBody(request, draftRequestSchema, 'draft');
  if (!body.ok) return body.response;
  const learner = await writingLearner(request);
  return handleDrillErrors(async () => {
    const updatedAt = await saveDraft(learner, found.exercise.meta.id, body.value.code, body.value.requestId);
    return exerciseJson({ savedAt: updatedAt.toISOString() }, request, learner);
  });
}
