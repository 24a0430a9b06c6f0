/**
 * How a client's request reaches a balancer tier that can itself fail: one balancer, a
 * keepalived/VRRP active-passive pair sharing a floating IP, or two balancers behind round-robin DNS.
 */

/** Which of the two balancers: 0 is the primary (active-passive) or the first DNS address. */
export type BalancerIndex = 0 | 1;

/** One balancer and nothing behind it: while it is down, every request fails. */
export interface SingleSpec {
  mode: 'single';
}

/** Two balancers sharing a floating IP (keepalived, VRRP RFC 5798); balancer 0 is the primary, with the higher priority. */
export interface ActivePassiveSpec {
  mode: 'active-passive';
  /** VRRP Advertisement_Interval (keepalived `advert_int`, default 1 s). */
  heartbeatIntervalMs: number;
  /** Advertisements missed before the backup declares the master down; RFC 5798 uses 3. */
  missedHeartbeats: number;
  /** From becoming master to traffic arriving: gratuitous ARP reaching switches and neighbours. */
  takeoverMs: number;
  /** RFC 5798 Skew_Time added to the master-down wait; 0 unless given (see vrrpSkewMs). */
  skewMs?: number;
  /** Whether a recovered primary takes the floating IP back (keepalived's default; `nopreempt` turns it off). Default true. */
  preempt?: boolean;
}

/** Both balancers' addresses published in DNS, each removed by a health check when it fails (Route 53). */
export interface DnsRoundRobinSpec {
  mode: 'dns-round-robin';
  /** The record's TTL: how long a client keeps the address it resolved. */
  ttlMs: number;
  /** Route 53 RequestInterval: 30 s by default, 10 s for fast checks. */
  healthCheckIntervalMs: number;
  /** Route 53 FailureThreshold (default 3): checks in a row that flip a record's health, either way. */
  failuresToRemove: number;
  /** Share of clients (0..1) that ignore the TTL and keep their address for pinnedForMs instead. */
  ignoreTtlShare?: number;
  /** How long a TTL-ignoring client keeps its address; default 30 min, Internet Explorer's DnsCacheTimeout (Microsoft KB 263558). */
  pinnedForMs?: number;
}

export type FrontDoorSpec = SingleSpec | ActivePassiveSpec | DnsRoundRobinSpec;

/** A balancer crashing or coming back at a moment of simulated time. */
export interface BalancerFailure {
  atMs: number;
  balancer: BalancerIndex;
  kind: 'crash' | 'recover';
}

/** What to draw at one moment: which balancers are up and where the front door sends clients. */
export type FrontDoorState =
  | {
      mode: 'single';
      /** One entry per balancer: true while it is up. */
      balancerUp: readonly boolean[];
      /** The balancer answering requests, or null while none does. */
      serving: BalancerIndex | null;
    }
  | {
      mode: 'active-passive';
      balancerUp: readonly boolean[];
      /** The VRRP master, which holds the floating IP; null between the master's crash and the backup noticing. */
      vipHolder: BalancerIndex | null;
      /** The balancer whose MAC address the network delivers the floating IP to (until a gratuitous ARP moves it). */
      arpTarget: BalancerIndex;
      serving: BalancerIndex | null;
    }
  | {
      mode: 'dns-round-robin';
      balancerUp: readonly boolean[];
      /** The addresses DNS hands out now: the healthy ones, or both when neither is (Route 53 fails open). */
      published: readonly BalancerIndex[];
      /** How many clients hold each address, as of the latest admit (an expired cache counts until its client comes back). */
      cachedBy: readonly [number, number];
    };

/** The balancer tier as clients see it. */
export interface FrontDoor {
  /** Whether this client's request gets through the balancer tier at nowMs; false means it fails there. Calls come in non-decreasing nowMs. */
  admit(client: number, nowMs: number): boolean;
  /** A snapshot for drawing; any nowMs. */
  state(nowMs: number): FrontDoorState;
}
