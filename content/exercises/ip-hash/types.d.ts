/** One backend server with its configured weight. */
export interface WeightedServer {
  /** A unique name, such as "a" or "10.0.0.1:80". */
  id: string;
  /** A positive whole number: a server of weight 2 gets twice the share of clients of a server of weight 1. */
  weight: number;
  /** False while the server is marked down: it keeps its place in the hash, but gets no requests. */
  up: boolean;
}
