// Where core gets the 32-byte data key that opens its SecretBox. Core never stores the key next to
// the database in the clear:
// - In the app, main keeps the key encrypted with Electron `safeStorage` (Keychain, DPAPI,
//   libsecret) in its own file, decrypts it at start and hands the raw bytes to core in the first
//   message over the utilityProcess port (never argv or env, which other processes can read).
//   Core wraps those bytes in `providedDataKey`.
// - In the browser harness and tests, `KeyFileDataKeySource` (keyFile.ts) keeps it in a 0600 file.

export interface DataKeySource {
  /** The 32-byte key. May create it on first use. */
  getDataKey(): Promise<Uint8Array>;
}

/** A key handed over by main (already decrypted with safeStorage). */
export function providedDataKey(key: Uint8Array): DataKeySource {
  const copy = new Uint8Array(key);
  return { getDataKey: async () => copy };
}
