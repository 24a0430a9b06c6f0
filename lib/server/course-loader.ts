import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { outline as courseOutline } from '@/content/outline';
import { lessonFrontmatterSchema, type LessonFrontmatter } from '@/lib/content/lesson-schema';
import { lessonOrder, outlineProblems, type CourseOutline } from '@/lib/content/outline-schema';
import { readingMinutes } from '@/lib/content/reading-time';
import { remarkLesson, type LessonOutline } from '@/lib/content/remark-lesson';

export const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons');

/** What the outline, sidebar and search need: no compiled body. */
export interface LessonSummary {
  slug: string;
  id: string;
  title: string;
  description: string;
  moduleId: string;
  moduleTitle: string;
  position: number;
  readingMinutes: number;
}

export interface Lesson extends LessonSummary {
  frontmatter: LessonFrontmatter;
  /** Changes whenever the lesson's text changes; progress events record the version they were earned on. */
  contentVersion: string;
  outline: LessonOutline;
  /** The compiled MDX body (`function-body` format), run at render time. */
  code: string;
}

export interface Course {
  modules: { id: string; title: string; lessons: LessonSummary[] }[];
  lessons: Lesson[];
  lessonsBySlug: Map<string, Lesson>;
  lessonsById: Map<string, Lesson>;
}

export class ContentError extends Error {}

/** Parses, validates and compiles one lesson file. Throws ContentError with the file name on any problem. */
export async function compileLesson(file: string, source: string): Promise<Omit<Lesson, 'moduleId' | 'moduleTitle' | 'position'>> {
  const slug = path.basename(file, '.mdx');
  const { data, content } = matter(source);
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new ContentError(`${file}: invalid frontmatter\n${issues}`);
  }
  if (parsed.data.id !== slug) throw new ContentError(`${file}: id "${parsed.data.id}" must equal the file name "${slug}"`);

  let compiled;
  try {
    compiled = await compile(
      { value: content, path: file },
      {
        outputFormat: 'function-body',
        remarkPlugins: [remarkGfm, [remarkLesson, { lessonId: parsed.data.id }]],
        rehypePlugins: [[rehypeAutolinkHeadings, { behavior: 'wrap' }]],
      },
    );
  } catch (error) {
    throw new ContentError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const outline = compiled.data.lesson!;
  return {
    slug,
    id: parsed.data.id,
    title: parsed.data.title,
    description: parsed.data.description,
    readingMinutes: readingMinutes(outline.plainText),
    frontmatter: parsed.data,
    contentVersion: createHash('sha256').update(source).digest('hex').slice(0, 16),
    outline,
    code: String(compiled.value),
  };
}

/** Loads every lesson and checks it against the outline: each listed once, prerequisites earlier. */
export async function loadCourse(outline: CourseOutline = courseOutline, dir: string = LESSONS_DIR): Promise<Course> {
  const problems = outlineProblems(outline);
  const files = (await readdir(/* turbopackIgnore: true */ dir)).filter((name) => name.endsWith('.mdx')).sort();
  const compiled = await Promise.all(files.map(async (name) => compileLesson(name, await readFile(path.join(/* turbopackIgnore: true */ dir, name), 'utf8'))));
  const byId = new Map(compiled.map((lesson) => [lesson.id, lesson]));

  const order = lessonOrder(outline);
  for (const id of order) if (!byId.has(id)) problems.push(`outline lists "${id}" but content/lessons/${id}.mdx does not exist`);
  for (const lesson of compiled) if (!order.includes(lesson.id)) problems.push(`${lesson.slug}.mdx is not listed in content/outline.ts`);
  for (const lesson of compiled) {
    for (const prerequisite of lesson.frontmatter.prerequisites) {
      const at = order.indexOf(prerequisite);
      if (at === -1) problems.push(`${lesson.id}: prerequisite "${prerequisite}" is not a lesson`);
      else if (at >= order.indexOf(lesson.id)) problems.push(`${lesson.id}: prerequisite "${prerequisite}" must come earlier in the outline`);
    }
  }
  if (problems.length > 0) throw new ContentError(`The course outline has problems:\n- ${problems.join('\n- ')}`);

  const lessons: Lesson[] = [];
  const modules = outline.map((courseModule) => ({
    id: courseModule.id,
    title: courseModule.title,
    lessons: courseModule.lessons.map((id) => {
      const lesson: Lesson = { ...byId.get(id)!, moduleId: courseModule.id, moduleTitle: courseModule.title, position: lessons.length };
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

export function summarise(lesson: Lesson): LessonSummary {
  const { slug, id, title, description, moduleId, moduleTitle, position, readingMinutes: minutes } = lesson;
  return { slug, id, title, description, moduleId, moduleTitle, position, readingMinutes: minutes };
}
