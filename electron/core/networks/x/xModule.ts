// X as a module: accounts come from the user's own data archive (xSignIn), followers and following
// are read from it (archive/), and nothing is ever sent to X by Rapport: follows and messages open
// on X's own pages for the person to do (X_POLICY, xActionPages.ts).
import { RapportError } from '../../../../shared/api/errors';
import { xContract } from '../../../../shared/api/networks/x';
import type { NetworkModule } from '../networkModule';
import { xActionPage } from './xActionPages';
import { X_POLICY } from './xPolicy';
import { attachXReactions } from './xReactions';
import { createXSignIn } from './xSignIn';

export const xModule: NetworkModule<'x'> = {
  id: 'x',
  label: xContract.label,
  policy: X_POLICY,
  backgroundSync: false,
  // An archive account has nothing to sync from; a newer archive is how it learns more.
  async createProvider(account) {
    throw new RapportError(
      'CONFLICT',
      `@${account.handle} on X is read from your X archive: import a newer archive to update it (Settings → Your account → Download an archive on X).`,
    );
  },
  createSignIn: (ports) => createXSignIn(ports),
  actionPage: xActionPage,
  attach: attachXReactions,
};
