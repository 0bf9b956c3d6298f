import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { networksRepo } from './networksRepo';
import { createTestDatabase, type TestDatabase } from './testFixtures';

let t: TestDatabase;
beforeEach(() => {
  t = createTestDatabase();
});
afterEach(() => t.cleanup());

describe('networksRepo', () => {
  it('lets accounts of a newly registered network in, without a migration', () => {
    const add = t.db.prepare("INSERT INTO accounts (network, remote_id, handle, created_at) VALUES ('forgejo', 'r', 'h', 'x')");
    expect(() => add.run()).toThrow(/FOREIGN KEY/);
    networksRepo(t.db).register(['forgejo', 'sample']);
    add.run();
    expect(networksRepo(t.db).names()).toEqual(['bluesky', 'forgejo', 'github', 'mastodon', 'sample', 'x']);
  });
});
