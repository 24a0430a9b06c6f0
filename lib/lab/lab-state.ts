import { poolCommandSchema, validateScenario, type PoolCommand, type Scenario, type ValidScenario } from '@/lib/sim/scenario';

/** What a learner may do to a running simulation; the same change is applied to every variant, so a comparison stays fair. */
export type LabCommand = PoolCommand;

/** A command with the simulated time it took effect: replaying the log reproduces a run exactly. */
export interface TimedCommand {
  atMs: number;
  command: LabCommand;
}

/** One side of the lab: a scenario and the name it is shown under. */
export interface LabVariant {
  label: string;
  scenario: ValidScenario;
}

/** Everything a run depends on. A shareable URL holds exactly this; speed and pause are only how fast you watch it. */
export interface LabState {
  /** One variant, or two run side by side on the same seeded traffic. */
  variants: LabVariant[];
  commands: TimedCommand[];
}

/** A lab state as written, before validation: what an edited form, a preset or a link builder hands to `encodeLabState`. */
export interface LabStateDraft {
  variants: { label: string; scenario: Scenario }[];
  commands: TimedCommand[];
}

export type LabStateResult = { ok: true; state: LabState } | { ok: false; errors: string[] };

/** Room for a side-by-side comparison, no more: a third column would not fit a laptop screen. */
export const MAX_VARIANTS = 2;
/** A generous bound on one session's clicks; a URL carrying more is not one a learner made. */
export const MAX_COMMANDS = 500;
export const MAX_LABEL_LENGTH = 60;

/** Checks untrusted input (a decoded URL, a posted message) and lists every problem with its path. */
export function validateLabState(input: unknown): LabStateResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: ['lab state must be an object'] };
  const { variants, commands, ...rest } = input as Record<string, unknown>;
  const errors = Object.keys(rest).map((key) => `${key} is not a known field (expected variants, commands)`);
  const state: LabState = { variants: [], commands: [] };

  if (!Array.isArray(variants) || variants.length === 0 || variants.length > MAX_VARIANTS) {
    errors.push(`variants must hold 1 or ${MAX_VARIANTS} entries`);
  } else {
    variants.forEach((value: unknown, index) => {
      const path = `variants[${index}]`;
      const { label, scenario } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      if (typeof label !== 'string' || label.length === 0 || label.length > MAX_LABEL_LENGTH) errors.push(`${path}.label must be text of 1 to ${MAX_LABEL_LENGTH} characters`);
      const checked = validateScenario(scenario);
      if (!checked.ok) errors.push(...checked.errors.map((error) => `${path}.scenario: ${error}`));
      else if (typeof label === 'string') state.variants.push({ label, scenario: checked.scenario });
    });
  }

  if (commands !== undefined) {
    if (!Array.isArray(commands) || commands.length > MAX_COMMANDS) errors.push(`commands must be an array of at most ${MAX_COMMANDS}`);
    else {
      let previous = 0;
      commands.forEach((value: unknown, index) => {
        const timed = readTimedCommand(value, `commands[${index}]`, errors);
        if (!timed) return;
        if (timed.atMs < previous) errors.push(`commands[${index}].atMs must not go back in time`);
        previous = timed.atMs;
        state.commands.push(timed);
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, state };
}

function readTimedCommand(value: unknown, path: string, errors: string[]): TimedCommand | undefined {
  const { atMs, command } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof atMs !== 'number' || !Number.isFinite(atMs) || atMs < 0) {
    errors.push(`${path}.atMs must be a time in ms, at least 0`);
    return undefined;
  }
  const parsed = poolCommandSchema.safeParse(command);
  if (parsed.success) return { atMs, command: parsed.data };
  // The simulator's schema decides what a command is; the lab only words the problem for a link.
  const at = parsed.error.issues[0]?.path[0];
  errors.push(at === 'spec' ? `${path}.command.spec must have a whole weight and capacity of at least 1` : at === 'server' ? `${path}.command.server must be a server index` : `${path}.command.kind must be crash, recover, add-server or remove-server`);
  return undefined;
}

/** The state as a URL-safe token: base64url of its JSON. Readable enough to debug, exact enough to replay. */
export function encodeLabState(state: LabStateDraft): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Reverses encodeLabState; anything that is not a valid state, however it is broken, comes back as errors. */
export function decodeLabState(token: string): LabStateResult {
  let json: unknown;
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
  } catch {
    return { ok: false, errors: ['the link is damaged: it does not decode to a lab state'] };
  }
  return validateLabState(json);
}
