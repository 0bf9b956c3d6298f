// Note sync: on a Mastodon account with note_sync on, saving my note about someone also queues one
// outbox `note` action that mirrors it to the server's private account note. setNote itself stays
// a storage handler (it knows nothing of networks); it says noteSaved, and this reacts.
import type Database from 'better-sqlite3';
import type { CoreBus } from '../../events/coreBus';
import { outboxRepo } from '../../repos/outboxRepo';
import type { ModulePorts } from '../networkModule';
import { noteSyncEnabled } from './noteSyncSetting';

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

/** On a note saved for an account with note sync on: queue its mirror and wake the outbox. */
export function attachNoteSync(bus: CoreBus, ports: ModulePorts): void {
  bus.on('noteSaved', ({ accountId, personId }) => {
    if (!noteSyncEnabled(ports.db, accountId)) return;
    const actionId = queueNoteMirror(ports.db, accountId, personId, new Date(ports.now()).toISOString());
    if (actionId === null) return;
    ports.emit('outbox.changed', { accountId, actionIds: [actionId], personIds: [personId] });
    ports.outbox.kick(accountId);
  });
}
