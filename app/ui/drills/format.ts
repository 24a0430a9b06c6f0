/** "31%" for a 0..1 share. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export const DIFFICULTY_LABELS: Record<number, string> = { 1: 'Recall', 2: 'Apply', 3: 'Combine' };

/** "27 Nov 2026, 18:40", in a time zone (the browser's when none is given). */
export function formatWhen(iso: string, timeZone?: string): string {
  const text = new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
  return timeZone === 'UTC' ? `${text} UTC` : text;
}

/** Blocks of a model answer: paragraphs split at blank lines, "- " lines as a list. */
export type TextBlock = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const last = blocks.at(-1);
    if (trimmed.startsWith('- ')) {
      if (last?.kind === 'ul') last.items.push(trimmed.slice(2));
      else blocks.push({ kind: 'ul', items: [trimmed.slice(2)] });
    } else {
      blocks.push({ kind: 'p', text: trimmed });
    }
  }
  return blocks;
}
