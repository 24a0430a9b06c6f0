import type { DrillQuestion } from './question-schema';

export interface ChosenFollowUp {
  prompt: string;
  /** The rubric point it digs into. */
  probes: string;
  /** "missed": the answer left the point out; "deeper": everything was covered, so the interviewer pushes on a core point. */
  reason: 'missed' | 'deeper';
}

/** At most this many follow-ups in a mock interview's deep-dive phase. */
export const MAX_FOLLOW_UPS = 2;

/**
 * The follow-ups an interviewer would ask after the high-level answer: those probing the points it
 * missed, heaviest point first (rubric order breaks ties). When no missed point has a follow-up,
 * one follow-up on the heaviest covered point, so the deep dive always has a question.
 */
export function chooseFollowUps(question: DrillQuestion, coveredPointIds: readonly string[], max = MAX_FOLLOW_UPS): ChosenFollowUp[] {
  const covered = new Set(coveredPointIds);
  const byWeight = question.rubric.map((point, index) => ({ point, index })).sort((a, b) => b.point.weight - a.point.weight || a.index - b.index);
  const firstProbing = (pointId: string) => question.followUps.find((followUp) => followUp.probes === pointId);

  const chosen: ChosenFollowUp[] = [];
  for (const { point } of byWeight) {
    if (chosen.length >= max) break;
    const followUp = covered.has(point.id) ? undefined : firstProbing(point.id);
    if (followUp) chosen.push({ prompt: followUp.prompt, probes: point.id, reason: 'missed' });
  }
  if (chosen.length === 0) {
    const deeper = byWeight.map(({ point }) => firstProbing(point.id)).find((followUp) => followUp !== undefined);
    if (deeper) chosen.push({ prompt: deeper.prompt, probes: deeper.probes, reason: 'deeper' });
  }
  return chosen;
}
