import algorithms from './algorithms.json';
import foundations from './foundations.json';
import interview from './interview.json';
import layers from './layers.json';
import overload from './overload.json';
import resilience from './resilience.json';
import sessions from './sessions.json';

/**
 * Every file of the drill bank, keyed by the course module (content/outline.ts) whose
 * questions it holds. Typed as unknown on purpose: lib/drills/load-bank.ts validates them.
 */
export const drillQuestionFiles: Readonly<Record<string, unknown>> = { foundations, algorithms, sessions, layers, resilience, overload, interview };
