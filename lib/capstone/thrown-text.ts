/** Characters kept of anything a learner's code threw, wherever it is shown. */
export const THROWN_TEXT_LIMIT = 500;

/**
 * Whatever learner code threw, as bounded text: "Name: message" for an Error, the string itself,
 * or String() of anything else. Reading a thrown value runs learner code (getters, a Proxy's
 * traps, toString, Symbol.toPrimitive), so every read is inside a try, and a message that is not a
 * string is named rather than printed: an object there once crashed the exercise page.
 */
export function thrownText(error: unknown, limit = THROWN_TEXT_LIMIT): string {
  let text: string;
  try {
    if (error instanceof Error) {
      const name: unknown = error.name;
      const message: unknown = error.message;
      const shownName = typeof name === 'string' && name ? name : 'Error';
      text = typeof message === 'string' ? (message ? `${shownName}: ${message}` : shownName) : `${shownName} (with a message that is not text)`;
    } else {
      text = typeof error === 'string' ? error : String(error);
    }
  } catch {
    text = 'a thrown value that cannot be printed';
  }
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
