import type { DrillQuestion } from './question-schema';

const versions = new WeakMap<DrillQuestion, string>();

/**
 * A fingerprint of a question's rubric (FNV-1a over its JSON, 8 hex digits), stored with every
 * attempt: a later rubric edit changes it, so old feedback can say it was scored against an
 * earlier rubric instead of being silently rescored.
 */
export function rubricVersion(question: DrillQuestion): string {
  let version = versions.get(question);
  if (version) return version;
  const text = JSON.stringify(question.rubric);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  version = hash.toString(16).padStart(8, '0');
  versions.set(question, version);
  return version;
}
