/** A backend's identity. Branded, so a backend id is never mixed up with a client or lesson id. */
export type BackendId = string & { readonly __brand: 'BackendId' };

export const backendId = (id: string): BackendId => id as BackendId;

/** Every algorithm the engine implements, by its kebab-case name (CLI flags, URLs, scenarios). */
export type AlgorithmName =
  | 'round-robin'
  | 'weighted-round-robin'
  | 'interleaved-weighted-round-robin'
  | 'least-connections'
  | 'random'
  | 'power-of-two'
  | 'least-request'
  | 'peak-ewma'
  | 'hash-mod-n'
  | 'ip-hash'
  | 'consistent-hash'
  | 'maglev';

/** What a balancer may know about one backend when it picks. Order matters: it is the config order. */
export interface BackendView {
  id: BackendId;
  /** A positive integer; nginx rejects weight 0. */
  weight: number;
  /** False when the backend is down, ejected, draining or at its connection limit: skip it. */
  usable: boolean;
  /** Requests in flight on this backend, as this balancer counts them. */
  activeConnections: number;
}

/** What a request offers to choose by. Hash-based balancers need one of these. */
export interface PickRequest {
  /** Dotted IPv4 (or IPv6) client address. */
  clientIp?: string;
  /** A hash key: a session id, a cookie, a header value. */
  key?: string;
  /** Simulated time of the pick, in ms: latency-aware balancers decay what they learned with it. */
  nowMs?: number;
}

/** A request this balancer routed has finished: what a latency-aware balancer learns from. */
export interface Completion {
  backend: BackendId;
  /** From the pick to the response, queueing at the server included. */
  latencyMs: number;
  nowMs: number;
}

// Owned by lib/random; named here too because a balancer's factory takes one (exercise engines import it from here).
import type { Random } from '@/lib/random/seeded';
export type { Random };

/** One balancing policy. Stateful policies keep their state inside the instance. */
export interface Balancer {
  /** 'custom': a learner's own balancer, raced by the capstone on the engine's traffic. */
  readonly algorithm: AlgorithmName | 'custom';
  /** Chooses a backend for one request, or undefined when none is usable (nginx answers 502). */
  pick(backends: readonly BackendView[], request?: PickRequest): BackendId | undefined;
  /** Optional feedback: called once per request it routed that completes. Only latency-aware balancers need it. */
  onComplete?(completion: Completion): void;
}
