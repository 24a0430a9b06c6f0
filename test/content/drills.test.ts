import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { drillQuestionFiles } from '@/content/drills/questions';
import { outline } from '@/content/outline';
import { FIXED_LESSON_ANCHORS } from '@/lib/content/lesson-components';
import { lessonOrder } from '@/lib/content/outline-schema';
import { remarkLesson } from '@/lib/content/remark-lesson';
import { loadDrillBank } from '@/content/drills/bank';
import { DRILL_KINDS, type DrillQuestion } from '@/lib/drills/question-schema';
import { MIN_WORDS_PER_POINT, scoreAnswer } from '@/lib/drills/score';

const ROOT = path.resolve(__dirname, '..', '..');
const LESSONS_DIR = path.join(ROOT, 'content', 'lessons');
const QUESTIONS_DIR = path.join(ROOT, 'content', 'drills', 'questions');

/**
 * Lesson id (from frontmatter) → its heading anchors, made by the same remark plugin that renders
 * lessons (GitHub-style slugs), plus the sections every lesson page adds.
 */
async function lessonAnchors(): Promise<Map<string, Set<string>>> {
  const anchors = new Map<string, Set<string>>();
  for (const name of readdirSync(LESSONS_DIR).filter((file) => file.endsWith('.mdx'))) {
    const { data, content } = matter(readFileSync(path.join(LESSONS_DIR, name), 'utf8'));
    const id = String(data.id);
    const file = new VFile({ value: content, path: name });
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkLesson, { lessonId: id });
    await processor.run(processor.parse(file), file);
    anchors.set(id, new Set([...file.data.lesson!.headings.map((heading) => heading.slug), ...FIXED_LESSON_ANCHORS]));
  }
  return anchors;
}

const anchors = await lessonAnchors();
const bank = loadDrillBank();
const sharesTopic = (a: DrillQuestion, b: DrillQuestion) => a.topics.some((topic) => b.topics.includes(topic));

/** Every practice question, interview scenario and common question in the reference, and the drill that asks it. */
const REFERENCE_QUESTIONS: Record<string, string> = {
  'Practice 1: designing Instagram, where do you use load balancers?': 'instagram-load-balancers',
  'Practice 2: 1,000 concurrent WebSocket connections for a game': 'gaming-thousand-websockets',
  'Practice 3: Black Friday, traffic spikes 10x': 'black-friday-ten-times-traffic',
  'Scenario 1: design a system for 10M users': 'design-for-ten-million-users',
  'Scenario 2: how would you handle sticky sessions?': 'how-would-you-handle-sticky-sessions',
  'Q: what happens if the load balancer fails?': 'what-if-the-load-balancer-fails',
  'Q: how do you handle WebSocket connections?': 'websockets-behind-a-balancer',
  'Q: load balancer vs reverse proxy': 'load-balancer-vs-reverse-proxy',
  'Interview pro tip: which load balancer would you use?': 'which-load-balancer-photo-app',
  'Answer template: user sessions in a load-balanced environment': 'user-sessions-behind-a-load-balancer',
  'Next steps: a URL shortener with load balancing': 'url-shortener-with-load-balancing',
  'Next steps: how AWS ELB, ALB and NLB differ': 'aws-load-balancer-family',
};

describe('the drill bank', () => {
  it('has one question file per course module, each listed in the index', () => {
    const files = readdirSync(QUESTIONS_DIR).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
    const modules = outline.map((courseModule) => courseModule.id);
    expect(files.sort()).toEqual([...modules].sort());
    expect(Object.keys(drillQuestionFiles).sort()).toEqual([...modules].sort());
  });

  it('has at least 30 questions, some in every module and of every kind', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(30);
    for (const courseModule of outline) expect([...bank.moduleOf.values()], courseModule.id).toContain(courseModule.id);
    for (const kind of DRILL_KINDS) expect(bank.questions.map((question) => question.kind), kind).toContain(kind);
  });

  it('drills every lesson of the course', () => {
    const taught = new Set(bank.questions.flatMap((question) => question.topics));
    for (const lesson of lessonOrder(outline)) expect(taught.has(lesson), lesson).toBe(true);
  });

  it('asks every practice question, interview scenario and common question of the reference', () => {
    for (const [source, id] of Object.entries(REFERENCE_QUESTIONS)) expect(bank.questionsById.has(id), `${source} → ${id}`).toBe(true);
  });

  it('uses unique question ids, and answer templates that exist', () => {
    const ids = bank.questions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const question of bank.questions) if (question.template) expect(bank.templatesById.has(question.template), question.id).toBe(true);
    expect([...bank.templatesById.keys()].sort()).toEqual(['design-for-scale', 'failure-handling', 'session-handling', 'which-load-balancer']);
  });
});

describe.each(bank.questions.map((question) => [question.id, question] as const))('drill %s', (_id, question) => {
  it('links only to real lessons and heading anchors', () => {
    for (const topic of question.topics) expect(anchors.has(topic), `topic ${topic}`).toBe(true);
    for (const point of question.rubric) {
      expect(anchors.has(point.lesson.slug), `${point.id} → ${point.lesson.slug}`).toBe(true);
      if (point.lesson.anchor) expect([...anchors.get(point.lesson.slug)!], `${point.id} → ${point.lesson.slug}#${point.lesson.anchor}`).toContain(point.lesson.anchor);
    }
  });

  it('has unique rubric point ids, and follow-ups that probe one of them', () => {
    const pointIds = question.rubric.map((point) => point.id);
    expect(new Set(pointIds).size).toBe(pointIds.length);
    for (const followUp of question.followUps) expect(pointIds).toContain(followUp.probes);
  });

  it('gives its model answer full marks, with no misconception, spending words like an explanation with room to spare', () => {
    const result = scoreAnswer(question.modelAnswer, question);
    expect(result.points.filter((point) => !point.covered).map((point) => point.id)).toEqual([]);
    expect(result.misconceptions.map((misconception) => misconception.id)).toEqual([]);
    expect(result.score).toBe(1);
    expect(result.cap).toBeNull();
    expect(result.words / result.points.length).toBeGreaterThanOrEqual(2 * MIN_WORDS_PER_POINT);
  });

  it('gives an empty answer 0', () => {
    expect(scoreAnswer('', question).score).toBe(0);
  });

  it('gives model answers to questions on other topics less than a third', () => {
    const offTopic = bank.questions
      .filter((other) => other !== question && !sharesTopic(other, question))
      .map((other) => ({ answer: other.id, score: scoreAnswer(other.modelAnswer, question).score }))
      .filter(({ score }) => score >= 1 / 3);
    expect(offTopic).toEqual([]);
  });
});
