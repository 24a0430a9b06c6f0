import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box on a narrow screen, never the page; the box is
 * focusable and named so a keyboard can scroll it too.
 */
export function DataTable({ label, className, testId, children }: { label: string; className?: string; testId?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={`${label} (scrolls sideways on small screens)`}>
      <table className={className} data-testid={testId}>
        {children}
      </table>
    </div>
  );
}
