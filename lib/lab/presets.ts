import { NAMED_SCENARIOS } from '@/lib/sim/named-scenarios';
import type { LabState } from './lab-state';

/** A named scenario as the lab loads it: the state to run and what the learner should watch for. */
export interface LabPreset {
  id: string;
  title: string;
  lessonSlug: string;
  watchFor: string;
  state: LabState;
}

/** Every named scenario, ready for the lab's picker and for lessons that embed one. */
export const LAB_PRESETS: readonly LabPreset[] = NAMED_SCENARIOS.map((named) => ({
  id: named.id,
  title: named.title,
  lessonSlug: named.lessonSlug,
  watchFor: named.oneLine,
  state: { variants: named.variants.map((variant) => ({ label: variant.label, scenario: variant.scenario })), commands: [] },
}));

export function findPreset(id: string): LabPreset | undefined {
  return LAB_PRESETS.find((preset) => preset.id === id);
}
