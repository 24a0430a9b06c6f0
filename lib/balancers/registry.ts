import { createConsistentHash } from './consistent-hash';
import { createHashModN } from './hash-mod-n';
import { createInterleavedWeightedRoundRobin } from './interleaved-weighted-round-robin';
import { createIpHash } from './ip-hash';
import { createLeastConnections } from './least-connections';
import { createLeastRequest } from './least-request';
import { createMaglev } from './maglev';
import { createPeakEwma } from './peak-ewma';
import { createPowerOfTwo } from './power-of-two';
import { createRandom } from './random';
import { createRoundRobin } from './round-robin';
import type { AlgorithmName, Balancer, Random } from './types';
import { createWeightedRoundRobin } from './weighted-round-robin';

interface AlgorithmEntry {
  /** What a menu shows: a human name, with the product whose semantics it follows. */
  label: string;
  summary: string;
  create(random: Random): Balancer;
}

/** Every algorithm by name, with one line on what it does: the CLI, the lab and the lessons share this list. */
export const algorithms: Record<AlgorithmName, AlgorithmEntry> = {
  'round-robin': { label: 'Round robin', summary: 'next usable backend in turn, weights ignored', create: () => createRoundRobin() },
  'weighted-round-robin': { label: 'Weighted round robin (nginx)', summary: 'nginx smooth weighted round robin (5,1,1 → a a b a c a a)', create: () => createWeightedRoundRobin() },
  'interleaved-weighted-round-robin': { label: 'Interleaved weighted round robin (LVS)', summary: 'LVS interleaved weighted round robin (5,1,1 → a a a a a b c)', create: () => createInterleavedWeightedRoundRobin() },
  'least-connections': { label: 'Least connections (nginx least_conn)', summary: 'nginx least_conn: fewest active requests per weight, ties by smooth WRR', create: () => createLeastConnections() },
  random: { label: 'Random', summary: 'weighted random choice', create: (random) => createRandom(random) },
  'power-of-two': { label: 'Power of two choices', summary: 'two random draws, keep the less loaded (Envoy least request)', create: (random) => createPowerOfTwo(random) },
  'least-request': {
    label: 'Least request (Envoy)',
    summary: 'Envoy least request: P2C on active requests, or weight / (active + 1)^bias by EDF when weights differ',
    create: (random) => createLeastRequest(random),
  },
  'peak-ewma': {
    label: 'Peak EWMA (Finagle, Linkerd)',
    summary: 'two distinct draws, keep the lower peak-sensitive latency EWMA × (outstanding + 1), decay 10 s',
    create: (random) => createPeakEwma(random),
  },
  'hash-mod-n': { label: 'Hash mod N', summary: 'crc32(key) mod N: sticky, but most keys move when N changes', create: () => createHashModN() },
  'ip-hash': { label: 'IP hash (nginx ip_hash)', summary: 'nginx ip_hash: first three octets, rehash past down servers', create: () => createIpHash() },
  'consistent-hash': { label: 'Consistent hashing (nginx ketama)', summary: 'nginx ketama ring, 160 points per weight: few keys move when N changes', create: () => createConsistentHash() },
  maglev: { label: 'Maglev', summary: 'Maglev lookup table: even shares, minimal disruption', create: () => createMaglev() },
};

export const ALGORITHM_NAMES = Object.keys(algorithms) as AlgorithmName[];

export function isAlgorithmName(name: string): name is AlgorithmName {
  return Object.hasOwn(algorithms, name);
}

/** A fresh balancer of the named algorithm; randomised ones draw from `random`, so runs replay. */
export function createBalancer(name: AlgorithmName, random: Random): Balancer {
  return algorithms[name].create(random);
}
