// The duties createCore attaches around other groups' handlers, through a real core: board reads
// wake due snoozes first, and cards leave board, search and people lists with tags, last message
// and signal chips.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RapportEvent } from '../../../shared/api/events';
import type { PersonCard } from '../../../shared/domain';
import { callOk, makeTempDir, removeDir } from '../../../test/core/coreTestKit';
import type { CoreHandle } from '../coreTypes';
import { createCore, DATABASE_FILE } from '../createCore';
import { openDatabase } from '../db/openDatabase';
import { addTestAccount, addTestFollowers, type FixturePerson } from '../repos/testFixtures';

const START = Date.parse('2026-04-01T08:00:00.000Z');
let dataDir: string;
let core: CoreHandle;
let db: Database.Database;
let nowMs: number;
let accountId: number;
let people: FixturePerson[];
let events: RapportEvent[];

beforeEach(async () => {
  dataDir = makeTempDir('triage-duties');
  nowMs = START;
  core = await createCore({ dataDir, now: () => nowMs });
  events = [];
  core.onEvent((event) => events.push(event));
  db = openDatabase(path.join(dataDir, DATABASE_FILE));
  accountId = addTestAccount(db);
  people = addTestFollowers(db, accountId, 30);
});
afterEach(async () => {
  db.close();
  await core.close();
  removeDir(dataDir);
});

const cardOf = (cards: PersonCard[], personId: number) => cards.find((c) => c.personId === personId);
const newColumn = () => callOk(core, 'getBoardPage', { accountId, stage: 'new', sort: 'newest', limit: 50 });

describe('triage duties around board, search and people lists', () => {
  it('adds tags, last message and signals to the cards of a page', async () => {
    const [ada, bob] = [people[0]!.personId, people[1]!.personId];
    await callOk(core, 'setTags', { accountId, personId: ada, tags: ['bees', 'Art'] });
    db.prepare("INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, 'dm_sent', '2026-03-30T10:00:00.000Z', '{}')").run(accountId, bob);
    // What the signal recompute stores: a score and the ids of the signals that hold.
    db.prepare('UPDATE triage SET score = -2 WHERE person_id = ?').run(bob);
    db.prepare("UPDATE people SET following_count = 7400, followers_count = 210 WHERE id = ?").run(bob);
    db.prepare("INSERT INTO triage_signals (account_id, person_id, signal) VALUES (?, ?, 'follows-many')").run(accountId, bob);

    const page = await newColumn();
    expect(cardOf(page.items, ada)).toMatchObject({ tags: ['Art', 'bees'] });
    expect(cardOf(page.items, ada)?.lastMessageAt).toBeUndefined();
    const bobCard = cardOf(page.items, bob)!;
    expect(bobCard).toMatchObject({ lastMessageAt: '2026-03-30T10:00:00.000Z', score: -2 });
    expect(bobCard.tags).toBeUndefined();
    expect(bobCard.signals?.map((s) => s.id)).toEqual(['follows-many']);

    const found = await callOk(core, 'searchPeople', { accountId, query: people[0]!.handle.split('.')[0]!, limit: 10 });
    expect(cardOf(found, ada)).toMatchObject({ tags: ['Art', 'bees'] });
  });

  it('wakes due snoozes before counting or paging the board', async () => {
    const ada = people[3]!.personId;
    await callOk(core, 'snooze', { accountId, personId: ada, snooze: { days: 2 } });
    expect(await callOk(core, 'getBoardCounts', { accountId })).toMatchObject({ new: 29 });
    expect(cardOf((await newColumn()).items, ada)).toBeUndefined();

    nowMs = START + 2 * 86_400_000;
    events.length = 0;
    expect(await callOk(core, 'getBoardCounts', { accountId })).toMatchObject({ new: 30 });
    expect(events).toContainEqual({ event: 'people.changed', payload: { accountId, personIds: [ada] } });
    expect(cardOf((await newColumn()).items, ada)).toMatchObject({ stage: 'new', snoozeEndedAt: '2026-04-03T08:00:00.000Z' });
  });
});
