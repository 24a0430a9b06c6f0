import type { PickRequest } from './types';

/** What hash-based balancers hash: the request's key if it has one, else the client address; an empty value counts as none. */
export function hashKeyOf(request: PickRequest | undefined): string | undefined {
  return request?.key || request?.clientIp || undefined;
}
