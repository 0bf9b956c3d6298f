// Sessions as a PDS keeps them: opaque access and refresh tokens, refresh rotation (an old
// refresh token dies when used), expiry reported as `400 ExpiredToken` like the real server.
import { randomBytes } from 'node:crypto';

interface AccessToken {
  did: string;
  uses: number;
  expired: boolean;
}

export type AccessCheck = { ok: true; did: string } | { ok: false; status: number; error: string; message: string };

export class FakeSessions {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, string>();
  /** Every token ever issued, so tests can search logs and databases for them. */
  readonly issuedTokens: string[] = [];

  issue(did: string): { accessJwt: string; refreshJwt: string } {
    const accessJwt = `fake-access-${randomBytes(12).toString('hex')}`;
    const refreshJwt = `fake-refresh-${randomBytes(12).toString('hex')}`;
    this.access.set(accessJwt, { did, uses: 0, expired: false });
    this.refresh.set(refreshJwt, did);
    this.issuedTokens.push(accessJwt, refreshJwt);
    return { accessJwt, refreshJwt };
  }

  checkAccess(authorization: string | undefined, maxUses: number | null): AccessCheck {
    const token = bearer(authorization);
    if (!token) return { ok: false, status: 401, error: 'AuthenticationRequired', message: 'Authentication Required' };
    const entry = this.access.get(token);
    if (!entry) return { ok: false, status: 401, error: 'InvalidToken', message: 'Token could not be verified' };
    entry.uses++;
    if (maxUses !== null && entry.uses > maxUses) entry.expired = true;
    if (entry.expired) return { ok: false, status: 400, error: 'ExpiredToken', message: 'Token has expired' };
    return { ok: true, did: entry.did };
  }

  /** Rotates a refresh token: the old one is spent, a new pair is returned; null when dead. */
  rotate(authorization: string | undefined): { did: string; accessJwt: string; refreshJwt: string } | null {
    const token = bearer(authorization);
    const did = token ? this.refresh.get(token) : undefined;
    if (!token || !did) return null;
    this.refresh.delete(token);
    return { did, ...this.issue(did) };
  }

  refreshOwner(authorization: string | undefined): string | null {
    const token = bearer(authorization);
    return token ? (this.refresh.get(token) ?? null) : null;
  }

  expireAccessTokens(): void {
    for (const entry of this.access.values()) entry.expired = true;
  }

  revokeRefreshTokens(): void {
    this.refresh.clear();
  }
}

function bearer(authorization: string | undefined): string | null {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  return match?.[1] ?? null;
}
