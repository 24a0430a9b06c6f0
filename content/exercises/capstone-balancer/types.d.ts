/** One backend as your balancer sees it when a request arrives: the simulator's own view. */
export interface Backend {
  /** A unique name: "a", "b", "c", … */
  id: string;
  /** A positive whole number: a server of weight 4 has four times the workers of one of weight 1. */
  weight: number;
  /** False while the server is down, draining or has a full queue: never return it. */
  usable: boolean;
  /** Requests this server holds right now, being served or waiting in its queue. */
  activeConnections: number;
}

/** What the request offers to choose by. The race tracks do not need either. */
export interface Request {
  clientIp?: string;
  key?: string;
}

/** Your balancer. The simulator calls pick once per request, with every backend, in the same order each time. */
export interface Balancer {
  pick(backends: readonly Backend[], request: Request): string | undefined;
}

/** Uniform numbers in [0, 1), seeded by the race, so a randomised balancer replays exactly. */
export type Random = () => number;
