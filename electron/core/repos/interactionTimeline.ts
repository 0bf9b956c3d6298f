// Interactions in a person's timeline: one entry per kind, direction and day ("Liked 5 of your
// posts"), never one line per like. Days are UTC days, like the other dates core writes. The
// follow notification is left out: the timeline already says "Followed you" from its own events.
// Entries carry the negated id of the group's newest row, so their ids never meet an event's.
import type Database from 'better-sqlite3';
import { isInteractionKind, type InteractionDirection, type InteractionKind } from '../../../shared/interactions';
import type { TimelineEntry } from '../../../shared/triageTypes';
import { perDatabase } from './perDatabase';

interface GroupRow {
  kind: string;
  direction: InteractionDirection;
  count: number;
  at: string;
  id: number;
}

const count = new Intl.NumberFormat('en-US');
const times = (n: number): string => (n === 1 ? '' : ` ${count.format(n)}×`);
const some = (n: number, one: string, many: string): string => (n === 1 ? one : `${count.format(n)} ${many}`);

/** What they did toward me. */
const THEIRS: Record<Exclude<InteractionKind, 'follow'>, (n: number) => string> = {
  reply: (n) => `Replied to you${times(n)}`,
  mention: (n) => `Mentioned you${times(n)}`,
  quote: (n) => `Quoted ${some(n, 'your post', 'of your posts')}`,
  message: (n) => `Sent you ${some(n, 'a message', 'messages')}`,
  issue: (n) => `Opened ${some(n, 'an issue', 'issues')} on your repositories`,
  pull: (n) => `Opened ${some(n, 'a pull request', 'pull requests')} on your repositories`,
  repost: (n) => `Reposted ${some(n, 'your post', 'of your posts')}`,
  fork: (n) => `Forked ${some(n, 'your repository', 'of your repositories')}`,
  like: (n) => `Liked ${some(n, 'your post', 'of your posts')}`,
  star: (n) => `Starred ${some(n, 'your repository', 'of your repositories')}`,
  watch: (n) => `Watched ${some(n, 'your repository', 'of your repositories')}`,
};

/** What I did toward them. */
const MINE: Record<Exclude<InteractionKind, 'follow'>, (n: number) => string> = {
  reply: (n) => `You replied to them${times(n)}`,
  mention: (n) => `You mentioned them${times(n)}`,
  quote: (n) => `You quoted ${some(n, 'their post', 'of their posts')}`,
  message: (n) => `You sent them ${some(n, 'a message', 'messages')}`,
  issue: (n) => `You opened ${some(n, 'an issue', 'issues')} on their repositories`,
  pull: (n) => `You opened ${some(n, 'a pull request', 'pull requests')} on their repositories`,
  repost: (n) => `You reposted ${some(n, 'their post', 'of their posts')}`,
  fork: (n) => `You forked ${some(n, 'their repository', 'of their repositories')}`,
  like: (n) => `You liked ${some(n, 'their post', 'of their posts')}`,
  star: (n) => `You starred ${some(n, 'their repository', 'of their repositories')}`,
  watch: (n) => `You watched ${some(n, 'their repository', 'of their repositories')}`,
};

export function interactionGroupSentence(kind: Exclude<InteractionKind, 'follow'>, direction: InteractionDirection, n: number): string {
  return (direction === 'theirs' ? THEIRS : MINE)[kind](n);
}

const statements = perDatabase((db: Database.Database) => ({
  groups: db.prepare(
    `SELECT i.kind, i.direction, COUNT(*) AS count, max(i.at) AS at, max(i.id) AS id
     FROM interactions i
     WHERE i.account_id = @accountId AND i.person_remote_id = (SELECT remote_id FROM people WHERE id = @personId)
       AND i.kind <> 'follow'
     GROUP BY substr(i.at, 1, 10), i.direction, i.kind
     ORDER BY at DESC, id DESC
     LIMIT @limit`,
  ),
}));

/** Their interactions grouped per day and kind, newest first, as timeline entries. */
export function interactionTimeline(db: Database.Database, accountId: number, personId: number, limit: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const row of statements(db).groups.all({ accountId, personId, limit }) as GroupRow[]) {
    if (!isInteractionKind(row.kind) || row.kind === 'follow') continue;
    entries.push({ id: -row.id, kind: 'interactions', at: row.at, summary: interactionGroupSentence(row.kind, row.direction, row.count) });
  }
  return entries;
}
