import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random/seeded';
import { loadDrillBank } from '@/content/drills/bank';
import { evidenceFromQuizAnswer, masteryByTopic } from '@/lib/drills/mastery';
import { chooseMockQuestions, questionWeakness, selectPracticeQuestions } from '@/lib/drills/pick-question';
import { fixtureQuestion } from './fixtures';

const bank = loadDrillBank();
const topics = [...new Set(bank.questions.flatMap((question) => question.topics))];
const quiz = (topic: string, correct: boolean, times: number) => Array.from({ length: times }, () => evidenceFromQuizAnswer(topic, correct));

describe('selectPracticeQuestions', () => {
  const none = masteryByTopic(topics, []);

  it('filters by topic and by difficulty, keeping course order', () => {
    const selected = selectPracticeQuestions(bank.questions, { topic: 'round-robin', difficulty: 1 }, none, new Set());
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.every((question) => question.topics.includes('round-robin') && question.difficulty === 1)).toBe(true);
    expect(selected).toEqual(bank.questions.filter((question) => selected.includes(question)));
  });

  it('puts questions on the learner’s weakest lessons first', () => {
    const mastery = masteryByTopic(topics, [...quiz('ip-hash', false, 6), ...quiz('round-robin', true, 30)]);
    const ordered = selectPracticeQuestions(bank.questions, { weakest: true }, mastery, new Set());
    expect(ordered[0]!.rubric.some((point) => point.lesson.slug === 'ip-hash')).toBe(true);
    expect(ordered.at(-1)!.rubric.some((point) => point.lesson.slug === 'round-robin')).toBe(true);
  });

  it('among equally weak questions, offers the unanswered and easier ones first', () => {
    const easy = fixtureQuestion({ id: 'easy', difficulty: 1 });
    const hard = fixtureQuestion({ id: 'hard', difficulty: 3 });
    const answered = fixtureQuestion({ id: 'answered', difficulty: 1 });
    const ordered = selectPracticeQuestions([hard, answered, easy], { weakest: true }, none, new Set(['answered']));
    expect(ordered.map((question) => question.id)).toEqual(['easy', 'hard', 'answered']);
  });

  it('weighs a question’s weakness by its rubric points’ lessons', () => {
    const question = fixtureQuestion();
    const mastery = masteryByTopic(['round-robin', 'least-connections'], quiz('least-connections', false, 10));
    // Points: 5 weight on round-robin (untried: 0.5) and 1 on least-connections (0 of 10 earned: 2 / 14).
    expect(questionWeakness(question, mastery)).toBeCloseTo((5 * 0.5 + 1 * (2 / 14)) / 6);
  });
});

describe('chooseMockQuestions', () => {
  it('chooses the requested number of distinct questions, each on a different primary lesson', () => {
    const chosen = chooseMockQuestions(bank.questions, 5, masteryByTopic(topics, []), seededRandom(7));
    expect(chosen).toHaveLength(5);
    expect(new Set(chosen.map((question) => question.id)).size).toBe(5);
    expect(new Set(chosen.map((question) => question.topics[0])).size).toBe(5);
  });

  it('is repeatable for a seed and varies between seeds', () => {
    const mastery = masteryByTopic(topics, []);
    const ids = (seed: number) => chooseMockQuestions(bank.questions, 3, mastery, seededRandom(seed)).map((question) => question.id);
    expect(ids(1)).toEqual(ids(1));
    expect(new Set([1, 2, 3, 4, 5].map((seed) => ids(seed).join())).size).toBeGreaterThan(1);
  });

  it('prefers open questions and the learner’s weak lessons', () => {
    const mastery = masteryByTopic(topics, quiz('websockets', false, 10));
    const chosen = chooseMockQuestions(bank.questions, 3, mastery, seededRandom(3));
    expect(chosen.every((question) => question.difficulty >= 2)).toBe(true);
    expect(chosen.some((question) => question.rubric.some((point) => point.lesson.slug === 'websockets'))).toBe(true);
  });

  it('returns what there is when the pool is smaller than asked', () => {
    expect(chooseMockQuestions([fixtureQuestion()], 3, masteryByTopic(topics, []), seededRandom(1))).toHaveLength(1);
  });
});
