// Test-only: files on this computer for renderer tests that hand the window a file (an archive the
// user picks) or need a free loopback port (a sign-in callback), so test files stay off Node's
// built-ins like the code they test.
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ScratchDir {
  readonly dir: string;
  /** The path of `name` inside the folder. */
  pathOf(name: string): string;
  write(name: string, data: string | Uint8Array): string;
  read(file: string): Buffer<ArrayBuffer>;
  remove(): void;
}

export function makeScratchDir(prefix: string): ScratchDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    pathOf: (name) => path.join(dir, name),
    write(name, data) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, data);
      return file;
    },
    read: (file) => fs.readFileSync(file),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A port nothing listens on right now, on 127.0.0.1. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
