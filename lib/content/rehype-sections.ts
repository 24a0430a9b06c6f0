import { h } from 'hastscript';
import type { Element, Root, RootContent } from 'hast';

/** Is this a top-level block that opens a new section: an h2, or a component that is already a section? */
function opensSection(node: RootContent): boolean {
  return node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'section');
}

/**
 * Rehype plugin: groups the body into one <div class="lesson-section"> per h2, so the browser can
 * skip layout for sections far below the fold (content-visibility in lesson.css).
 */
export function rehypeSections() {
  return (tree: Root) => {
    const sections: Element[] = [];
    let current: Element | undefined;
    for (const node of tree.children) {
      if (!current || opensSection(node)) {
        current = h('div.lesson-section');
        sections.push(current);
      }
      current.children.push(node as Element);
    }
    tree.children = sections.filter((section) => section.children.some((child) => child.type !== 'text' || child.value.trim()));
  };
}
