// Signing in to X is importing an archive: its owner becomes the account (or is the account, when
// the archive belongs to one already connected), then the archive is imported. With `accountId`
// the archive must belong to that account. A first import that fails removes the account it
// created, so a refused archive leaves the database as it was. A follow or unfollow the person
// was sent to X's page for counts as done once the archive shows it. The developer-app ways in
// (bearer token, OAuth 2.0 + PKCE) live in api/xApiSignIn.ts; `accountId` with only
// `monthlyReadCap` sets that account's monthly read cap.
import { RapportError } from '../../../../shared/api/errors';
import type { SignInParamsOf } from '../../../../shared/api/networks/signInParams';
import type { Account } from '../../../../shared/domain';
import { accountsRepo } from '../../repos/accountsRepo';
import { confirmOpenedActions } from '../../outbox/actionOnSite';
import { recomputeSignalsGradually } from '../../signals/recomputeSignals';
import { logError } from '../../errorLog';
import type { ModulePorts, SignInSteps } from '../networkModule';
import { archiveError } from './archive/archiveImportError';
import { importXArchive, readArchiveOwner, type XArchiveImportSummary } from './archive/importXArchive';
import { createXApiSignIn } from './api/xApiSignIn';
import { setReadCap } from './api/xReadLedger';

export interface XSignInOptions {
  /** Told of each finished import (tests, the window's summary). */
  onImported?(account: Account, summary: XArchiveImportSummary): void;
}

export function createXSignIn(ports: ModulePorts, options: XSignInOptions = {}): SignInSteps<'x'> {
  const now = (): Date => new Date(ports.now());

  async function importInto(params: SignInParamsOf<'x'> & { archivePath: string }): Promise<Account> {
    const accounts = accountsRepo(ports.db);
    const owner = await readArchiveOwner(params.archivePath);
    let account: Account;
    let created = false;
    if (params.accountId !== undefined) {
      account = accounts.require(params.accountId);
      if (account.network !== 'x') throw new RapportError('INVALID_INPUT', 'That account is not an X account.');
      if (account.remoteId !== owner.id) throw archiveError('wrongOwner', `@${owner.username}, not @${account.handle}`);
    } else {
      created = accounts.list().every((a) => !(a.network === 'x' && a.remoteId === owner.id));
      account = accounts.upsert({ network: 'x', remoteId: owner.id, handle: owner.username, displayName: owner.displayName }, now().toISOString());
    }
    let summary: XArchiveImportSummary;
    try {
      summary = await importXArchive(ports.db, { id: account.id, remoteId: account.remoteId, handle: account.handle, lastSyncedAt: null }, params.archivePath, now);
    } catch (error) {
      if (created) accounts.remove(account.id, ports.mediaDir);
      throw error;
    }
    const confirmed = confirmOpenedActions(ports.db, account.id, now().toISOString());
    if (confirmed.actionIds.length > 0) ports.emit('outbox.changed', { accountId: account.id, ...confirmed });
    ports.emit('accounts.changed', { accounts: accounts.list() });
    ports.emit('people.changed', { accountId: account.id, personIds: null });
    options.onImported?.(account, summary);
    // Chips and score sorts for the people the archive brought, without holding up the window.
    void recomputeSignalsGradually(ports.db, account.id, null, now())
      .then(() => ports.db.open && ports.emit('people.changed', { accountId: account.id, personIds: null }))
      .catch((error: unknown) => logError('[rapport core] signals after an X archive import', error));
    return account;
  }

  const api = createXApiSignIn(ports);

  return {
    begin: async (params) => {
      const viaApi = api.begin(params);
      if (viaApi) return viaApi;
      if (params.archivePath !== undefined) return { status: 'signedIn', account: await importInto({ ...params, archivePath: params.archivePath }) };
      // Only the read cap changes (the schema admits this shape with accountId alone).
      const accounts = accountsRepo(ports.db);
      const account = accounts.require(params.accountId as number);
      if (account.network !== 'x') throw new RapportError('INVALID_INPUT', 'That account is not an X account.');
      setReadCap(ports.db, account.id, params.monthlyReadCap ?? null, ports.now());
      ports.emit('accounts.changed', { accounts: accounts.list() });
      return { status: 'signedIn', account };
    },
    finish: ({ signInId }) => api.finish(signInId),
    cancel: (signInId) => api.cancel(signInId),
    close: () => api.close(),
  };
}
