import type { ReactNode } from 'react';

const LABELS = { note: 'Note', tip: 'Tip', warning: 'Watch out', correction: 'Correction' } as const;
export type CalloutKind = keyof typeof LABELS;

/** An aside. `correction` marks a common claim (often our source material's) and the facts that replace it. */
export function Callout({ kind = 'note', children }: { kind?: CalloutKind; children: ReactNode }) {
  if (!(kind in LABELS)) throw new Error(`<Callout kind="${kind}">: kind must be one of ${Object.keys(LABELS).join(', ')}`);
  return (
    <aside className="callout" data-kind={kind} aria-label={LABELS[kind]}>
      <p className="callout-label">{LABELS[kind]}</p>
      {children}
    </aside>
  );
}
