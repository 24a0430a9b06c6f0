import { MAX_IMPORT_BYTES, parseExport } from '@/lib/account/export-schema';
import { ApiError } from '@/server/http/api-error';
import { handle } from '@/server/http/route-kit';
import { replaceLearnerData } from '@/server/learners/data';

const body = {
  maxBytes: MAX_IMPORT_BYTES,
  parse(value: unknown) {
    const parsed = parseExport(value);
    if (!parsed.ok) throw new ApiError(400, parsed.message);
    return parsed.file;
  },
};

/** Replaces the learner's data with an export file's (creating the learner if new); answers the rows imported per table. */
export const POST = handle({ body, learner: 'write' }, async ({ body: file, learner }) => ({ imported: await replaceLearnerData(learner, file) }));
