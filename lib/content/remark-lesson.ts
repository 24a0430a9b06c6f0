import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { blockText } from './block-text';
import { visit } from 'unist-util-visit';
import type { Code, Heading, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';

export interface LessonHeading {
  depth: 2 | 3;
  text: string;
  slug: string;
}

export interface LessonDiagram {
  id: string;
  title: string;
  description: string;
  source: string;
}

export interface LessonSection {
  heading: string;
  slug: string;
  text: string;
}

/** What one pass over a lesson's Markdown learns about it. */
export interface LessonOutline {
  headings: LessonHeading[];
  diagrams: LessonDiagram[];
  links: string[];
  /** Every component use, in order (a name appears once per use). */
  components: string[];
  /** The named lab scenarios the lesson embeds with <Lab scenario="...">, in order. */
  labs: string[];
  sections: LessonSection[];
  plainText: string;
}

/** `title="A" description="B"` from a fence's meta string. */
export function parseFenceMeta(meta: string | null | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of (meta ?? '').matchAll(/(\w+)="([^"]*)"/g)) attributes[match[1]!] = match[2]!;
  return attributes;
}

function diagramElement(diagram: LessonDiagram): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'Diagram',
    attributes: Object.entries(diagram).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
    children: [],
  };
}

function isJsx(node: RootContent | Root): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/**
 * Remark plugin: turns ```mermaid fences into <Diagram>, gives h2/h3 stable GitHub-style ids,
 * and records the lesson's headings, diagrams, links, components and text on `file.data.lesson`.
 */
export function remarkLesson(options: { lessonId: string }) {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const outline: LessonOutline = { headings: [], diagrams: [], links: [], components: [], labs: [], sections: [], plainText: '' };

    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const meta = parseFenceMeta(node.meta);
      const diagram: LessonDiagram = {
        id: `${options.lessonId}-diagram-${outline.diagrams.length + 1}`,
        title: meta.title ?? '',
        description: meta.description ?? '',
        source: node.value,
      };
      if (!diagram.title || !diagram.description) {
        file.fail(`mermaid diagram ${outline.diagrams.length + 1} needs title="..." and description="..." in its fence line`, node);
      }
      outline.diagrams.push(diagram);
      parent.children.splice(index, 1, diagramElement(diagram));
    });

    visit(tree, (node) => {
      if (node.type === 'heading') {
        const heading = node as Heading;
        const text = toString(heading);
        const slug = slugger.slug(text);
        heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: slug } };
        if (heading.depth === 2 || heading.depth === 3) outline.headings.push({ depth: heading.depth, text, slug });
      } else if (node.type === 'link' || node.type === 'definition') {
        outline.links.push(node.url);
      } else if (isJsx(node as RootContent) && (node as MdxJsxFlowElement).name) {
        const jsx = node as MdxJsxFlowElement;
        outline.components.push(jsx.name!);
        if (jsx.name === 'Lab') outline.labs.push(String(jsx.attributes.find((attribute) => 'name' in attribute && attribute.name === 'scenario')?.value ?? ''));
      }
    });

    let current: LessonSection = { heading: '', slug: '', text: '' };
    outline.sections.push(current);
    for (const child of tree.children) {
      if (child.type === 'heading' && child.depth === 2) {
        current = { heading: toString(child), slug: String(child.data?.hProperties?.id ?? ''), text: '' };
        outline.sections.push(current);
      } else if (child.type !== 'mdxjsEsm' && child.type !== 'yaml') {
        current.text += `${blockText(child)}\n`;
      }
    }
    outline.sections = outline.sections.filter((section) => section.heading || section.text.trim());
    outline.plainText = outline.sections.map((section) => `${section.heading}\n${section.text}`).join('\n');
    file.data.lesson = outline;
  };
}

declare module 'vfile' {
  interface DataMap {
    lesson: LessonOutline;
  }
}
