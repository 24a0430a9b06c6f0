/** One backend server with its configured weight. */
export interface WeightedServer {
  /** A unique name, such as "a" or "10.0.0.1:80". */
  id: string;
  /** A positive whole number: a server of weight 5 should get five times the requests of a server of weight 1. */
  weight: number;
  /** False while health checks say the server is down: never send it a request. */
  up: boolean;
}
