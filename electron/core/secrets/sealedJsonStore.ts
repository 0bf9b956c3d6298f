// A typed value kept sealed: JSON → SecretBox → SecretStorage, validated with zod when read back.
// The storage name doubles as the associated data, so a blob moved to another name fails to open.
import type { z } from 'zod';
import type { SecretBox } from './secretBox';
import { SecretUnreadable } from './secretBox';
import type { SecretStorage } from './secretStorage';

export class SealedJsonStore<T> {
  constructor(
    private readonly storage: SecretStorage,
    private readonly box: SecretBox,
    private readonly name: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async load(): Promise<T | null> {
    const sealed = await this.storage.get(this.name);
    if (sealed === null) return null;
    const plaintext = this.box.open(sealed, this.name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(plaintext);
    } catch {
      throw new SecretUnreadable('not valid JSON');
    }
    const result = this.schema.safeParse(parsed);
    if (!result.success) throw new SecretUnreadable('unexpected shape');
    return result.data;
  }

  async save(value: T): Promise<void> {
    await this.storage.set(this.name, this.box.seal(JSON.stringify(value), this.name));
  }

  async clear(): Promise<void> {
    await this.storage.delete(this.name);
  }
}
