// Proof Key for Code Exchange (RFC 7636), S256 only: the verifier stays in this process, only its
// hash travels through the browser, so an intercepted authorization code is useless on its own.
import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** 32 random bytes → 43 base64url characters, the RFC's recommended verifier. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}

/** BASE64URL(SHA256(ASCII(verifier))), no padding. */
export function pkceChallenge(verifier: string): string {
  if (!isValidVerifier(verifier)) throw new Error('A PKCE verifier is 43–128 characters of [A-Za-z0-9-._~].');
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function isValidVerifier(verifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);
}

/** An unguessable `state` value binding the browser's answer to the sign-in we started. */
export function createOAuthState(): string {
  return randomBytes(24).toString('base64url');
}
