import 'server-only';
import { summarise } from '@/lib/content/course';
import { fetchExercisesForLesson } from '@/server/exercises/learner-work';
import { getCompiledLesson, getCourse } from '@/server/content/lessons';
import { islandsBuild, type IslandsBuild } from './islands-bundle';
import type { PageAssets } from './page-data';
import { prerenderer } from './prerender-bundle';

/*
 * The course's read-only pages as static HTML with no framework runtime: rendered from the site's
 * components at build time (route handlers with force-static), loading only the boot module up front.
 */

function assetsOf(islands: IslandsBuild): PageAssets {
  return { stylesheet: islands.pageCss, boot: islands.boot, preloads: islands.preloads };
}

/** A lesson's page, or undefined for a slug the course does not have. */
export async function lessonPageHtml(slug: string): Promise<string | undefined> {
  const lesson = await getCompiledLesson(slug);
  if (!lesson) return undefined;
  const [{ lessons, modules }, exercises, islands, render] = await Promise.all([getCourse(), fetchExercisesForLesson(lesson.id), islandsBuild(), prerenderer()]);
  const previous = lessons[lesson.position - 1];
  const next = lessons[lesson.position + 1];
  return render.renderLessonPage({
    assets: assetsOf(islands),
    modules,
    lessonCount: lessons.length,
    lesson: { ...summarise(lesson), objectives: lesson.frontmatter.objectives, headings: lesson.outline.headings, html: lesson.html },
    previous: previous && summarise(previous),
    next: next && summarise(next),
    exercises,
    islands: { diagrams: lesson.outline.diagrams, labs: lesson.outline.labs, labCss: islands.labCss },
    lessonEnd: { lessonId: lesson.id, questions: lesson.frontmatter.quiz },
  });
}

export async function outlinePageHtml(): Promise<string> {
  const [course, islands, render] = await Promise.all([getCourse(), islandsBuild(), prerenderer()]);
  const minutes = course.lessons.reduce((sum, lesson) => sum + lesson.readingMinutes, 0);
  return render.renderOutlinePage({ assets: assetsOf(islands), modules: course.modules, lessonCount: course.lessons.length, minutes });
}

export function htmlResponse(html: string): Response {
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
