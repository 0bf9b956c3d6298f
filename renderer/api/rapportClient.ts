// The one module that touches window.rapport. Everything else in the renderer calls these
// wrappers, which unwrap envelopes and throw RapportError, so components deal in values.
import { RapportError, isErrorCode } from '../../shared/api/errors';
import type { Envelope } from '../../shared/api/errors';
import type { EventMap, EventName } from '../../shared/api/events';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import type { PickedFile, RapportApi } from '../../shared/api/rapportApi';
import type { Account } from '../../shared/domain';

function api(): RapportApi {
  // Read on every call (not captured at import) so the bridge may install itself late.
  const bridge = window.rapport;
  if (!bridge) throw new RapportError('INTERNAL', 'Rapport could not reach its engine (window.rapport is missing).');
  return bridge;
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const { code, message } = envelope.error;
  throw new RapportError(isErrorCode(code) ? code : 'INTERNAL', message);
}

/** Calls one contract method; resolves with its value or rejects with a RapportError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const bridge = api();
  const fn = bridge[method] as (this: unknown, input: MethodInput<M>) => Promise<Envelope<MethodResult<M>>>;
  let envelope: Envelope<MethodResult<M>>;
  try {
    envelope = await fn.call(bridge, input);
  } catch (error) {
    // The transport itself failed (bridge closed, IPC error): not an envelope from core.
    throw toRapportError(error);
  }
  return unwrap(envelope);
}

/** Subscribes to a core event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return api().on(event, listener);
}

/** Where a file the user dropped or picked lies on this computer; null when it has no place on disk. */
export async function pathForFile(file: PickedFile): Promise<string | null> {
  try {
    return await api().pathForFile(file);
  } catch (error) {
    throw toRapportError(error);
  }
}

/** Normalises anything thrown into a RapportError so the UI always has a code and a sentence. */
export function toRapportError(error: unknown): RapportError {
  if (error instanceof RapportError) return error;
  if (error instanceof Error) return new RapportError('INTERNAL', error.message);
  return new RapportError('INTERNAL', String(error));
}

/**
 * A sign-in that needs no page of the network's own (an app password, the sample generator): the
 * new account. A network that answers with a pending sign-in is called off, since no form of its
 * own is there to finish it.
 */
async function signInAtOnce(params: MethodInput<'beginSignIn'>): Promise<Account> {
  const start = await call('beginSignIn', params);
  if (start.status === 'signedIn') return start.account;
  void call('cancelSignIn', { signInId: start.signInId }).catch(() => undefined);
  throw new RapportError('INTERNAL', 'This network signs in on its own page, which this form cannot show.');
}

export const rapportClient = {
  listAccounts: () => call('listAccounts', {}),
  signInAtOnce,
  removeAccount: (accountId: number) => call('removeAccount', { accountId }),
  startSync: (accountId: number) => call('startSync', { accountId }),
  cancelSync: (accountId: number) => call('cancelSync', { accountId }),
  getSyncStatus: (accountId: number) => call('getSyncStatus', { accountId }),
  getBoardCounts: (accountId: number) => call('getBoardCounts', { accountId }),
  getBoardPage: (input: MethodInput<'getBoardPage'>) => call('getBoardPage', input),
  moveCard: (input: MethodInput<'moveCard'>) => call('moveCard', input),
  getProfile: (accountId: number, personId: number) => call('getProfile', { accountId, personId }),
  searchPeople: (input: MethodInput<'searchPeople'>) => call('searchPeople', input),
  subscribe,
};
