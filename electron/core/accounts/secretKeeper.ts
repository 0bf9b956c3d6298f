// Opens the SecretBox that seals network sign-ins, from the data key core was given. Without a
// key (the OS offers no secret storage) core refuses to keep network secrets at all rather than
// store them in the clear.
import { RapportError } from '../../../shared/api/errors';
import type { DataKeySource } from '../secrets/dataKeySource';
import { SecretBox } from '../secrets/secretBox';

export class SecretKeeper {
  private box: Promise<SecretBox> | null = null;

  constructor(private readonly source: DataKeySource | null) {}

  get available(): boolean {
    return this.source !== null;
  }

  open(): Promise<SecretBox> {
    if (!this.source) {
      return Promise.reject(
        new RapportError(
          'CONFLICT',
          'This computer offers Rapport no secure place for passwords and tokens (no system keychain), so network accounts cannot be added. Sample data still works.',
        ),
      );
    }
    const source = this.source;
    this.box ??= source.getDataKey().then((key) => new SecretBox(key));
    // A failed read (damaged key file) is reported now and tried again next time.
    this.box.catch(() => (this.box = null));
    return this.box;
  }
}
