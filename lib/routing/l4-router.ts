import { createMaglev, type MaglevOptions } from '@/lib/balancers/maglev';
import type { BackendId, BackendView, Balancer } from '@/lib/balancers/types';

export type TransportProtocol = 'tcp' | 'udp';

/**
 * Everything a Layer 4 balancer sees of a connection: its 5-tuple. There is no host, path, header
 * or cookie at this layer (they live inside the byte stream it does not parse), so the type has
 * none and a rule on them cannot even be written.
 */
export interface FiveTuple {
  readonly protocol: TransportProtocol;
  readonly sourceIp: string;
  readonly sourcePort: number;
  readonly destinationIp: string;
  readonly destinationPort: number;
}

/** AWS NLB listener protocols, less TLS (which terminates encryption, so it is no longer only Layer 4); `tcp_udp` takes both on one port. */
export type ListenerProtocol = TransportProtocol | 'tcp_udp';

/** A listener takes the connections to one port (and protocol) and forwards them to one target group. */
export interface L4Listener {
  protocol: ListenerProtocol;
  port: number;
  /** Only connections to this address, as an IPVS virtual service is protocol + VIP + port; any address when omitted. */
  ip?: string;
  targetGroup: string;
}

/** What happened to a connection's first (or next) packet. */
export type L4Decision =
  | {
      outcome: 'forwarded';
      listener: L4Listener;
      target: BackendId;
      /** new: first packet of the flow; tracked: it stays where it went; moved: its target is gone, so this connection broke and the flow starts over elsewhere. */
      flow: 'new' | 'tracked' | 'moved';
    }
  /** NLB drops traffic that matches no listener. */
  | { outcome: 'dropped'; reason: 'no-listener' }
  | { outcome: 'dropped'; reason: 'no-target'; listener: L4Listener };

/** One canonical string per flow; direction matters, so the reply path is a different string. */
export function flowKey(connection: FiveTuple): string {
  const { protocol, sourceIp, sourcePort, destinationIp, destinationPort } = connection;
  return `${protocol} ${sourceIp}:${sourcePort} > ${destinationIp}:${destinationPort}`;
}

const accepts = (listener: L4Listener, protocol: TransportProtocol) => listener.protocol === protocol || listener.protocol === 'tcp_udp';

/** The listener for a connection: protocol and port must match; one bound to the destination address beats one bound to any address. */
export function findListener(listeners: readonly L4Listener[], connection: FiveTuple): L4Listener | undefined {
  const matching = listeners.filter((listener) => listener.port === connection.destinationPort && accepts(listener, connection.protocol));
  return matching.find((listener) => listener.ip === connection.destinationIp) ?? matching.find((listener) => listener.ip === undefined);
}

/** Listener sets a balancer would refuse: ports outside 1–65535 (NLB listener configuration), or two listeners claiming the same traffic. */
export function listenerProblems(listeners: readonly L4Listener[]): string[] {
  const problems: string[] = [];
  for (const [i, listener] of listeners.entries()) {
    const name = `${listener.ip ?? '*'}:${listener.port}/${listener.protocol}`;
    if (!Number.isInteger(listener.port) || listener.port < 1 || listener.port > 65_535) problems.push(`${name}: port must be a whole number from 1 to 65535`);
    const clash = listeners.slice(0, i).find((earlier) => earlier.port === listener.port && earlier.ip === listener.ip && (['tcp', 'udp'] as const).some((p) => accepts(earlier, p) && accepts(listener, p)));
    if (clash) problems.push(`${name}: the same traffic is already taken by ${clash.ip ?? '*'}:${clash.port}/${clash.protocol}`);
  }
  return problems;
}

/** A Layer 4 router: listeners plus a connection-tracking table. */
export interface L4Router {
  /** Routes a packet by its 5-tuple alone; `targetGroups` are the current backends of each group, by name. */
  route(connection: FiveTuple, targetGroups: Readonly<Record<string, readonly BackendView[]>>): L4Decision;
  /** The connection ended (TCP FIN or RST, or a UDP flow idle past its timeout): forget where it went. */
  close(connection: FiveTuple): void;
  /** Flows the table remembers. */
  readonly openFlows: number;
}

/**
 * Layer 4 routing as AWS NLB describes it (NLB guide, "Network Load Balancer overview"): a target
 * is chosen by "a flow hash algorithm based on the protocol, source IP address, source port,
 * destination IP address, destination port" (for TCP NLB also hashes the sequence number, which
 * only matters when a 5-tuple is reused; we leave it out), and "each individual TCP connection is
 * routed to a single target for the life of the connection". New flows hash through a Maglev table
 * per target group; a connection-tracking table, as Maglev (NSDI 2016) and IPVS keep one, holds
 * each flow on its target when the group grows or shrinks around it.
 */
export function createL4Router(listeners: readonly L4Listener[], options: MaglevOptions = {}): L4Router {
  const problems = listenerProblems(listeners);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const hashers = new Map<string, Balancer>();
  const flows = new Map<string, BackendId>();
  const hasherFor = (group: string) => {
    let hasher = hashers.get(group);
    if (!hasher) hashers.set(group, (hasher = createMaglev(options)));
    return hasher;
  };

  return {
    route(connection, targetGroups) {
      const listener = findListener(listeners, connection);
      if (!listener) return { outcome: 'dropped', reason: 'no-listener' };
      const backends = targetGroups[listener.targetGroup] ?? [];
      const key = flowKey(connection);
      const tracked = flows.get(key);
      if (tracked !== undefined && backends.some((backend) => backend.id === tracked && backend.usable)) return { outcome: 'forwarded', listener, target: tracked, flow: 'tracked' };
      const target = hasherFor(listener.targetGroup).pick(backends, { key });
      if (target === undefined) {
        flows.delete(key);
        return { outcome: 'dropped', reason: 'no-target', listener };
      }
      flows.set(key, target);
      return { outcome: 'forwarded', listener, target, flow: tracked === undefined ? 'new' : 'moved' };
    },
    close(connection) {
      flows.delete(flowKey(connection));
    },
    get openFlows() {
      return flows.size;
    },
  };
}
