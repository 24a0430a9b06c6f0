import { DEFAULT_LAB_STATE } from './default-state';
import { decodeLabState, type LabState } from './lab-state';
import { findPreset } from './presets';

/** What /lab should open with, and why not what was asked for when the link is bad. */
export interface ResolvedLabRequest {
  state: LabState;
  presetId?: string;
  problems: string[];
}

/** Reads the lab's query: `run` (a shared state) wins over `scenario` (a named one); anything broken falls back to the default, with the reason. */
export function resolveLabRequest(query: { run?: string | string[]; scenario?: string | string[] }): ResolvedLabRequest {
  const run = typeof query.run === 'string' ? query.run : undefined;
  const scenario = typeof query.scenario === 'string' ? query.scenario : undefined;
  if (run !== undefined) {
    const decoded = decodeLabState(run);
    if (decoded.ok) return { state: decoded.state, problems: [] };
    return { state: DEFAULT_LAB_STATE, problems: decoded.errors };
  }
  if (scenario !== undefined) {
    const preset = findPreset(scenario);
    if (preset) return { state: preset.state, presetId: preset.id, problems: [] };
    return { state: DEFAULT_LAB_STATE, problems: [`there is no scenario called “${scenario.slice(0, 80)}”`] };
  }
  return { state: DEFAULT_LAB_STATE, problems: [] };
}
