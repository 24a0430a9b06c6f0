import { describe, expect, it } from 'vitest';
import { loadDrillBank } from '@/content/drills/bank';
import { cardsForMissedPoints, lessonHref, modelQuotes, newReviewCardSchema, questionCard, quizCard, type SectionName } from '@/lib/drills/review-cards';
import { sectionTitles } from '@/lib/content/section-titles';
import { loadCourse } from '@/server/content/course-loader';
import { scoreAnswer } from '@/lib/drills/score';
import { fixtureQuestion } from './fixtures';

const question = fixtureQuestion();
const where: SectionName = (lesson) => (lesson.anchor ? `${lesson.slug} › ${lesson.anchor}` : lesson.slug);

/** The longest run of words the two texts share, ignoring case and punctuation. */
function longestSharedRun(a: string, b: string): number {
  const words = (text: string) => text.toLowerCase().split(/[^a-z0-9%]+/).filter(Boolean);
  const [x, y] = [words(a), words(b)];
  let best = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) {
    let n = 0;
    while (x[i + n] !== undefined && x[i + n] === y[j + n]) n++;
    best = Math.max(best, n);
  }
  return best;
}

describe('cards from missed rubric points', () => {
  it('makes one card per missed point, keyed by question and point, linked to the lesson section', () => {
    const score = scoreAnswer('Round robin suits identical servers when requests cost the same.', question);
    const cards = cardsForMissedPoints(question, score.points, where);
    expect(cards.map((card) => card.sourceKey)).toEqual(['rubric:fixture-question:counts', 'rubric:fixture-question:alternative']);
    expect(cards[0]).toMatchObject({ source: 'rubric', topic: 'round-robin', href: '/learn/round-robin' });
    expect(cards[1]!.href).toBe('/learn/least-connections');
  });

  it('asks for the point on the front, with the question and where it is taught, and never states it there', () => {
    const [card] = cardsForMissedPoints(question, scoreAnswer('Round robin suits identical servers when requests cost the same.', question).points, where);
    expect(card!.front).toBe(
      'When is round robin the right algorithm?\n\nYour answer left out point 2 of 3, the one taught in “round-robin”. What does it say? Answer it aloud as you would in the interview, then turn the card.',
    );
    expect(card!.front).not.toContain('Balances counts, not work');
    expect(card!.back).toContain('Balances counts, not work');
  });

  it('states the point on the back with the model answer’s own sentence for it', () => {
    const cards = cardsForMissedPoints(question, scoreAnswer('', question).points, where);
    expect(cards.find((card) => card.sourceKey.endsWith(':alternative'))!.back).toBe('Least connections when costs vary\n\nThe model answer says: “When costs vary I would use least connections instead.”');
  });

  it('keeps the answer off the front of every rubric card in the bank, naming a real lesson section instead', async () => {
    const course = await loadCourse();
    const titles = new Map(course.lessons.map((entry) => [entry.slug, sectionTitles(entry.body)]));
    const named: SectionName = (lesson) => {
      const entry = course.lessonsBySlug.get(lesson.slug)!;
      const heading = lesson.anchor ? titles.get(lesson.slug)!.get(lesson.anchor) : undefined;
      expect(lesson.anchor === undefined || heading !== undefined, `${lesson.slug}#${lesson.anchor}`).toBe(true);
      return heading ? `${entry.title} › ${heading}` : entry.title;
    };
    for (const bankQuestion of loadDrillBank().questions) {
      const quotes = modelQuotes(bankQuestion);
      for (const card of cardsForMissedPoints(bankQuestion, scoreAnswer('', bankQuestion).points, named)) {
        const point = bankQuestion.rubric.find((candidate) => card.sourceKey.endsWith(`:${candidate.id}`))!;
        const cue = card.front.slice(bankQuestion.prompt.length);
        expect(card.front.startsWith(bankQuestion.prompt)).toBe(true);
        expect(card.front, card.sourceKey).not.toContain(point.label);
        expect(card.front, card.sourceKey).not.toContain(quotes.get(point.id)!);
        // A section heading may echo a few of the point's words; it must not spell the point out.
        expect(longestSharedRun(cue, point.label), `${card.sourceKey}: ${cue}`).toBeLessThan(8);
        expect(card.back).toContain(point.label);
      }
    }
  }, 60_000);

  it('makes valid cards for every missed point of every question in the bank', () => {
    for (const bankQuestion of loadDrillBank().questions) {
      const cards = cardsForMissedPoints(bankQuestion, scoreAnswer('', bankQuestion).points, where);
      expect(cards).toHaveLength(bankQuestion.rubric.length);
      for (const card of cards) expect(newReviewCardSchema.safeParse(card).success, card.sourceKey).toBe(true);
      expect(modelQuotes(bankQuestion).size, bankQuestion.id).toBe(bankQuestion.rubric.length);
      expect(newReviewCardSchema.safeParse(questionCard(bankQuestion)).success).toBe(true);
    }
  });

  it('links to the section anchor when the point names one', () => {
    expect(lessonHref({ slug: 'round-robin', anchor: 'when' })).toBe('/learn/round-robin#when');
  });
});

describe('newReviewCardSchema, the door for future card sources', () => {
  it('accepts an exercise card and refuses malformed keys and off-site links', () => {
    const card = { sourceKey: 'exercise:round-robin:wraps-at-end', source: 'exercise', front: 'Why does the pointer wrap?', back: 'Modulo the server count.', href: '/exercises/round-robin' };
    expect(newReviewCardSchema.safeParse(card).success).toBe(true);
    expect(newReviewCardSchema.safeParse({ ...card, sourceKey: 'no source prefix' }).success).toBe(false);
    expect(newReviewCardSchema.safeParse({ ...card, href: 'https://evil.example/' }).success).toBe(false);
    expect(newReviewCardSchema.safeParse({ ...card, href: '//evil.example/path' }).success).toBe(false);
  });
});

describe('a card for a lesson quiz question answered wrongly', () => {
  const lesson = { id: 'ip-hash', slug: 'ip-hash' };

  it('asks the question with its choices, and answers with the right one and the explanation', () => {
    const card = quizCard(lesson, { id: 'ip-hash-remap', kind: 'choice', prompt: 'A server joins a pool of 4. Roughly what share of clients move?', choices: ['None', 'About 80%'], answer: 1, explanation: 'Modulo hashing remaps most keys.' });
    expect(card).toEqual({
      sourceKey: 'quiz:ip-hash:ip-hash-remap',
      source: 'quiz',
      front: 'A server joins a pool of 4. Roughly what share of clients move?\n\n- None\n- About 80%',
      back: 'Answer: About 80%\n\nModulo hashing remaps most keys.',
      topic: 'ip-hash',
      href: '/learn/ip-hash#quiz',
    });
    expect(newReviewCardSchema.parse(card)).toEqual(card);
  });

  it('answers a short question with its first accepted answer', () => {
    const card = quizCard(lesson, { id: 'ip-hash-layer', kind: 'short', prompt: 'Which header carries the client address through a proxy?', accept: ['X-Forwarded-For', 'Forwarded'], explanation: 'Proxies append to it.' });
    expect(card.front).toBe('Which header carries the client address through a proxy?');
    expect(card.back).toBe('Answer: X-Forwarded-For\n\nProxies append to it.');
    expect(newReviewCardSchema.parse(card)).toEqual(card);
  });
});

describe('cards from misconceptions', () => {
  it('asks the learner to recall what is true, with the correction on the back', async () => {
    const { cardsForMisconceptions, newReviewCardSchema } = await import('@/lib/drills/review-cards');
    const { loadDrillBank } = await import('@/content/drills/bank');
    const question = loadDrillBank().questions[0]!;
    const [card] = cardsForMisconceptions(question, [
      { id: 'rr-looks-at-load', pointId: question.rubric[0]!.id, says: 'round robin looks at load', correction: 'It never does.', lesson: { slug: question.topics[0]! }, quote: { text: 'x', start: 0, end: 1 } },
    ]);
    expect(newReviewCardSchema.parse(card)).toMatchObject({
      sourceKey: `misconception:${question.id}:rr-looks-at-load`,
      source: 'misconception',
      back: 'No. It never does.',
    });
    expect(card!.front).toContain('said round robin looks at load');
    expect(card!.front).not.toContain('It never does');
  });
});
