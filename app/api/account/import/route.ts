import { NextResponse, type NextRequest } from 'next/server';
import { MAX_IMPORT_BYTES, parseExport } from '@/lib/account/export-schema';
import { jsonError, readJsonBody, refuseCrossSite } from '@/server/http/api-guard';
import { setLearnerCookie } from '@/server/learners/cookie';
import { ImportConflictError, replaceLearnerData } from '@/server/learners/data';
import { writingLearner } from '@/server/learners/identity';

/** Replaces the learner's data with an export file's (creating the learner if new); answers the rows imported per table. */
export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJsonBody(request, MAX_IMPORT_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseExport(body.value);
  if (!parsed.ok) return jsonError(400, parsed.message);

  const learner = await writingLearner(request);
  try {
    const imported = await replaceLearnerData(learner, parsed.file);
    const response = NextResponse.json({ imported }, { headers: { 'Cache-Control': 'no-store' } });
    if (learner.isNew) setLearnerCookie(response, request, learner.id);
    return response;
  } catch (error) {
    if (!(error instanceof ImportConflictError)) throw error;
    return jsonError(409, 'Your data changed while the file was being imported; nothing was imported. Try again.');
  }
}
