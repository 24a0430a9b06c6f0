import type { z } from 'zod';
import type { activePassiveSchema, balancerFailureSchema, dnsRoundRobinSchema, frontDoorSpecSchema, singleSchema } from './spec-schema';
/**
 * How a client's request reaches a balancer tier that can itself fail: one balancer, a
 * keepalived/VRRP active-passive pair sharing a floating IP, or two balancers behind round-robin DNS.
 */

/** Which of the two balancers: 0 is the primary (active-passive) or the first DNS address. */
export type BalancerIndex = 0 | 1;

export type SingleSpec = z.infer<typeof singleSchema>;
export type ActivePassiveSpec = z.infer<typeof activePassiveSchema>;
export type DnsRoundRobinSpec = z.infer<typeof dnsRoundRobinSchema>;
export type FrontDoorSpec = z.infer<typeof frontDoorSpecSchema>;
/** A balancer crashing or coming back at a moment of simulated time. */
export type BalancerFailure = z.infer<typeof balancerFailureSchema>;

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
