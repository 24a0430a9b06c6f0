'use client';

/**
 * Says which of the learner's commands the new settings could not take. The live region stays
 * mounted, so a screen reader announces the list when it appears.
 */
export function DroppedCommandsNotice({ reasons, onDismiss }: { reasons: string[]; onDismiss: () => void }) {
  return (
    <div aria-live="polite" data-testid="lab-dropped-commands">
      {reasons.length > 0 && (
        <div className="lab-notice">
          <p>{reasons.length === 1 ? 'One of your commands could not be replayed on the new settings:' : `${reasons.length} of your commands could not be replayed on the new settings:`}</p>
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <button type="button" className="button small" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
