import type { ReactNode } from 'react';

/** The two-column shell of the course; each page renders its own sidebar (it knows the current lesson). */
export default function LearnLayout({ children }: { children: ReactNode }) {
  return <div className="learn-shell">{children}</div>;
}
