// startSync, cancelSync, getSyncStatus: thin doors onto the SyncEngine, which owns the jobs.
import type { SyncEngine } from '../sync/syncEngine';
import type { HandlerGroup } from './handlerTypes';

export function createSyncHandlers(engine: SyncEngine): HandlerGroup {
  return {
    startSync: ({ accountId, full }) => engine.start(accountId, { full }),
    cancelSync: ({ accountId }) => ({ cancelled: engine.cancel(accountId) }),
    getSyncStatus: ({ accountId }) => engine.status(accountId),
  };
}
