import { describe, expect, it } from 'vitest';
import {
  evidenceFromAnswer,
  evidenceFromQuizAnswer,
  latestPerQuestion,
  MASTERY_PRIOR_WEIGHT,
  masteryByTopic,
  masteryLevel,
  weaknessOf,
} from '@/lib/drills/mastery';
import { fixtureQuestion } from './fixtures';

const question = fixtureQuestion();
const topics = ['round-robin', 'least-connections', 'ip-hash'];

describe('masteryByTopic', () => {
  it('credits each rubric point to the lesson that teaches it', () => {
    const mastery = masteryByTopic(topics, evidenceFromAnswer(question, ['uniform', 'counts']));
    expect(mastery.get('round-robin')).toMatchObject({ earned: 5, possible: 5, questionsAnswered: 1 });
    expect(mastery.get('least-connections')).toMatchObject({ earned: 0, possible: 1, level: 'weak' });
  });

  it('does not call one perfect answer mastery: evidence must accumulate', () => {
    const once = masteryByTopic(topics, evidenceFromAnswer(question, ['uniform', 'counts'])).get('round-robin')!;
    expect(once.mastery).toBeCloseTo(5 / (5 + MASTERY_PRIOR_WEIGHT));
    const evidence = [...evidenceFromAnswer(question, ['uniform', 'counts']), ...evidenceFromAnswer(fixtureQuestion({ id: 'second' }), ['uniform', 'counts'])];
    expect(masteryByTopic(topics, evidence).get('round-robin')!.mastery).toBeGreaterThan(once.mastery);
  });

  it('counts lesson quiz answers toward the same topic', () => {
    const evidence = [evidenceFromQuizAnswer('ip-hash', true), evidenceFromQuizAnswer('ip-hash', false), evidenceFromQuizAnswer('ip-hash', true)];
    expect(masteryByTopic(topics, evidence).get('ip-hash')).toMatchObject({ earned: 2, possible: 3, quizAnswers: 3, questionsAnswered: 0 });
  });

  it('reports topics without evidence as not started, and ignores evidence for unknown topics', () => {
    const mastery = masteryByTopic(topics, [evidenceFromQuizAnswer('retired-lesson', true)]);
    expect([...mastery.values()].every((topic) => topic.level === 'not-started' && topic.mastery === 0)).toBe(true);
    expect(mastery.has('retired-lesson')).toBe(false);
  });
});

describe('levels and weakness', () => {
  it('bands mastery into weak, learning and strong', () => {
    expect(masteryLevel(0, 0)).toBe('not-started');
    expect(masteryLevel(1, 6)).toBe('weak');
    expect(masteryLevel(6, 6)).toBe('learning');
    expect(masteryLevel(20, 20)).toBe('strong');
  });

  it('calls one right quiz answer “learning”, not weak', () => {
    expect(masteryLevel(1, 1)).toBe('learning');
    expect(masteryLevel(0, 1)).toBe('weak');
  });

  it('ranks a topic answered right once above an untried one', () => {
    const mastery = masteryByTopic(topics, [evidenceFromQuizAnswer('ip-hash', true)]);
    expect(weaknessOf(mastery.get('ip-hash'))).toBeGreaterThan(weaknessOf(mastery.get('round-robin')));
    expect(weaknessOf(mastery.get('round-robin'))).toBe(0.5);
  });

  it('ranks an untried topic between a demonstrated weakness and a demonstrated strength', () => {
    const mastery = masteryByTopic(topics, [...evidenceFromAnswer(question, ['uniform', 'counts']), ...Array.from({ length: 20 }, () => evidenceFromQuizAnswer('round-robin', true))]);
    expect(weaknessOf(mastery.get('least-connections'))).toBeLessThan(weaknessOf(mastery.get('ip-hash')));
    expect(weaknessOf(mastery.get('ip-hash'))).toBeLessThan(weaknessOf(mastery.get('round-robin')));
  });
});

describe('latestPerQuestion', () => {
  it('keeps only the most recent answer to each question', () => {
    const rows = [
      { questionId: 'a', createdAt: new Date('2026-11-01'), score: 0.2 },
      { questionId: 'a', createdAt: new Date('2026-11-20'), score: 0.9 },
      { questionId: 'b', createdAt: new Date('2026-11-05'), score: 0.5 },
    ];
    expect(latestPerQuestion(rows).map((row) => [row.questionId, row.score])).toEqual([
      ['a', 0.9],
      ['b', 0.5],
    ]);
  });
});
