import type { Snapshot } from '@/lib/sim/simulator';

/**
 * One snapshot for consecutive steps within a frame: the later state, with each server's
 * `routed` counting every step, so the picture draws the frame's whole traffic. Windows need no
 * merging: steps inside a frame keep the window open (see Replay).
 */
export function mergeSnapshots(earlier: Snapshot, later: Snapshot): Snapshot {
  return { ...later, servers: later.servers.map((server, index) => ({ ...server, routed: server.routed + (earlier.servers[index]?.routed ?? 0) })) };
}
