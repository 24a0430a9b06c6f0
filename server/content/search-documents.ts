import 'server-only';
import { loadDrillBank } from '@/content/drills/bank';
import type { SearchDocument } from '@/lib/content/search-index';
import { DIFFICULTY_LABELS, TOPIC_LABELS } from '@/lib/exercises/labels';
import { NAMED_SCENARIOS } from '@/lib/sim/named-scenarios';
import { listExercises } from '../exercises/judge';
import { getCompiledCourse } from './lessons';

/** Everything search covers: every lesson section, exercise, drill question and named lab scenario. */
export async function searchDocuments(): Promise<SearchDocument[]> {
  const [lessons, exercises] = await Promise.all([getCompiledCourse(), listExercises()]);
  const lessonTitle = new Map(lessons.map((lesson) => [lesson.slug, lesson.title]));
  const topicTitles = (topics: readonly string[]) => topics.map((topic) => lessonTitle.get(topic) ?? topic).join(', ');
  return [
    ...lessons.flatMap((lesson) =>
      lesson.outline.sections.map((section): SearchDocument => ({
        id: `lesson:${lesson.slug}#${section.slug}`,
        kind: 'lesson',
        href: section.slug ? `/learn/${lesson.slug}#${section.slug}` : `/learn/${lesson.slug}`,
        title: lesson.title,
        heading: section.heading || lesson.title,
        text: section.text,
      })),
    ),
    ...exercises.map(({ meta }): SearchDocument => ({
      id: `exercise:${meta.id}`,
      kind: 'exercise',
      href: `/exercises/${meta.id}`,
      title: meta.title,
      heading: `${TOPIC_LABELS[meta.topic]} · ${DIFFICULTY_LABELS[meta.difficulty]}`,
      text: meta.summary,
    })),
    ...loadDrillBank().questions.map((question): SearchDocument => ({
      id: `drill:${question.id}`,
      kind: 'drill',
      href: `/drills/practice/${question.id}`,
      title: question.prompt,
      heading: topicTitles(question.topics),
      // The prompt and its topics only: the rubric and model answer are what the learner is to say.
      text: question.followUps.map((followUp) => followUp.prompt).join(' '),
    })),
    ...NAMED_SCENARIOS.map((scenario): SearchDocument => ({
      id: `scenario:${scenario.id}`,
      kind: 'scenario',
      href: `/lab?scenario=${scenario.id}`,
      title: scenario.title,
      heading: `${topicTitles([scenario.lessonSlug])} · ${scenario.variants.map((variant) => variant.label).join(' vs ')}`,
      text: scenario.oneLine,
    })),
  ];
}
