import 'server-only';
import { loadDrillBank, type DrillBank } from '@/lib/drills/load-bank';
import type { DrillQuestion } from '@/lib/drills/question-schema';
import { lessonHref } from '@/lib/drills/review-cards';
import type { DrillScore } from '@/lib/drills/score';
import type { QuestionView, ScoreView, TopicRef } from '@/lib/drills/view';
import { DrillRequestError } from './drill-errors';
import { getCourse, type Course } from './lessons';

/** The drill bank and the course it points into: everything a drill view needs to name lessons. */
export interface DrillContext {
  bank: DrillBank;
  course: Course;
}

export async function getDrillContext(): Promise<DrillContext> {
  return { bank: loadDrillBank(), course: await getCourse() };
}

export function topicRef(context: DrillContext, lessonId: string): TopicRef {
  return { id: lessonId, title: context.course.lessonsById.get(lessonId)?.title ?? lessonId };
}

/** A question by id, or a 404 the learner can read. */
export function questionOr404(context: DrillContext, questionId: string): DrillQuestion {
  const question = context.bank.questionsById.get(questionId);
  if (!question) throw new DrillRequestError(404, `There is no drill question "${questionId.slice(0, 80)}".`);
  return question;
}

/** What a learner sees before answering: the prompt and template, never the rubric or model answer. */
export function questionView(context: DrillContext, question: DrillQuestion): QuestionView {
  const template = question.template ? context.bank.templatesById.get(question.template) : undefined;
  return {
    id: question.id,
    prompt: question.prompt,
    kind: question.kind,
    difficulty: question.difficulty,
    topics: question.topics.map((topic) => topicRef(context, topic)),
    template: template ? { id: template.id, title: template.title, summary: template.summary, sections: template.sections } : null,
    pointCount: question.rubric.length,
  };
}

/** A score as the feedback panel shows it: each point with its quote and the lesson section that teaches it. */
export function scoreView(context: DrillContext, score: DrillScore): ScoreView {
  return {
    score: score.score,
    earned: score.earned,
    possible: score.possible,
    cap: score.cap,
    points: score.points.map((point) => ({
      id: point.id,
      label: point.label,
      weight: point.weight,
      covered: point.covered,
      quote: point.quote?.text ?? null,
      lesson: { slug: point.lesson.slug, title: topicRef(context, point.lesson.slug).title, href: lessonHref(point.lesson) },
    })),
  };
}
