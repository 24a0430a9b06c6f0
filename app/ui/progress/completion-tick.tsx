/**
 * A completion mark, rendered static on the server and kept in sync by <TickSync>:
 * dozens of ticks cost nothing to hydrate.
 */
export function CompletionTick({ lessonId }: { lessonId: string }) {
  return (
    <span className="tick" data-tick-for={lessonId} data-done="false" data-testid={`tick-${lessonId}`}>
      <span className="tick-mark" aria-hidden="true" />
      <span className="visually-hidden tick-text">(not completed)</span>
    </span>
  );
}
