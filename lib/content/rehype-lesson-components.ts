import { h } from 'hastscript';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { findPreset } from '@/lib/lab/presets';
import { SWEEP_EMBED } from '@/lib/queueing/sweep-embed';
import type { LessonComponentName } from './lesson-components';

type JsxNode = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Attributes = Record<string, string>;

const CALLOUT_LABELS = { note: 'Note', tip: 'Tip', warning: 'Watch out', correction: 'Correction' } as const;

function attributesOf(node: JsxNode, file: VFile): Attributes {
  const attributes: Attributes = {};
  for (const attribute of node.attributes) {
    const literal = attribute as MdxJsxAttribute;
    if (literal.type !== 'mdxJsxAttribute' || typeof literal.value !== 'string') {
      file.fail(`<${node.name}>: attributes must be plain strings, like kind="note"`, node);
    }
    attributes[literal.name] = literal.value as string;
  }
  return attributes;
}

/** Each lesson component becomes plain HTML here, at build time; only diagrams hydrate later. */
const builders: Record<LessonComponentName, (attributes: Attributes, children: ElementContent[], node: JsxNode, file: VFile) => Element> = {
  Diagram: ({ id = '', title = '', description = '' }) =>
    h('figure.diagram', { dataTestid: 'diagram', dataDiagramId: id, ariaLabelledby: `${id}-title` }, [
      h('div.diagram-root', { dataDiagramRoot: id }, [
        h('div.diagram-placeholder', { role: 'img', ariaLabel: title, ariaDescribedby: `${id}-description` }, 'Drawing diagram…'),
      ]),
      h('figcaption', { id: `${id}-title` }, title),
      h('details.diagram-description', [h('summary', 'Text description'), h('p', { id: `${id}-description` }, description)]),
    ]),
  Callout: ({ kind = 'note' }, children, node, file) => {
    if (!(kind in CALLOUT_LABELS)) file.fail(`<Callout kind="${kind}">: kind must be one of ${Object.keys(CALLOUT_LABELS).join(', ')}`, node);
    const label = CALLOUT_LABELS[kind as keyof typeof CALLOUT_LABELS];
    return h('aside.callout', { dataKind: kind, ariaLabel: label }, [h('p.callout-label', label), ...children]);
  },
  // Static until the lab island mounts near the viewport; without JavaScript the link still works.
  Lab: ({ scenario = '' }, _children, node, file) => {
    if (scenario === SWEEP_EMBED.id) return labFigure(SWEEP_EMBED.id, SWEEP_EMBED.title, SWEEP_EMBED.watchFor, '/lab/sweep');
    const preset = findPreset(scenario);
    if (!preset) return file.fail(`<Lab scenario="${scenario}">: no such named scenario (see lib/sim/named-scenarios.ts)`, node);
    return labFigure(preset.id, preset.title, preset.watchFor, `/lab?scenario=${preset.id}`);
  },
  InterviewAngle: (_attributes, children) =>
    h('section.interview-angle', { ariaLabelledby: 'interview-angle' }, [
      h('h2', { id: 'interview-angle' }, [h('a', { href: '#interview-angle' }, 'In the interview')]),
      ...children,
    ]),
};

/** The static frame of a lab embed: a caption, and a root the island mounts into, with a link that works without JavaScript. */
function labFigure(id: string, title: string, watchFor: string, href: string): Element {
  return h('figure.lab-embed', { dataTestid: 'lab-embed', dataLab: id, ariaLabelledby: `lab-${id}-title` }, [
    h('figcaption', [h('strong', { id: `lab-${id}-title` }, `Try it: ${title}`), h('p.lab-embed-watch', watchFor)]),
    h('div.lab-embed-root', { dataLabRoot: id }, [h('p.muted', ['The simulation loads here. ', h('a', { href }, 'Open it in the lab'), '.'])]),
  ]);
}

/** A code block scrolls sideways on a phone: keyboard users reach it with Tab, and hear what it is. */
function labelScrollableCode(pre: Element): void {
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const classes = code?.properties.className;
  const language = (Array.isArray(classes) ? classes : []).map(String).find((name) => name.startsWith('language-'))?.slice('language-'.length);
  pre.properties = { ...pre.properties, tabIndex: 0, role: 'group', ariaLabel: `${language ? `Code (${language})` : 'Code'}, scrolls sideways on small screens` };
}

function isBuilder(name: string): name is LessonComponentName {
  return Object.hasOwn(builders, name);
}

/**
 * Rehype plugin: renders the closed set of lesson components to HTML and fails the build on
 * anything else MDX allows (unknown tags, {expressions}, import/export), naming the line.
 */
export function rehypeLessonComponents() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      const type = (node as RootContent).type as string;
      if (type === 'mdxFlowExpression' || type === 'mdxTextExpression') {
        file.fail('lessons cannot run {expressions}: put braces inside `code`, or escape them as \\{', node);
      }
      if (type === 'mdxjsEsm') file.fail('lessons cannot import or export: use the lesson components instead', node);
      if (type === 'element' && (node as Element).tagName === 'table' && parent && index !== undefined) {
        parent.children[index] = h('div.table-scroll', { tabIndex: 0, role: 'group', ariaLabel: 'Table (scrolls sideways on small screens)' }, [node as Element]);
        return SKIP;
      }
      if (type === 'element' && (node as Element).tagName === 'pre') {
        labelScrollableCode(node as Element);
        return SKIP;
      }
      if (type !== 'mdxJsxFlowElement' && type !== 'mdxJsxTextElement') return;
      const jsx = node as JsxNode;
      if (!jsx.name || !isBuilder(jsx.name)) {
        file.fail(`<${jsx.name ?? 'fragment'}> is not a lesson component (allowed: ${Object.keys(builders).join(', ')})`, jsx);
      }
      const element = builders[jsx.name as LessonComponentName](attributesOf(jsx, file), jsx.children as ElementContent[], jsx, file);
      parent!.children[index!] = element;
    });
  };
}
