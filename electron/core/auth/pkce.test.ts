import { describe, expect, it } from 'vitest';
import { createOAuthState, createPkcePair, isValidVerifier, pkceChallenge } from './pkce';

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B example', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('creates fresh 43-character verifiers with their S256 challenge', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.verifier).toHaveLength(43);
    expect(isValidVerifier(a.verifier)).toBe(true);
    expect(a.challenge).toBe(pkceChallenge(a.verifier));
    expect(a.challenge).not.toMatch(/[=+/]/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.method).toBe('S256');
  });

  it('refuses verifiers outside 43–128 characters or the unreserved alphabet', () => {
    expect(() => pkceChallenge('short')).toThrow(/43–128/);
    expect(() => pkceChallenge('a'.repeat(129))).toThrow();
    expect(() => pkceChallenge(`${'a'.repeat(42)}!`)).toThrow();
    expect(isValidVerifier('a'.repeat(128))).toBe(true);
  });

  it('makes unguessable states', () => {
    expect(createOAuthState()).not.toBe(createOAuthState());
    expect(createOAuthState().length).toBeGreaterThanOrEqual(32);
  });
});
