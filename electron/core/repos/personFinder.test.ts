import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personFinder } from './personFinder';
import { tagsRepo } from './tagsRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, FIXTURE_NOW, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let accountId: number;

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  addTestFollowers(t.db, accountId, 60);
});
afterEach(() => t.cleanup());

/** A follower with this name and handle; their id. */
function follower(displayName: string, handle: string, bio = '', account = accountId): number {
  const id = Number(
    t.db
      .prepare("INSERT INTO people (network, remote_id, handle, display_name, bio, fetched_at) VALUES ('sample', ?, ?, ?, ?, ?)")
      .run(`r-${handle}`, handle, displayName, bio, FIXTURE_NOW).lastInsertRowid,
  );
  t.db.prepare('INSERT INTO relationships (account_id, person_id, follows_me) VALUES (?, ?, 1)').run(account, id);
  t.db.prepare("INSERT INTO triage (account_id, person_id, stage, changed_at) VALUES (?, ?, 'new', ?)").run(account, id, FIXTURE_NOW);
  return id;
}

const find = (query: string) => personFinder(t.db).find(accountId, query).map((m) => ({ id: m.card.personId, matched: m.matched }));

describe('personFinder.find', () => {
  it('finds a name despite a typo, exact spellings first', () => {
    const edwardo = follower('Edwardo Heidenreich', 'edwardo.h');
    const aurore = follower('Aurore Heidenreich 🌊', 'aurore_h');
    const heiden = follower('Heiden Rich', 'hr');
    expect(find('heidenrich').map((h) => h.id).sort()).toEqual([edwardo, aurore, heiden].sort());
    // Spelled right, the Heidenreichs come before "Heiden Rich" (one edit away).
    expect(find('heidenreich')).toEqual([
      { id: edwardo, matched: 'name' },
      { id: aurore, matched: 'name' },
      { id: heiden, matched: 'name' },
    ]);
    expect(find('Edwardo Heidenrech')).toEqual([{ id: edwardo, matched: 'name' }]);
    const leland = follower('Leland Larson', 'll');
    expect(find('lealnd larson')).toEqual([{ id: leland, matched: 'name' }]);
    expect(find('xqzvw')).toEqual([]);
  });

  it('says when the handle matched rather than the name, and handles short queries', () => {
    const giles = follower('Giles Sporer', 'gsporer_underscored');
    expect(find('@gsporer_under')).toEqual([{ id: giles, matched: 'handle' }]);
    const jo = follower('Jo Wu', 'jwu');
    expect(find('wu').map((h) => h.id)).toContain(jo);
  });

  it('finds tags, notes and bios by word, and says which', () => {
    const quilter = follower('Pat Quill', 'pq', 'I sew patchwork on weekends');
    const noted = follower('Sam Note', 'sn');
    t.db.prepare("INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (?, ?, 'met at patchwork fair', 'x', 'x')").run(accountId, noted);
    const tagged = follower('Tig Tag', 'tt');
    tagsRepo(t.db).set(accountId, tagged, ['Patchworkers'], FIXTURE_NOW);
    expect(find('patchwork')).toEqual([
      { id: tagged, matched: 'tag' },
      { id: noted, matched: 'note' },
      { id: quilter, matched: 'bio' },
    ]);
  });

  it('keeps to the account asked about', () => {
    const other = addTestAccount(t.db, 'other');
    follower('Edwardo Heidenreich', 'elsewhere', '', other);
    expect(find('heidenreich')).toEqual([]);
  });
});
