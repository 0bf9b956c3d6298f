// X as a module: accounts come from the user's own data archive (xSignIn), followers and following
// are read from it (archive/), and nothing is ever sent to X by Rapport: follows and messages open
// on X's own pages for the person to do (X_POLICY, xActionPages.ts).
import { RapportError } from '../../../../shared/api/errors';
import { xContract } from '../../../../shared/api/networks/x';
import type { NetworkModule } from '../networkModule';
import { xAccessToken } from './api/xAccessToken';
import { hasXCredential, xCredentialStore } from './api/xApiCredentials';
import { xSyncReadEstimate } from './api/xSyncReadEstimate';
import { xTransport } from './api/xTransport';
import { xActionPage } from './xActionPages';
import { X_POLICY } from './xPolicy';
import { attachXReactions } from './xReactions';
import { createXSignIn } from './xSignIn';

export const xModule: NetworkModule<'x'> = {
  id: 'x',
  label: xContract.label,
  policy: X_POLICY,
  // Never on a timer: an archive account has nothing to read, and X bills every API read, so an
  // API sync runs only when the person starts it (after the window said how many users it reads).
  backgroundSync: false,
  async createProvider(account, ports) {
    // An archive account has nothing to sync from until the person signs in with their own app.
    const store = ports.db && hasXCredential(ports.db, account.id) ? await xCredentialStore(ports, account.id) : null;
    const credential = store ? await store.load() : null;
    if (!store || !credential || !ports.db) {
      throw new RapportError(
        'CONFLICT',
        `@${account.handle} on X is read from your X archive: import a newer archive to update it (Settings → Your account → Download an archive on X), or read it with your own X developer app.`,
      );
    }
    const { XApiProvider } = await import('./api/xApiProvider');
    const transport = xTransport(ports);
    return new XApiProvider({ account, token: xAccessToken(credential, store, transport), transport, db: ports.db, media: ports.mediaHttp() });
  },
  createSignIn: (ports) => createXSignIn(ports),
  actionPage: xActionPage,
  syncReadEstimate: (account, ports) => xSyncReadEstimate(account, ports),
  attach: attachXReactions,
};
