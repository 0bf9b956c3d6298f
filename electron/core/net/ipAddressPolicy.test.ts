import { describe, expect, it } from 'vitest';
import { addressAllowed, isPublicAddress } from './ipAddressPolicy';

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, unique-local and mapped forms of them', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '[::1]',
      '::',
      'fe80::1',
      'fd12:3456::1',
      'fc00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '[::ffff:7f00:1]',
      '::ffff:192.168.0.1',
      '::ffff:a9fe:a9fe',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('accepts public unicast addresses and refuses names (a name is judged by what it resolves to)', () => {
    for (const address of ['93.184.216.34', '1.1.1.1', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    expect(isPublicAddress('example.com')).toBe(false);
    expect(isPublicAddress('localhost')).toBe(false);
  });

  it('lets tests reach the loopback fakes only when the policy says so', () => {
    expect(addressAllowed('127.0.0.1', 'public')).toBe(false);
    expect(addressAllowed('127.0.0.1', 'public-or-loopback')).toBe(true);
    expect(addressAllowed('::1', 'public-or-loopback')).toBe(true);
    expect(addressAllowed('192.168.1.1', 'public-or-loopback')).toBe(false);
  });
});
