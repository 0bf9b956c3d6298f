// Core's door: malformed input to every contract method comes back as INVALID_INPUT with a
// message naming the field — never a crash, never INTERNAL, never a handler running on bad data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodInput, type MethodName } from '../../shared/api/contract';
import { createCore } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { makeTempDir, removeDir } from './coreTestKit';

/** One well-formed input per method; the mutations below break it one field at a time. */
const VALID: { [M in MethodName]: MethodInput<M> } = {
  listAccounts: {},
  removeAccount: { accountId: 1 },
  startSync: { accountId: 1, full: true },
  cancelSync: { accountId: 1 },
  getSyncStatus: { accountId: 1 },
  getBoardCounts: { accountId: 1 },
  getBoardPage: { accountId: 1, stage: 'new', sort: 'newest', limit: 20, direction: 'forward' },
  moveCard: { accountId: 1, personId: 1, stage: 'declined', unfollow: false },
  getProfile: { accountId: 1, personId: 1 },
  searchPeople: { accountId: 1, query: 'ada', limit: 10 },
  markExistingFollowersEvaluated: { accountId: 1 },
  sendMessage: { accountId: 1, personId: 1, text: 'Hello there' },
  listActions: { accountId: 1, personId: 1 },
  retryAction: { actionId: 1 },
  cancelAction: { actionId: 1 },
  markActionDone: { actionId: 1 },
  getActionBudget: { accountId: 1 },
  setActionBudget: { accountId: 1, limit: 10 },
  queryPeople: { accountId: 1, filter: { query: 'ada', stages: ['new'], signals: ['follow-bait'] }, sort: 'score', limit: 50, offset: 0 },
  bulkMove: { accountId: 1, selection: { personIds: [1, 2] }, stage: 'declined' },
  restoreStages: { accountId: 1, entries: [{ personId: 1, stage: 'new' }] },
  setNote: { accountId: 1, personId: 1, text: 'Met at a conference' },
  setTags: { accountId: 1, personId: 1, tags: ['friends'] },
  listTags: { accountId: 1 },
  getTimeline: { accountId: 1, personId: 1 },
  snooze: { accountId: 1, personId: 1, snooze: { days: 3 } },
  unfollowPerson: { accountId: 1, personId: 1 },
  getStats: { accountId: 1, weeks: 12 },
  listTemplates: {},
  saveTemplate: { name: 'Thanks', body: 'Thanks for the follow, {name}!' },
  deleteTemplate: { templateId: 1 },
  listSavedFilters: { accountId: 1 },
  saveFilter: { accountId: 1, name: 'Bait', filter: { signals: ['follow-bait'] } },
  deleteSavedFilter: { filterId: 1 },
  exportPeople: { accountId: 1, format: 'csv', filter: { stages: ['declined'] } },
  forgetPerson: { accountId: 1, personId: 1 },
  findPeople: { accountId: 1, query: 'ada' },
  beginSignIn: { network: 'bluesky', identifier: 'ada.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', serviceUrl: 'https://bsky.social' },
  finishSignIn: { signInId: 'abcdefgh12345678', code: 'the-code' },
  cancelSignIn: { signInId: 'abcdefgh12345678' },
  getDesktopSettings: {},
  setDesktopSettings: { openAtLogin: true },
  getWaitingCount: {},
  listInteractions: { accountId: 1, personId: 1, limit: 20, before: { at: '2026-03-01T12:00:00.000Z', id: 5 } },
  getReviewFirst: { accountId: 1, limit: 10 },
  getInteractionRetention: {},
  setInteractionRetention: { days: 90 },
  getSyncReadEstimate: { accountId: 1 },
};

/** Wrong-looking values a method legitimately accepts (an empty note removes the note…). */
const ACCEPTED: Partial<Record<MethodName, Record<string, unknown[]>>> = {
  setNote: { text: ['', '   ', 'x'.repeat(5_000)] },
  snooze: { snooze: [null] },
};

const NOT_OBJECTS: unknown[] = [undefined, null, 'accountId=1', 42, true, [], [{ accountId: 1 }]];

/** Values of the wrong kind for a field whose valid value is `value`. */
function wrongValuesFor(value: unknown): unknown[] {
  const common: unknown[] = [null, { nested: true }, [value]];
  // Every number in the contract is a non-negative integer; every string is non-empty.
  if (typeof value === 'number') return [...common, String(value), -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY];
  if (typeof value === 'string') return [...common, 7, '', '   ', 'x'.repeat(5_000)];
  return common;
}

function mutations(method: MethodName): { label: string; input: unknown }[] {
  const valid = VALID[method] as Record<string, unknown>;
  const cases: { label: string; input: unknown }[] = NOT_OBJECTS.map((input) => ({ label: `not an object: ${JSON.stringify(input)}`, input }));
  cases.push({ label: 'unknown key', input: { ...valid, sneaky: 1 } });
  if (method === 'getBoardPage') cases.push({ label: 'cursor too long', input: { ...valid, cursor: 'c'.repeat(513) } });
  if (method === 'sendMessage') cases.push({ label: 'message too long', input: { ...valid, text: 'm'.repeat(1_001) } });
  if (method === 'setActionBudget') cases.push({ label: 'limit absurd', input: { ...valid, limit: 10_001 } });
  cases.push({ label: 'prototype key', input: JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(valid).slice(1, -1) || '"y": 2'}}`) });
  for (const [key, value] of Object.entries(valid)) {
    const accepted = ACCEPTED[method]?.[key] ?? [];
    for (const wrong of wrongValuesFor(value).filter((v) => !accepted.includes(v))) {
      cases.push({ label: `${key} = ${JSON.stringify(wrong)?.slice(0, 40)}`, input: { ...valid, [key]: wrong } });
    }
  }
  return cases;
}

let core: CoreHandle;
let dataDir: string;

beforeAll(async () => {
  dataDir = makeTempDir('invalid-input');
  core = await createCore({ dataDir });
});

afterAll(async () => {
  await core.close();
  removeDir(dataDir);
});

describe('every contract method refuses malformed input', () => {
  it.each(METHOD_NAMES)('%s', async (method) => {
    const cases = mutations(method);
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const { label, input } of cases) {
      const envelope = await core.call(method, input);
      expect(envelope, `${method} with ${label}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!envelope.ok) expect(envelope.error.message.length, label).toBeGreaterThan(0);
    }
  });

  it('names the field at fault', async () => {
    const envelope = await core.call('moveCard', { accountId: 1, personId: 'seven', stage: 'declined' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('personId');
  });

  it('refuses methods that are not in the contract', async () => {
    for (const method of ['invoke', 'constructor', '__proto__', 'toString', '']) {
      expect(await core.call(method as MethodName, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('refuses nothing that is well formed (the mutations start from valid input)', async () => {
    // Valid input may still fail for other reasons (no account 1), but never as INVALID_INPUT.
    for (const method of METHOD_NAMES) {
      if (method === 'removeAccount') continue;
      const envelope = await core.call(method, VALID[method]);
      if (!envelope.ok) expect(envelope.error.code, method).not.toBe('INVALID_INPUT');
    }
  });
});
