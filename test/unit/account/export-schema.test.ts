import { describe, expect, it } from 'vitest';
import { exportFileName, parseExport, type LearnerExport } from '@/lib/account/export-schema';
import { toExport } from '@/lib/account/learner-rows';
import { learnerRows } from './fixtures';

const valid = (): LearnerExport => toExport(learnerRows(), new Date('2026-11-28T08:00:00.000Z'));
/** A valid file with one change made to it. */
const changed = (change: (file: Record<string, unknown> & LearnerExport) => void) => {
  const file = structuredClone(valid()) as Record<string, unknown> & LearnerExport;
  change(file);
  return file;
};
const messageFor = (value: unknown) => {
  const parsed = parseExport(value);
  return parsed.ok ? 'accepted' : parsed.message;
};

describe('reading an export file', () => {
  it('accepts what the export writes, and an empty learner’s file', () => {
    expect(messageFor(valid())).toBe('accepted');
    expect(messageFor(changed((file) => Object.assign(file, { learner: { timeZone: null }, lessonProgress: [], quizAnswers: [], progressEvents: [], drillEvents: [], drillAttempts: [], mockSessions: [], reviewCards: [], submissions: [], exerciseDrafts: [] })))).toBe('accepted');
  });

  it.each<[string, unknown, RegExp]>([
    ['JSON that is not an object', [], /^Invalid export file: .*expected object/],
    ['another program’s file', changed((file) => void (file.format = 'anki-deck' as never)), /format must be "traffic-cop-export"/],
    ['a future version', changed((file) => void (file.version = 2 as never)), /version must be 1/],
    ['an unknown top-level field', changed((file) => void (file.learnerId = '0'.repeat(32))), /Unrecognized key.*learnerId/],
    ['an unknown field in a row', changed((file) => void Object.assign(file.reviewCards[0]!, { userId: 'u1' })), /reviewCards\.0: Unrecognized key.*userId/],
    ['a missing list', changed((file) => void delete (file as Partial<LearnerExport>).submissions), /submissions: .*expected array/],
    ['a wrongly typed field', changed((file) => void (file.lessonProgress[0]!.completedAt = 42 as never)), /lessonProgress\.0\.completedAt/],
    ['a malformed lesson id', changed((file) => void (file.lessonProgress[0]!.lessonId = "x' OR 1=1 --")), /lessonProgress\.0\.lessonId: must be a lower-case id/],
    ['a malformed row id', changed((file) => void (file.drillAttempts[0]!.id = '../../etc/passwd')), /drillAttempts\.0\.id: must be a row id/],
    ['a malformed requestId', changed((file) => void (file.drillEvents[0]!.requestId = 'short')), /drillEvents\.0\.requestId/],
    ['an unknown time zone', changed((file) => void (file.learner.timeZone = 'Mars/Olympus')), /learner\.timeZone: must be an IANA time zone/],
    ['a time that is not ISO 8601', changed((file) => void (file.submissions[0]!.createdAt = 'yesterday')), /submissions\.0\.createdAt: must be an ISO 8601/],
    ['a score above 1', changed((file) => void (file.drillAttempts[0]!.score = 1.5)), /drillAttempts\.0\.score/],
    ['a rating of 5', changed((file) => void (file.reviewCards[0]!.logs[0]!.rating = 5)), /reviewCards\.0\.logs\.0\.rating/],
    ['a link off the site', changed((file) => void (file.reviewCards[0]!.href = 'javascript:alert(1)')), /href must be a path on this site/],
    ['a nested event payload', changed((file) => void (file.drillEvents[0]!.payload = { questionId: { $ne: null } } as never)), /drillEvents\.0\.payload\.questionId/],
    ['code over 64 KB', changed((file) => void (file.exerciseDrafts[0]!.code = 'x'.repeat(64 * 1024 + 1))), /exerciseDrafts\.0\.code: code is at most 64 KB/],
    ['a verdict the submission does not match', changed((file) => void (file.submissions[0]!.status = 'accepted')), /submissions\.0\.verdict: does not match/],
    ['an attempt in a mock session the file lacks', changed((file) => void (file.drillAttempts[1]!.mockSessionId = 'someone-elses-session')), /drillAttempts\.1\.mockSessionId: names no mock session/],
    ['two active mock interviews', changed((file) => void file.mockSessions.push({ ...file.mockSessions[0]!, id: 'session-2', status: 'active' }, { ...file.mockSessions[0]!, id: 'session-3', status: 'active' })), /2 mock interviews are active; at most one may be/],
    ['a mock question missing its place', changed((file) => void (file.mockSessions[0]!.questions[0]!.position = 1)), /mockSessions\.0\.questions: question positions must be 0, 1, 2/],
    ['a session past its last question', changed((file) => void (file.mockSessions[0]!.position = 2)), /mockSessions\.0\.position: is past the last question/],
    ['a phase answered twice', changed((file) => void (file.mockSessions[0]!.questions[0]!.answers[1]!.phase = 0)), /answers\.1\.phase: duplicate phase "0"/],
    ['a requestId used twice', changed((file) => void (file.drillEvents[1]!.requestId = file.drillEvents[0]!.requestId)), /drillEvents\.1\.requestId: duplicate requestId/],
    ['a lesson listed twice', changed((file) => void file.lessonProgress.push(file.lessonProgress[0]!)), /lessonProgress\.2\.lessonId: duplicate lessonId "round-robin"/],
    ['two cards for one source', changed((file) => void (file.reviewCards[1]!.sourceKey = file.reviewCards[0]!.sourceKey)), /reviewCards\.1\.sourceKey: duplicate sourceKey/],
    ['a review log id on two cards', changed((file) => void file.reviewCards[1]!.logs.push(file.reviewCards[0]!.logs[0]!)), /reviewCards\.1\.logs\.0\.id: duplicate review log id/],
  ])('refuses %s, saying where', (_name, value, message) => {
    expect(messageFor(value)).toMatch(message);
  });

  it('names the first ten problems of a file full of them, and how many more there are', () => {
    const file = changed((draft) => void (draft.lessonProgress = Array.from({ length: 25 }, (_, index) => ({ lessonId: `Not An Id ${index}`, completedAt: null, updatedAt: '2026-11-27T09:00:00.000Z' }))));
    const message = messageFor(file);
    expect(message.match(/must be a lower-case id/g)).toHaveLength(10);
    expect(message).toMatch(/; and 15 more$/);
  });
});

describe('the download’s file name', () => {
  it('is dated in the learner’s time zone, or UTC without one', () => {
    const lateEvening = new Date('2026-11-27T23:30:00.000Z');
    expect(exportFileName(lateEvening, 'Asia/Tokyo')).toBe('traffic-cop-export-2026-11-28.json');
    expect(exportFileName(lateEvening, null)).toBe('traffic-cop-export-2026-11-27.json');
  });
});
