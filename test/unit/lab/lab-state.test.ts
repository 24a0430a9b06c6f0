import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB_STATE } from '@/lib/lab/default-state';
import { decodeLabState, encodeLabState, MAX_COMMANDS, validateLabState, type LabState } from '@/lib/lab/lab-state';
import { LAB_PRESETS } from '@/lib/lab/presets';
import { resolveLabRequest } from '@/lib/lab/resolve-lab-request';

const withCommands: LabState = {
  variants: [
    DEFAULT_LAB_STATE.variants[0]!,
    { label: 'least-connections', scenario: { ...DEFAULT_LAB_STATE.variants[0]!.scenario, algorithm: 'least-connections' } },
  ],
  commands: [
    { atMs: 1500.25, command: { kind: 'crash', server: 1 } },
    { atMs: 4000, command: { kind: 'add-server', spec: { weight: 2, capacity: 4 } } },
    { atMs: 9000, command: { kind: 'recover', server: 1 } },
  ],
};

describe('lab state in a URL', () => {
  it('survives encoding exactly, fractional times included', () => {
    const token = encodeLabState(withCommands);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeLabState(token)).toEqual({ ok: true, state: withCommands });
  });

  it('round-trips every named scenario', () => {
    for (const preset of LAB_PRESETS) expect(decodeLabState(encodeLabState(preset.state))).toEqual({ ok: true, state: preset.state });
  });

  it('keeps non-ASCII labels intact', () => {
    const state = { ...DEFAULT_LAB_STATE, variants: [{ ...DEFAULT_LAB_STATE.variants[0]!, label: 'Größe ✓' }] };
    expect(decodeLabState(encodeLabState(state))).toEqual({ ok: true, state });
  });

  it('reports a damaged link instead of throwing', () => {
    for (const token of ['', '!!!', 'e30', encodeLabState(withCommands).slice(0, 40), '%%%']) {
      const result = decodeLabState(token);
      expect(result.ok).toBe(false);
    }
    expect(decodeLabState('e30')).toEqual({ ok: false, errors: ['variants must hold 1 or 2 entries'] });
  });
});

describe('validateLabState', () => {
  it('names every problem with its path', () => {
    const result = validateLabState({
      variants: [{ label: '', scenario: { ...DEFAULT_LAB_STATE.variants[0]!.scenario, servers: [] } }],
      commands: [{ atMs: -1, command: { kind: 'crash', server: 0 } }, { atMs: 5, command: { kind: 'explode' } }],
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('extra is not a known field (expected variants, commands)');
    expect(result.errors).toContain('variants[0].label must be text of 1 to 60 characters');
    expect(result.errors.some((error) => error.startsWith('variants[0].scenario: servers'))).toBe(true);
    expect(result.errors).toContain('commands[0].atMs must be a time in ms, at least 0');
    expect(result.errors).toContain('commands[1].command.kind must be crash, recover, add-server or remove-server');
  });

  it('rejects three variants, commands out of order and an oversized log', () => {
    const variant = DEFAULT_LAB_STATE.variants[0]!;
    expect(validateLabState({ variants: [variant, variant, variant], commands: [] }).ok).toBe(false);
    const backwards = validateLabState({ variants: [variant], commands: [{ atMs: 5, command: { kind: 'crash', server: 0 } }, { atMs: 4, command: { kind: 'recover', server: 0 } }] });
    expect(backwards).toEqual({ ok: false, errors: ['commands[1].atMs must not go back in time'] });
    const flood = Array.from({ length: MAX_COMMANDS + 1 }, () => ({ atMs: 1, command: { kind: 'crash', server: 0 } }));
    expect(validateLabState({ variants: [variant], commands: flood }).ok).toBe(false);
  });

  it('rejects an added server without a whole weight and capacity', () => {
    const variant = DEFAULT_LAB_STATE.variants[0]!;
    const result = validateLabState({ variants: [variant], commands: [{ atMs: 1, command: { kind: 'add-server', spec: { weight: 0.5, capacity: 2 } } }] });
    expect(result).toEqual({ ok: false, errors: ['commands[0].command.spec must have a whole weight and capacity of at least 1'] });
  });
});

describe('resolveLabRequest', () => {
  it('opens a shared run, a named scenario, or the default with the reason', () => {
    expect(resolveLabRequest({ run: encodeLabState(withCommands) })).toEqual({ state: withCommands, problems: [] });
    const preset = LAB_PRESETS[0]!;
    expect(resolveLabRequest({ scenario: preset.id })).toEqual({ state: preset.state, presetId: preset.id, problems: [] });
    expect(resolveLabRequest({ scenario: 'no-such-thing' })).toEqual({ state: DEFAULT_LAB_STATE, problems: ['there is no scenario called “no-such-thing”'] });
    expect(resolveLabRequest({ run: 'garbage' }).problems).toHaveLength(1);
    expect(resolveLabRequest({})).toEqual({ state: DEFAULT_LAB_STATE, problems: [] });
  });
});
