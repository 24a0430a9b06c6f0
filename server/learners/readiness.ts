import 'server-only';
import { topicReadiness, type ReadinessView, type TopicReadiness } from '@/lib/progress/readiness';
import { resumePoint } from '@/lib/progress/resume';
import { fetchDrillOverview } from '../drills/overview';
import { fetchExerciseList } from '../exercises/learner-work';
import { getCourse } from '../content/lessons';
import { fetchProgress } from './progress';

/** Every source of a learner's evidence, per topic of the outline. */
export async function fetchReadiness(learnerId: string | undefined): Promise<ReadinessView> {
  const [course, progress, exercises, drills] = await Promise.all([getCourse(), fetchProgress(learnerId), fetchExerciseList(learnerId), fetchDrillOverview(learnerId)]);
  const drillByTopic = new Map(drills.topics.map((topic) => [topic.topic.id, topic]));
  const topics = course.lessons.map((lesson) => {
    const drill = drillByTopic.get(lesson.id);
    return topicReadiness({
      lesson: { id: lesson.id, slug: lesson.slug, title: lesson.title, moduleId: lesson.moduleId, moduleTitle: lesson.moduleTitle },
      progress: progress.lessons[lesson.id],
      quizTotal: lesson.frontmatter.quiz.length,
      exercises: exercises.filter((item) => item.meta.lesson === lesson.id).map((item) => ({ id: item.meta.id, title: item.meta.title, status: item.status })),
      drill: { mastery: drill?.mastery ?? 0, level: drill?.level ?? 'not-started', answered: drill?.questionsAnswered ?? 0, questions: drill?.questionCount ?? 0 },
    });
  });
  const sum = (pick: (topic: TopicReadiness) => number) => topics.reduce((total, topic) => total + pick(topic), 0);
  return {
    modules: course.modules.map((courseModule) => ({ id: courseModule.id, title: courseModule.title, topics: topics.filter((topic) => topic.lesson.moduleId === courseModule.id) })),
    resume: resumePoint(
      course.lessons.map(({ id, slug, title }) => ({ id, slug, title })),
      (id) => Boolean(progress.lessons[id]?.completed),
    ),
    totals: {
      lessons: course.lessons.length,
      lessonsDone: topics.filter((topic) => topic.parts[0]!.share === 1).length,
      quizTotal: course.lessons.reduce((total, lesson) => total + lesson.frontmatter.quiz.length, 0),
      quizCorrect: sum((topic) => topic.quizCorrect),
      exercises: exercises.length,
      exercisesAccepted: exercises.filter((item) => item.status === 'passed').length,
      exercisesAttempted: exercises.filter((item) => item.status !== 'not-started').length,
      drillAnswers: drills.answers,
    },
    reviews: drills.reviews,
    streak: drills.streak,
    mocks: drills.history,
    started: drills.started || topics.some((topic) => topic.touched),
  };
}
