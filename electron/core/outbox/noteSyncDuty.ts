// Note sync: on a Mastodon account with note_sync on, saving my note about someone also queues one
// outbox `note` action that mirrors it to the server's private account note. setNote itself stays
// a storage handler (it knows nothing of networks); createCore wraps it with this.
import type Database from 'better-sqlite3';
import type { HandlerTable } from '../coreDispatch';
import { outboxRepo } from '../repos/outboxRepo';
import { noteSyncEnabled } from './noteSyncSetting';

export interface NoteSyncOutbox {
  kick(accountId: number): void;
}

/**
 * Queues a mirror of the person's current note, unless one is already queued: the worker reads
 * the note when it sends, so one queued action carries every edit made before it goes out.
 * Returns the new action's id, or null when nothing had to be queued.
 */
export function queueNoteMirror(db: Database.Database, accountId: number, personId: number, at: string): number | null {
  const outbox = outboxRepo(db);
  const pending = outbox.pending(accountId, personId, 'note');
  if (pending?.status === 'queued') return null;
  return outbox.enqueue({ accountId, personId, kind: 'note', at }).id;
}

export function attachNoteSync(table: HandlerTable, outbox: NoteSyncOutbox): HandlerTable {
  return {
    ...table,
    setNote: async (input, ctx) => {
      const result = await table.setNote(input, ctx);
      if (noteSyncEnabled(ctx.db, input.accountId)) {
        const actionId = queueNoteMirror(ctx.db, input.accountId, input.personId, new Date(ctx.now()).toISOString());
        if (actionId !== null) {
          ctx.emit('outbox.changed', { accountId: input.accountId, actionIds: [actionId], personIds: [input.personId] });
          outbox.kick(input.accountId);
        }
      }
      return result;
    },
  };
}
