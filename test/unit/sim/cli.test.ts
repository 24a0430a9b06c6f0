import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES } from '@/lib/balancers/registry';
import { NAMED_SCENARIOS } from '@/lib/sim/named-scenarios';

// The project's own tsx, which is what `npx tsx` resolves to, without npx's start-up cost.
const tsx = path.join('node_modules', '.bin', 'tsx');

function sim(...args: string[]) {
  const result = spawnSync(tsx, ['scripts/sim.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'sim-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let files = 0;
function scenarioFile(content: unknown): string {
  files += 1;
  const file = path.join(scratch, `scenario-${files}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('npm run sim', { timeout: 20_000 }, () => {
  it('--list prints every algorithm with its summary', () => {
    const { code, stdout } = sim('--list');
    expect(code).toBe(0);
    for (const name of ALGORITHM_NAMES) expect(stdout).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'));
  });

  it('--trace shows round robin cycling a b c a b c', () => {
    const { code, stdout } = sim('--algorithm', 'round-robin', '--servers', '3', '--requests', '6', '--trace', '6', '--seed', '1');
    expect(code).toBe(0);
    const picks = stdout.split('\n').filter((line) => line.startsWith('#')).map((line) => line.split('→ ')[1]);
    expect(picks).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(stdout).toContain('6 requests: 6 served');
  });

  it('--json prints the metrics with per-server counts', () => {
    const { code, stdout } = sim('--algorithm', 'weighted-round-robin', '--weights', '5,1,1', '--requests', '700', '--json');
    expect(code).toBe(0);
    const { metrics } = JSON.parse(stdout) as { metrics: { served: number; servers: { id: string; served: number }[] } };
    expect(metrics.served).toBe(700);
    expect(metrics.servers.map((server) => [server.id, server.served])).toEqual([['a', 500], ['b', 100], ['c', 100]]);
  });

  it('runs a scenario file, with --algorithm overriding the one in it', () => {
    const file = scenarioFile({
      seed: 3,
      algorithm: 'random',
      servers: [{ weight: 1, capacity: 1 }, { weight: 1, capacity: 1 }],
      arrivals: { pattern: 'poisson', ratePerSecond: 100 },
      cost: { distribution: 'constant', meanMs: 1 },
      requests: 4,
    });
    const { code, stdout } = sim('--scenario', file, '--algorithm', 'round-robin', '--trace', '4');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^round-robin · 2 servers/);
  });

  it('exits 2 with a message on an unknown flag', () => {
    const { code, stdout, stderr } = sim('--bogus');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("Unknown option '--bogus'");
  });

  it('exits 2 listing the problems of an invalid scenario file', () => {
    const { code, stderr } = sim('--scenario', scenarioFile({ seed: 1, algorithm: 'fastest', servers: [] }));
    expect(code).toBe(2);
    expect(stderr).toContain('algorithm must be one of');
    expect(stderr).toContain('servers must be a non-empty array');
  });

  it('exits 2 when the scenario file is not JSON', () => {
    const { code, stderr } = sim('--scenario', scenarioFile('{ not json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read scenario .*scenario-\d+\.json/);
  });

  it('--list also prints every named scenario with its variants', () => {
    const { code, stdout } = sim('--list');
    expect(code).toBe(0);
    for (const named of NAMED_SCENARIOS) expect(stdout).toMatch(new RegExp(`^${named.id}\\s+${named.title}`, 'm'));
  });

  it('--scenario NAME:2 runs the second variant of a named scenario, and prints the share remapped', () => {
    const { code, stdout } = sim('--scenario', 'consistent-hashing-add-server:2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^consistent-hash · 3 servers/);
    expect(stdout).toMatch(/remapped by the last pool change: \d+\.\d% of returning clients moved server/);
  });

  it('--scenario NAME runs the first variant, and prints the sessions lost', () => {
    const { code, stdout } = sim('--scenario', 'crash-with-sticky-sessions', '--json');
    expect(code).toBe(0);
    const { scenario, metrics } = JSON.parse(stdout) as { scenario: { sessions: { store: string } }; metrics: { sessionsLost: number } };
    expect(scenario.sessions.store).toBe('server');
    expect(metrics.sessionsLost).toBeGreaterThan(0);
  });

  it('exits 2 on an unknown scenario name or a variant that does not exist', () => {
    const unknown = sim('--scenario', 'round-robin-with-feelings');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown scenario 'round-robin-with-feelings'");
    const third = sim('--scenario', 'consistent-hashing-add-server:3');
    expect(third.code).toBe(2);
    expect(third.stderr).toContain('has 2 variants');
  });

  it('--sweep prints one row per offered load beside M/M/c, and where p99 bends', () => {
    const { code, stdout } = sim('--sweep', '0.2,0.9', '--requests', '5000', '--servers', '2');
    expect(code).toBe(0);
    expect(stdout).toContain('Theory: M/M/2');
    const rows = stdout.split('\n').filter((line) => /^\s+\d+%/.test(line));
    expect(rows.map((row) => row.trim().split(/\s+/)[0])).toEqual(['20%', '90%']);
    expect(stdout).toMatch(/p99 (has doubled|never doubled)/);
  });

  it('--sweep exits 2 on loads it cannot read, loads at 100% or more, and flags that would change the load', () => {
    expect(sim('--sweep', 'lots').code).toBe(2);
    const full = sim('--sweep', '0.5,1');
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('utilisations');
    expect(sim('--sweep', '0.5', '--rate', '100').stderr).toContain('--rate cannot be combined with --sweep');
  });

  it('takes the failure-under-load settings and prints how client requests ended', () => {
    const { code, stdout } = sim('--servers', '2', '--capacity', '2', '--rate', '600', '--requests', '2000', '--request-timeout', '200', '--per-try-timeout', '50', '--retries', 'envoy:2', '--retry-budget', '20', '--maxconn', '2', '--queue-timeout', '30', '--json');
    expect(code).toBe(0);
    const { scenario, metrics } = JSON.parse(stdout) as { scenario: { overload: Record<string, unknown> }; metrics: { overload: { requests: number; succeeded: number; queueTimeouts: number } } };
    expect(scenario.overload).toMatchObject({ requestTimeoutMs: 200, perTryTimeoutMs: 50, balancerRetries: { style: 'envoy', numRetries: 2 }, retryBudget: { budgetPercent: 20 }, maxConnPerServer: 2, queueTimeoutMs: 30 });
    expect(metrics.overload.requests).toBe(2000);
    expect(metrics.overload.queueTimeouts).toBeGreaterThan(0);
    expect(sim('--servers', '2', '--rate', '300', '--requests', '500', '--hedge', '20').stdout).toMatch(/^client requests: \d+ answered in time/m);
  });

  it('exits 2 on a malformed retry policy, and lets the schema word a bad value', () => {
    const malformed = sim('--retries', 'haproxy:3');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--retries must be nginx:N or envoy:N');
    const negative = sim('--request-timeout=-5');
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('overload.requestTimeoutMs must be greater than 0, got -5');
  });
});
