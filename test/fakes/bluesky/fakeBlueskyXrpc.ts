// The request/answer vocabulary shared by the fake's route files.
import type { IncomingHttpHeaders } from 'node:http';
import type { FakeBlueskyKnobs } from './fakeBlueskyKnobs';
import type { ViewContext } from './fakeBlueskyViews';

export interface XrpcRequest {
  nsid: string;
  params: URLSearchParams;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** DID of the valid access token's owner; null on unauthenticated methods. */
  viewerDid: string | null;
}

export interface RouteContext extends ViewContext {
  knobs: FakeBlueskyKnobs;
}

export type XrpcHandler = (ctx: RouteContext, req: XrpcRequest) => unknown;

/** An XRPC error answer: `{ error, message }` with an HTTP status, as the PDS sends. */
export class XrpcFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

export function requireParam(req: XrpcRequest, name: string): string {
  const value = req.params.get(name);
  if (value === null || value === '') throw new XrpcFailure(400, 'InvalidRequest', `Error: Params must have the property "${name}"`);
  return value;
}

export function limitParam(req: XrpcRequest, fallback: number, max: number): number {
  const raw = req.params.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new XrpcFailure(400, 'InvalidRequest', `Error: limit must be between 1 and ${max}`);
  return n;
}
