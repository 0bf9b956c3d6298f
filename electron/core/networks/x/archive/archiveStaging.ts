// Where an archive's contents wait while the files are still being read. Reading is asynchronous
// (streams), but the import must reach the database in ONE transaction, and better-sqlite3
// transactions are synchronous. So the streams fill temporary tables (the connection's temp
// database, on disk: memory stays flat whatever the archive's size), in small synchronous
// batches that touch nothing else, and archiveMerge applies them in one transaction at the end.
// A failure while reading drops the staging tables and leaves the real tables untouched.
import type Database from 'better-sqlite3';
import type { ArchiveInteraction } from './archiveInteractions';
import type { MessageSighting, NameSighting } from './archiveRecords';

const BATCH_ROWS = 5_000;

const CREATE = `
  CREATE TEMP TABLE x_stage_followers (remote_id TEXT PRIMARY KEY, pos INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TEMP TABLE x_stage_following (remote_id TEXT PRIMARY KEY, pos INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TEMP TABLE x_stage_names (remote_id TEXT PRIMARY KEY, handle TEXT NOT NULL, display_name TEXT NOT NULL, seen TEXT NOT NULL) WITHOUT ROWID;
  CREATE TEMP TABLE x_stage_messages (remote_id TEXT PRIMARY KEY, messages INTEGER NOT NULL, first_at TEXT NOT NULL, last_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TEMP TABLE x_stage_interactions (item_key TEXT PRIMARY KEY, person_remote_id TEXT NOT NULL, kind TEXT NOT NULL,
    direction TEXT NOT NULL, at TEXT NOT NULL, link TEXT, excerpt TEXT);
`;
const DROP = `
  DROP TABLE IF EXISTS temp.x_stage_followers; DROP TABLE IF EXISTS temp.x_stage_following;
  DROP TABLE IF EXISTS temp.x_stage_names; DROP TABLE IF EXISTS temp.x_stage_messages;
  DROP TABLE IF EXISTS temp.x_stage_interactions;
`;

/** One import's staging tables; at most one per connection at a time (see importXArchive's lock). */
export interface ArchiveStaging {
  addEdge(kind: 'follower' | 'following', remoteId: string): void;
  addName(sighting: NameSighting): void;
  addMessage(sighting: MessageSighting): void;
  /** My replies, mentions and retweets, and our messages (a repeated item counts once). */
  addInteraction(interaction: ArchiveInteraction): void;
  /** Writes what is still buffered. */
  flush(): void;
  counts(): { followers: number; following: number };
  drop(): void;
}

export function createStaging(db: Database.Database): ArchiveStaging {
  db.exec(DROP);
  db.exec(CREATE);
  // A duplicated id (a hostile or repeated part) counts once, at its first (newest) position.
  const insertFollower = db.prepare('INSERT OR IGNORE INTO temp.x_stage_followers (remote_id, pos) VALUES (?, ?)');
  const insertFollowing = db.prepare('INSERT OR IGNORE INTO temp.x_stage_following (remote_id, pos) VALUES (?, ?)');
  // The newest tweet's names win; a reply (no display name) never blanks a known one.
  const upsertName = db.prepare(
    `INSERT INTO temp.x_stage_names (remote_id, handle, display_name, seen) VALUES (@id, @handle, @displayName, @seen)
     ON CONFLICT (remote_id) DO UPDATE SET
       handle = CASE WHEN excluded.seen > seen THEN excluded.handle ELSE handle END,
       display_name = CASE WHEN excluded.display_name <> '' AND (excluded.seen > seen OR display_name = '')
                           THEN excluded.display_name ELSE display_name END,
       seen = max(seen, excluded.seen)`,
  );
  const insertInteraction = db.prepare(
    `INSERT OR IGNORE INTO temp.x_stage_interactions (item_key, person_remote_id, kind, direction, at, link, excerpt)
     VALUES (@key, @personRemoteId, @kind, @direction, @at, @link, @excerpt)`,
  );
  const upsertMessage = db.prepare(
    `INSERT INTO temp.x_stage_messages (remote_id, messages, first_at, last_at) VALUES (@partnerId, 1, @at, @at)
     ON CONFLICT (remote_id) DO UPDATE SET messages = messages + 1,
       first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`,
  );

  let edges: { kind: 'follower' | 'following'; remoteId: string; pos: number }[] = [];
  let names: NameSighting[] = [];
  let messages: MessageSighting[] = [];
  let interactions: ArchiveInteraction[] = [];
  const positions = { follower: 0, following: 0 };
  const writeBatch = db.transaction(() => {
    for (const edge of edges) (edge.kind === 'follower' ? insertFollower : insertFollowing).run(edge.remoteId, edge.pos);
    for (const name of names) upsertName.run(name);
    for (const message of messages) upsertMessage.run(message);
    for (const interaction of interactions) insertInteraction.run(interaction);
  });

  function flush(): void {
    if (buffered() === 0) return;
    writeBatch();
    edges = [];
    names = [];
    messages = [];
    interactions = [];
  }
  const buffered = (): number => edges.length + names.length + messages.length + interactions.length;
  const maybeFlush = (): void => {
    if (buffered() >= BATCH_ROWS) flush();
  };

  return {
    addEdge(kind, remoteId) {
      edges.push({ kind, remoteId, pos: positions[kind]++ });
      maybeFlush();
    },
    addName(sighting) {
      names.push(sighting);
      maybeFlush();
    },
    addMessage(sighting) {
      messages.push(sighting);
      maybeFlush();
    },
    addInteraction(interaction) {
      interactions.push(interaction);
      maybeFlush();
    },
    flush,
    counts() {
      flush();
      const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM temp.${table}`).get() as { n: number }).n;
      return { followers: count('x_stage_followers'), following: count('x_stage_following') };
    },
    drop() {
      edges = [];
      names = [];
      messages = [];
      interactions = [];
      db.exec(DROP);
    },
  };
}
