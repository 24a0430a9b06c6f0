import algorithms from './algorithms.json';
import foundations from './foundations.json';
import interview from './interview.json';
import layers from './layers.json';
import overload from './overload.json';
import resilience from './resilience.json';
import sessions from './sessions.json';

/**
 * The drill calibration corpus, one file per module: answers written from the prompts alone,
 * before their authors saw any rubric or model answer. Typed as unknown: lib/drills/calibration.ts
 * validates them. Never edit an answer to suit the scorer; fix the scorer or the rubric instead.
 */
export const calibrationFiles: Readonly<Record<string, unknown>> = { foundations, algorithms, sessions, layers, resilience, overload, interview };
