import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeLessonComponents } from './rehype-lesson-components';
import { remarkLesson, type LessonOutline } from './remark-lesson';

export interface CompiledLessonBody {
  /** The lesson as static HTML; diagrams are placeholders that the browser fills in. */
  html: string;
  outline: LessonOutline;
}

const MDX_NODE_TYPES: NonNullable<RemarkRehypeOptions['passThrough']> = ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'];

/**
 * Lesson MDX → HTML at build time. MDX syntax, so authors write <Callout>, but nothing is
 * evaluated: the page ships no lesson tree to hydrate, only the diagram islands.
 */
export async function compileLessonBody(body: string, lessonId: string, path = `${lessonId}.mdx`): Promise<CompiledLessonBody> {
  const file = new VFile({ value: body, path });
  const html = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkLesson, { lessonId })
    .use(remarkRehype, { passThrough: MDX_NODE_TYPES })
    .use(rehypeAutolinkHeadings, { behavior: 'wrap' })
    .use(rehypeLessonComponents)
    .use(rehypeStringify)
    .process(file);
  return { html: String(html), outline: file.data.lesson! };
}
