import type { ReactNode } from 'react';

/** The lesson's closing section: what to say in an interview, and the follow-ups to expect. */
export function InterviewAngle({ children }: { children: ReactNode }) {
  return (
    <section className="interview-angle" aria-labelledby="interview-angle">
      <h2 id="interview-angle">
        <a href="#interview-angle">In the interview</a>
      </h2>
      {children}
    </section>
  );
}
