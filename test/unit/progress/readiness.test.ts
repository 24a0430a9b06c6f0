import { describe, expect, it } from 'vitest';
import { topicReadiness, weakestTopics, type TopicEvidence } from '@/lib/progress/readiness';

const lesson = (id: string) => ({ id, slug: id, title: id, moduleId: 'm', moduleTitle: 'M' });
const topic = (overrides: Partial<TopicEvidence> = {}): TopicEvidence => ({
  lesson: lesson('round-robin'),
  progress: undefined,
  quizTotal: 4,
  exercises: [],
  drill: { mastery: 0, level: 'not-started', answered: 0, questions: 0 },
  ...overrides,
});

describe('a topic’s readiness', () => {
  it('counts an accepted exercise as evidence in a fresh browser with nothing else', () => {
    const ready = topicReadiness(topic({ exercises: [{ id: 'round-robin', title: 'Round robin', status: 'passed' }] }));
    expect(ready.touched).toBe(true);
    expect(ready.exercisesAccepted).toBe(1);
    expect(ready.parts.map((part) => part.text)).toEqual(['lesson not marked complete', 'quiz 0/4', 'exercises 1/1 accepted']);
    expect(ready.readiness).toBeCloseTo(1 / 3);
  });

  it('averages the lesson, the quiz, the exercises and the drills, each once', () => {
    const ready = topicReadiness(
      topic({
        progress: { completed: true, completedAt: null, answers: { a: { correct: true }, b: { correct: false } } },
        exercises: [
          { id: 'x', title: 'X', status: 'passed' },
          { id: 'y', title: 'Y', status: 'attempted' },
        ],
        drill: { mastery: 0.5, level: 'learning', answered: 2, questions: 3 },
      }),
    );
    expect(ready.readiness).toBeCloseTo((1 + 0.25 + 0.5 + 0.5) / 4);
    expect(ready.exercisesAttempted).toBe(2);
  });

  it('is untouched with no evidence, and leaves a source out when the topic has none of it', () => {
    const ready = topicReadiness(topic({ quizTotal: 0 }));
    expect(ready.touched).toBe(false);
    expect(ready.parts.map((part) => part.source)).toEqual(['lesson']);
  });
});

describe('the weakest topics', () => {
  it('are the touched ones, least ready first, never the untouched or the finished', () => {
    const rows = [
      topicReadiness(topic({ lesson: lesson('a'), progress: { completed: true, completedAt: null, answers: {} } })),
      topicReadiness(topic({ lesson: lesson('b') })),
      topicReadiness(topic({ lesson: lesson('c'), exercises: [{ id: 'c', title: 'C', status: 'attempted' }] })),
      topicReadiness(topic({ lesson: lesson('d'), quizTotal: 0, progress: { completed: true, completedAt: null, answers: {} } })),
    ];
    expect(weakestTopics(rows).map((row) => row.lesson.id)).toEqual(['c', 'a']);
  });
});
