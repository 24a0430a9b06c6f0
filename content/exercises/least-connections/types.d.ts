/** One backend server as the balancer sees it when a request arrives. */
export interface Backend {
  /** A unique name, such as "a" or "10.0.0.1:80". */
  id: string;
  /** A positive whole number: a server of weight 3 is meant to carry three times the load of one of weight 1. */
  weight: number;
  /** False while health checks say the server is down: never send it a request. */
  up: boolean;
  /** Requests this server is working on right now (the caller keeps count). */
  active: number;
}
