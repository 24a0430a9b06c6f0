import 'server-only';
import { loadDrillBank } from '@/content/drills/bank';
import type { DrillBank } from '@/lib/drills/load-bank';
import type { DrillQuestion } from '@/lib/drills/question-schema';
import { sectionTitles } from '@/lib/content/section-titles';
import { lessonHref, modelQuotes, type SectionName } from '@/lib/drills/review-cards';
import { rubricVersion } from '@/lib/drills/rubric-version';
import type { DrillScore } from '@/lib/drills/score';
import type { DisputeState, LessonLink, QuestionView, ScoreView, TopicRef } from '@/lib/drills/view';
import { ApiError } from '../http/api-error';
import { getCourse, type Course } from '../content/lessons';

/** The drill bank and the course it points into: everything a drill view needs to name lessons. */
export interface DrillContext {
  bank: DrillBank;
  course: Course;
}

export async function getDrillContext(): Promise<DrillContext> {
  return { bank: loadDrillBank(), course: await getCourse() };
}

const titlesByLesson = new WeakMap<object, Map<string, string>>();

/** Names where a rubric point is taught: the lesson's title and, when the point names one, its section's heading. */
export function sectionName(context: DrillContext): SectionName {
  return (lesson) => {
    const entry = context.course.lessonsBySlug.get(lesson.slug);
    if (!entry) return lesson.slug;
    if (!titlesByLesson.has(entry)) titlesByLesson.set(entry, sectionTitles(entry.body));
    const heading = lesson.anchor ? titlesByLesson.get(entry)!.get(lesson.anchor) : undefined;
    return heading ? `${entry.title} › ${heading}` : entry.title;
  };
}

export function topicRef(context: DrillContext, lessonId: string): TopicRef {
  return { id: lessonId, title: context.course.lessonsById.get(lessonId)?.title ?? lessonId };
}

/** A question by id, or a 404 the learner can read. */
export function questionOr404(context: DrillContext, questionId: string): DrillQuestion {
  const question = context.bank.questionsById.get(questionId);
  if (!question) throw new ApiError(404, `There is no drill question "${questionId.slice(0, 80)}".`);
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

function lessonLink(context: DrillContext, lesson: { slug: string; anchor?: string }): LessonLink {
  return { slug: lesson.slug, title: topicRef(context, lesson.slug).title, href: lessonHref(lesson) };
}

/** What the feedback panel needs besides the score itself. */
export interface ScoreViewExtras {
  /** The rubric version the score was made against; null for attempts from before it was recorded. */
  scoredAgainst: string | null;
  disputes?: ReadonlyMap<string, DisputeState>;
}

/**
 * A score as the feedback panel shows it: misconceptions first, then each point with its quote,
 * the lesson section that teaches it, and for a missed point the model answer's sentence for it.
 */
export function scoreView(context: DrillContext, question: DrillQuestion, score: DrillScore, extras: ScoreViewExtras): ScoreView {
  const quotes = modelQuotes(question);
  return {
    score: score.score,
    earned: score.earned,
    penalty: score.penalty,
    possible: score.possible,
    cap: score.cap,
    rubricChanged: extras.scoredAgainst !== rubricVersion(question),
    misconceptions: score.misconceptions.map((misconception) => ({
      id: misconception.id,
      pointId: misconception.pointId,
      says: misconception.says,
      correction: misconception.correction,
      quote: misconception.quote.text,
      lesson: lessonLink(context, misconception.lesson),
    })),
    points: score.points.map((point) => ({
      id: point.id,
      label: point.label,
      weight: point.weight,
      covered: point.covered,
      quote: point.quote?.text ?? null,
      lesson: lessonLink(context, point.lesson),
      modelQuote: point.covered ? null : (quotes.get(point.id) ?? null),
      dispute: extras.disputes?.get(point.id) ?? null,
    })),
  };
}
