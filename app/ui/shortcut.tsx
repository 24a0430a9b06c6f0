'use client';

import { useSyncExternalStore, type KeyboardEvent } from 'react';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The modifier key's name on this machine: "Ctrl", or "⌘" on a Mac (after hydration; the server says "Ctrl"). */
export function useModifierName(): string {
  return useSyncExternalStore(
    () => () => {},
    () => (isMac() ? '⌘' : 'Ctrl'),
    () => 'Ctrl',
  );
}

/** Whether a key press is Ctrl+Enter (⌘+Enter on a Mac), with Shift when `shift` is set. */
export function isModEnter(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, shift = false): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.shiftKey === shift;
}

/** A form's keydown handler: Ctrl+Enter (⌘+Enter) submits it, as the submit button says. */
export function submitOnModEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (!isModEnter(event) || event.defaultPrevented) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/** A key combination shown on a button ("Ctrl+Enter"), read by screen readers as part of its name. */
export function Shortcut({ keys }: { keys: readonly string[] }) {
  const modifier = useModifierName();
  return (
    <kbd className="shortcut" aria-label={`, shortcut ${[modifier, ...keys].join(' ')}`}>
      {[modifier, ...keys].join('+')}
    </kbd>
  );
}
