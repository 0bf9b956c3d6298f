// The data key in a file, for the browser harness and tests (the app uses safeStorage through
// main instead). Created with mode 0600; a file that group or others can read is refused rather
// than trusted, like ssh does with private keys.
import { constants, promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { RapportError } from '../../../shared/api/errors';
import type { DataKeySource } from './dataKeySource';
import { DATA_KEY_BYTES, SecretBox } from './secretBox';

/** Windows has no POSIX mode bits; there the file lives in the user's profile, which ACLs guard. */
const CHECK_MODE = process.platform !== 'win32';

export class KeyFileDataKeySource implements DataKeySource {
  constructor(private readonly path: string) {}

  async getDataKey(): Promise<Uint8Array> {
    const existing = await this.read();
    if (existing) return existing;
    return this.create();
  }

  private async read(): Promise<Uint8Array | null> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new RapportError('INTERNAL', `The key file ${this.path} is a symbolic link; refusing to use it.`);
      throw error;
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new RapportError('INTERNAL', `The key file ${this.path} is not a regular file.`);
      if (CHECK_MODE) {
        if ((stat.mode & 0o077) !== 0) {
          throw new RapportError(
            'INTERNAL',
            `The key file ${this.path} is readable by other users (mode ${(stat.mode & 0o777).toString(8)}); refusing to use it. Run: chmod 600 ${this.path}`,
          );
        }
        if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
          throw new RapportError('INTERNAL', `The key file ${this.path} belongs to another user; refusing to use it.`);
        }
      }
      const bytes = await handle.readFile();
      if (bytes.byteLength !== DATA_KEY_BYTES) throw new RapportError('INTERNAL', `The key file ${this.path} is damaged (wrong length).`);
      return new Uint8Array(bytes);
    } finally {
      await handle.close();
    }
  }

  private async create(): Promise<Uint8Array> {
    await fs.mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const key = SecretBox.generateKey();
    let handle: fs.FileHandle;
    try {
      // O_EXCL: if another process created it meanwhile, use theirs instead of overwriting.
      handle = await fs.open(this.path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        const theirs = await this.read();
        if (theirs) return theirs;
      }
      throw error;
    }
    try {
      // The umask cannot widen 0600, but a chmod makes the intent explicit on odd filesystems.
      await handle.chmod(0o600);
      await handle.writeFile(key);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return key;
  }
}
