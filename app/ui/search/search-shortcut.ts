function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Ctrl+K / ⌘K anywhere, or "/" when the learner is not typing: the keys that open search. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return (event.key === 'k' && (event.metaKey || event.ctrlKey)) || (event.key === '/' && !isTyping(event.target));
}
