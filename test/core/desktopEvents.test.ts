// What the desktop shell learns from core, through a real core on a temp folder: the number of
// people waiting in New (after a sync, a move, a snooze, a removed account) and the desktop
// settings (stored, announced, kept across a restart).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaitingCount } from '../../shared/api/desktopEvents';
import type { RapportEvent } from '../../shared/api/events';
import { createCore } from '../../electron/core/createCore';
import { WAITING_COALESCE_MS } from '../../electron/core/desktop/waitingCountDuty';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { callOk, makeTempDir, removeDir, signInAtOnce, waitForSync } from './coreTestKit';

let dir: string;
let core: CoreHandle;
let events: RapportEvent[];
beforeEach(async () => {
  dir = makeTempDir('desktop-events');
  core = await createCore({ dataDir: dir });
  events = [];
  core.onEvent((event) => events.push(event));
});
afterEach(async () => {
  await core.close();
  removeDir(dir);
});

/** Resolves with the next waiting.changed whose total satisfies `matches`. */
function nextWaiting(matches: (count: WaitingCount) => boolean): Promise<WaitingCount> {
  return new Promise((resolve) => {
    const seen = events.find((e) => e.event === 'waiting.changed' && matches(e.payload as WaitingCount));
    if (seen) return resolve(seen.payload as WaitingCount);
    const stop = core.onEvent(({ event, payload }) => {
      if (event === 'waiting.changed' && matches(payload as WaitingCount)) {
        stop();
        resolve(payload as WaitingCount);
      }
    });
  });
}

describe('waiting.changed', () => {
  it('follows the people in New across accounts as syncs, moves and snoozes change them', async () => {
    const account = await signInAtOnce(core, { network: 'sample', followers: 120, following: 20, seed: 5 });
    await waitForSync(core, account.id);
    const counts = await callOk(core, 'getBoardCounts', { accountId: account.id });
    expect(counts.new).toBeGreaterThan(2);
    const afterSync = await nextWaiting((c) => c.total === counts.new);
    expect(afterSync).toEqual({ total: counts.new, byAccount: [{ accountId: account.id, waiting: counts.new }] });
    expect(await callOk(core, 'getWaitingCount', {})).toEqual(afterSync);

    const page = await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 2 });
    const [first, second] = page.items;
    await callOk(core, 'moveCard', { accountId: account.id, personId: first!.personId, stage: 'declined' });
    expect((await nextWaiting((c) => c.total === counts.new - 1)).total).toBe(counts.new - 1);

    // Snoozed people are off the board: they are not waiting either.
    await callOk(core, 'snooze', { accountId: account.id, personId: second!.personId, snooze: { days: 3 } });
    expect((await nextWaiting((c) => c.total === counts.new - 2)).total).toBe(counts.new - 2);

    await callOk(core, 'removeAccount', { accountId: account.id });
    expect(await nextWaiting((c) => c.total === 0)).toEqual({ total: 0, byAccount: [] });
  });

  it('is not repeated when nothing in New changed', async () => {
    const account = await signInAtOnce(core, { network: 'sample', followers: 40, following: 0, seed: 2 });
    await waitForSync(core, account.id);
    const counts = await callOk(core, 'getBoardCounts', { accountId: account.id });
    await nextWaiting((c) => c.total === counts.new);
    const anyone = await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 1 });
    // A note changes the person, not the stage: the count stays, and so does silence.
    await callOk(core, 'setNote', { accountId: account.id, personId: anyone.items[0]!.personId, text: 'met at a meetup' });
    // Past the coalescing window, so the note's people.changed gets a recount of its own.
    await new Promise((resolve) => setTimeout(resolve, WAITING_COALESCE_MS + 200));
    await callOk(core, 'moveCard', { accountId: account.id, personId: anyone.items[0]!.personId, stage: 'evaluated' });
    await nextWaiting((c) => c.total === counts.new - 1);
    const told = events.filter((e) => e.event === 'waiting.changed').map((e) => (e.payload as WaitingCount).total);
    expect(told).toEqual([...new Set(told)]);
  });
});

describe('desktop settings', () => {
  it('start with notifications on, background syncing and open at login off', async () => {
    expect(await callOk(core, 'getDesktopSettings', {})).toEqual({
      newFollowerNotifications: true,
      keepSyncingInBackground: false,
      openAtLogin: false,
    });
  });

  it('change one at a time, announce the change once, and survive a restart', async () => {
    const changed = await callOk(core, 'setDesktopSettings', { keepSyncingInBackground: true });
    expect(changed).toEqual({ newFollowerNotifications: true, keepSyncingInBackground: true, openAtLogin: false });
    await callOk(core, 'setDesktopSettings', { keepSyncingInBackground: true });
    expect(events.filter((e) => e.event === 'desktopSettings.changed')).toEqual([{ event: 'desktopSettings.changed', payload: changed }]);

    await core.close();
    core = await createCore({ dataDir: dir });
    expect(await callOk(core, 'getDesktopSettings', {})).toEqual(changed);
  });

  it('refuses anything that is not a desktop setting', async () => {
    const refused = await core.call('setDesktopSettings', { openAtLogin: 'yes' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await core.call('setDesktopSettings', { autoFollow: true });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
