import { describe, expect, expectTypeOf, it } from 'vitest';
import { createL4Router, findListener, flowKey, listenerProblems, type FiveTuple, type L4Listener } from '@/lib/routing/l4-router';
import { backendId, type BackendView } from '@/lib/balancers/types';

const listeners: L4Listener[] = [
  { protocol: 'tcp', port: 443, targetGroup: 'web' },
  { protocol: 'tcp', port: 443, ip: '203.0.113.10', targetGroup: 'vip-10' },
  { protocol: 'udp', port: 53, targetGroup: 'dns' },
  { protocol: 'tcp_udp', port: 5000, targetGroup: 'game' },
];
const targets = (...names: string[]): BackendView[] => names.map((name) => ({ id: backendId(name), weight: 1, usable: true, activeConnections: 0 }));
const groups = { web: targets('w1', 'w2', 'w3'), 'vip-10': targets('v1'), dns: targets('d1', 'd2'), game: targets('g1') };
const tcp = (sourcePort: number, destinationPort = 443, destinationIp = '203.0.113.20'): FiveTuple => ({ protocol: 'tcp', sourceIp: '198.51.100.7', sourcePort, destinationIp, destinationPort });
const targetOf = (decision: ReturnType<ReturnType<typeof createL4Router>['route']>) => (decision.outcome === 'forwarded' ? decision.target : decision.reason);

describe('Layer 4 listeners (AWS NLB listener configuration, IPVS virtual services)', () => {
  it('picks the listener by protocol and destination port', () => {
    expect(findListener(listeners, tcp(40_000))?.targetGroup).toBe('web');
    expect(findListener(listeners, { ...tcp(40_000, 53), protocol: 'udp' })?.targetGroup).toBe('dns');
  });

  it('lets a tcp_udp listener take both protocols on its port', () => {
    expect(findListener(listeners, tcp(40_000, 5000))?.targetGroup).toBe('game');
    expect(findListener(listeners, { ...tcp(40_000, 5000), protocol: 'udp' })?.targetGroup).toBe('game');
  });

  it('prefers a listener bound to the destination address over one bound to any address', () => {
    expect(findListener(listeners, tcp(40_000, 443, '203.0.113.10'))?.targetGroup).toBe('vip-10');
    expect(findListener(listeners, tcp(40_000, 443, '203.0.113.11'))?.targetGroup).toBe('web');
  });

  it('drops traffic no listener takes: another port, or UDP to a TCP port', () => {
    const router = createL4Router(listeners);
    expect(router.route(tcp(40_000, 80), groups)).toEqual({ outcome: 'dropped', reason: 'no-listener' });
    expect(router.route({ ...tcp(40_000), protocol: 'udp' }, groups)).toEqual({ outcome: 'dropped', reason: 'no-listener' });
  });

  it('refuses ports outside 1–65535 and two listeners claiming the same traffic', () => {
    expect(listenerProblems(listeners)).toEqual([]);
    expect(listenerProblems([{ protocol: 'tcp', port: 0, targetGroup: 'x' }])).toHaveLength(1);
    expect(listenerProblems([{ protocol: 'udp', port: 65_536, targetGroup: 'x' }])).toHaveLength(1);
    expect(listenerProblems([{ protocol: 'tcp', port: 53, targetGroup: 'x' }, { protocol: 'udp', port: 53, targetGroup: 'y' }])).toEqual([]);
    expect(listenerProblems([{ protocol: 'udp', port: 53, targetGroup: 'x' }, { protocol: 'tcp_udp', port: 53, targetGroup: 'y' }])).toEqual(['*:53/tcp_udp: the same traffic is already taken by *:53/udp']);
    expect(() => createL4Router([{ protocol: 'tcp', port: 443, targetGroup: 'a' }, { protocol: 'tcp', port: 443, targetGroup: 'b' }])).toThrow(RangeError);
  });
});

describe('flow hashing (AWS NLB: protocol, source and destination address and port)', () => {
  it('keeps every packet of one connection on one target', () => {
    const router = createL4Router(listeners);
    const first = router.route(tcp(40_001), groups);
    expect(first).toMatchObject({ outcome: 'forwarded', flow: 'new' });
    for (let i = 0; i < 5; i++) expect(router.route(tcp(40_001), groups)).toMatchObject({ target: targetOf(first), flow: 'tracked' });
  });

  it('hashes the same 5-tuple to the same target on another balancer node with no shared state', () => {
    expect(targetOf(createL4Router(listeners).route(tcp(40_002), groups))).toBe(targetOf(createL4Router(listeners).route(tcp(40_002), groups)));
  });

  it('spreads one client\'s connections over the targets, since each has its own source port', () => {
    const router = createL4Router(listeners);
    const counts = new Map<string, number>();
    for (let port = 40_000; port < 40_600; port++) {
      const target = targetOf(router.route(tcp(port), groups));
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['w1', 'w2', 'w3']);
    for (const count of counts.values()) expect(count).toBeGreaterThan(600 * 0.2);
  });

  it('keeps open connections where they are when a target joins, while new ones reach it', () => {
    const router = createL4Router(listeners);
    const ports = Array.from({ length: 400 }, (_, i) => 41_000 + i);
    const before = ports.map((port) => targetOf(router.route(tcp(port), groups)));
    const grown = { ...groups, web: targets('w1', 'w2', 'w3', 'w4') };
    expect(ports.map((port) => router.route(tcp(port), grown))).toEqual(ports.map((_, i) => expect.objectContaining({ target: before[i], flow: 'tracked' })));
    // Without the tracking table, hashing alone would have moved about a quarter of them.
    const stateless = createL4Router(listeners);
    const rehashed = ports.filter((port, i) => targetOf(stateless.route(tcp(port), grown)) !== before[i]).length / ports.length;
    expect(rehashed).toBeGreaterThan(0.15);
    expect(rehashed).toBeLessThan(0.35);
    expect(ports.map((port) => targetOf(router.route(tcp(port + 1_000), grown)))).toContain('w4');
  });

  it('moves only the connections of a target that goes down, which break and start over elsewhere', () => {
    const router = createL4Router(listeners);
    const ports = Array.from({ length: 200 }, (_, i) => 42_000 + i);
    const before = ports.map((port) => targetOf(router.route(tcp(port), groups)));
    const w2Down = { ...groups, web: groups.web.map((backend) => (backend.id === 'w2' ? { ...backend, usable: false } : backend)) };
    const after = ports.map((port) => router.route(tcp(port), w2Down));
    after.forEach((decision, i) => {
      expect(decision).toMatchObject(before[i] === 'w2' ? { flow: 'moved' } : { target: before[i], flow: 'tracked' });
      expect(targetOf(decision)).not.toBe('w2');
    });
  });

  it('forgets a closed connection, and drops one whose group has no usable target', () => {
    const router = createL4Router(listeners);
    router.route(tcp(43_000), groups);
    expect(router.openFlows).toBe(1);
    router.close(tcp(43_000));
    expect(router.openFlows).toBe(0);
    expect(router.route(tcp(43_000), { ...groups, web: [] })).toMatchObject({ outcome: 'dropped', reason: 'no-target' });
  });

  it('names a flow by its direction, so the reply is a different flow', () => {
    expect(flowKey(tcp(40_000))).toBe('tcp 198.51.100.7:40000 > 203.0.113.20:443');
    expect(flowKey({ protocol: 'tcp', sourceIp: '203.0.113.20', sourcePort: 443, destinationIp: '198.51.100.7', destinationPort: 40_000 })).not.toBe(flowKey(tcp(40_000)));
  });
});

describe('what Layer 4 cannot see', () => {
  it('has no host, path, header or cookie in its request type', () => {
    expectTypeOf<FiveTuple>().not.toHaveProperty('path');
    expectTypeOf<FiveTuple>().not.toHaveProperty('host');
    expectTypeOf<FiveTuple>().not.toHaveProperty('headers');
    expectTypeOf<FiveTuple>().not.toHaveProperty('cookies');
    expectTypeOf<L4Listener>().not.toHaveProperty('path');
  });

  it('refuses, at compile time, a request that carries a path', () => {
    const router = createL4Router(listeners);
    // @ts-expect-error a Layer 4 router is given the 5-tuple only; `path` is not part of it
    const decision = router.route({ ...tcp(44_000), path: '/api' }, groups);
    // Two HTTP requests for different paths on one connection are the same 5-tuple, so they land together.
    expect(targetOf(decision)).toBe(targetOf(router.route(tcp(44_000), groups)));
  });
});
