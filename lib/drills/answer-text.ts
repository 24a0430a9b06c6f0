/** Parts of an answer (template sections, mock phases) joined into the one text that is scored: blank lines between them, empty parts left out. */
export function joinSections(sections: Readonly<Record<string, string>>, order: readonly string[]): string {
  return order
    .map((sectionId) => sections[sectionId]?.trim() ?? '')
    .filter((text) => text.length > 0)
    .join('\n\n');
}
