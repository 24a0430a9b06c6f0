/** One backend server, as the balancer sees it when a request arrives. */
export interface Server {
  /** A unique name, such as "a" or "10.0.0.1:80". */
  id: string;
  /** False while health checks say the server is down: never send it a request. */
  up: boolean;
}
