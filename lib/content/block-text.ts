import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * A Markdown block's text for search and excerpts: like mdast-util-to-string, but a table keeps
 * its cells apart (" · " between cells, a line per row) and list items and quoted paragraphs a
 * line each, so "Round robin" and "Static" in two cells never read as "Round robinStatic".
 */
export function blockText(node: Nodes): string {
  if (node.type === 'table') return node.children.map((row) => row.children.map((cell) => toString(cell).trim()).join(' · ')).join('\n');
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') return node.children.map((child) => blockText(child)).join('\n');
  return toString(node);
}
