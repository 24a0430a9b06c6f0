import type { ReactNode } from 'react';

/** A row of headline figures: the progress page and the drills overview. */
export function StatList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="stat-list" aria-label={label}>
      {children}
    </ul>
  );
}

/** One headline figure: the value large, what it counts, and a line under it (often the way in). */
export function Stat({ value, label, detail, testId }: { value: ReactNode; label: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <li className="stat" data-testid={testId}>
      <strong>{value}</strong> {label}
      {detail && <span className="muted stat-detail">{detail}</span>}
    </li>
  );
}
