import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlerCaller, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { addTestAccount, addTestFollowers, errorCodeOf } from '../repos/testFixtures';
import { accountsHandlers } from './accountsHandlers';

let { t, ctx, events } = {} as HandlerTest;
useHandlerTest({ withAccount: false }, (h) => ({ t, ctx, events } = h));

const call = handlerCaller(accountsHandlers, () => ctx);

describe('accounts handlers', () => {
  it('lists accounts in creation order', async () => {
    expect(await call('listAccounts', {})).toEqual([]);
    const a = addTestAccount(t.db, 'a');
    const b = addTestAccount(t.db, 'b');
    expect((await call('listAccounts', {})).map((x) => x.id)).toEqual([a, b]);
  });

  it('removes an account with everything only it refers to and announces the new list', async () => {
    const keep = addTestAccount(t.db, 'keep');
    const gone = addTestAccount(t.db, 'gone');
    const [first] = addTestFollowers(t.db, gone, 20, { prefix: 'g' });
    addTestFollowers(t.db, keep, 3, { prefix: 'k' });
    const avatar = path.join(t.mediaDir, 'avatars', 'ee', 'ee55.svg');
    fs.mkdirSync(path.dirname(avatar), { recursive: true });
    fs.writeFileSync(avatar, '<svg/>');
    t.db.prepare("UPDATE people SET avatar_file = 'avatars/ee/ee55.svg' WHERE id = ?").run(first!.personId);

    expect(await call('removeAccount', { accountId: gone })).toEqual({ removed: true });

    const leftovers = t.db
      .prepare(
        `SELECT (SELECT count(*) FROM triage WHERE account_id = @id) + (SELECT count(*) FROM relationships WHERE account_id = @id)
              + (SELECT count(*) FROM events WHERE account_id = @id) + (SELECT count(*) FROM accounts WHERE id = @id) AS n`,
      )
      .get({ id: gone });
    expect(leftovers).toEqual({ n: 0 });
    expect(t.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 3 });
    expect(fs.existsSync(avatar)).toBe(false);
    expect(events).toHaveLength(1);
    expect(events[0]!.event).toBe('accounts.changed');
    expect(events[0]!.payload).toEqual({ accounts: await call('listAccounts', {}) });
  });

  it('answers NOT_FOUND for an account that does not exist', async () => {
    expect(await errorCodeOf(call('removeAccount', { accountId: 12 }))).toBe('NOT_FOUND');
    expect(events).toEqual([]);
  });
});
