import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { outline as courseOutline } from '@/content/outline';
import { lessonFrontmatterSchema } from '@/lib/content/lesson-schema';
import { lessonOrder, outlineProblems, type CourseOutline } from '@/lib/content/outline-schema';
import { readingMinutes } from '@/lib/content/reading-time';
import { compileLessonBody } from '@/lib/content/compile-lesson';
import { summarise, type CompiledLesson, type Course, type LessonEntry } from '@/lib/content/course';

export const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons');

export type { CompiledLesson, Course, LessonEntry, LessonSummary } from '@/lib/content/course';

export class ContentError extends Error {}

type ParsedLesson = Omit<LessonEntry, 'moduleId' | 'moduleTitle' | 'position'>;

/** Validates one lesson file's frontmatter. Throws ContentError naming the file on any problem. */
export function parseLesson(file: string, source: string): ParsedLesson {
  const slug = path.basename(file, '.mdx');
  const { data, content } = matter(source);
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new ContentError(`${file}: invalid frontmatter\n${issues}`);
  }
  if (parsed.data.id !== slug) throw new ContentError(`${file}: id "${parsed.data.id}" must equal the file name "${slug}"`);
  const prose = content.replace(/^```[\s\S]*?^```/gm, ' ');
  return {
    slug,
    id: parsed.data.id,
    title: parsed.data.title,
    description: parsed.data.description,
    readingMinutes: readingMinutes(prose),
    frontmatter: parsed.data,
    contentVersion: createHash('sha256').update(source).digest('hex').slice(0, 16),
    body: content,
  };
}

/** Compiles a lesson's body to HTML with the lesson plugins (diagrams, heading ids, outline). */
export async function compileLesson(lesson: LessonEntry): Promise<CompiledLesson> {
  try {
    return { ...lesson, ...(await compileLessonBody(lesson.body, lesson.id, `${lesson.slug}.mdx`)) };
  } catch (error) {
    throw new ContentError(`${lesson.slug}.mdx: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Loads every lesson's frontmatter and checks it against the outline: each listed once, prerequisites earlier. */
export async function loadCourse(outline: CourseOutline = courseOutline, dir: string = LESSONS_DIR): Promise<Course> {
  const problems = outlineProblems(outline);
  const files = (await readdir(/* turbopackIgnore: true */ dir)).filter((name) => name.endsWith('.mdx')).sort();
  const parsed = await Promise.all(files.map(async (name) => parseLesson(name, await readFile(path.join(/* turbopackIgnore: true */ dir, name), 'utf8'))));
  const byId = new Map(parsed.map((lesson) => [lesson.id, lesson]));

  const order = lessonOrder(outline);
  for (const id of order) if (!byId.has(id)) problems.push(`outline lists "${id}" but content/lessons/${id}.mdx does not exist`);
  for (const lesson of parsed) if (!order.includes(lesson.id)) problems.push(`${lesson.slug}.mdx is not listed in content/outline.ts`);
  for (const lesson of parsed) {
    for (const prerequisite of lesson.frontmatter.prerequisites) {
      const at = order.indexOf(prerequisite);
      if (at === -1) problems.push(`${lesson.id}: prerequisite "${prerequisite}" is not a lesson`);
      else if (at >= order.indexOf(lesson.id)) problems.push(`${lesson.id}: prerequisite "${prerequisite}" must come earlier in the outline`);
    }
  }
  if (problems.length > 0) throw new ContentError(`The course outline has problems:\n- ${problems.join('\n- ')}`);

  const lessons: LessonEntry[] = [];
  const modules = outline.map((courseModule) => ({
    id: courseModule.id,
    title: courseModule.title,
    lessons: courseModule.lessons.map((id) => {
      const lesson: LessonEntry = { ...byId.get(id)!, moduleId: courseModule.id, moduleTitle: courseModule.title, position: lessons.length };
      lessons.push(lesson);
      return summarise(lesson);
    }),
  }));
  return {
    modules,
    lessons,
    lessonsBySlug: new Map(lessons.map((lesson) => [lesson.slug, lesson])),
    lessonsById: new Map(lessons.map((lesson) => [lesson.id, lesson])),
  };
}
