import { describe, expect, it } from 'vitest';
import { RapportError } from '../../shared/api/errors';
import { METHOD_NAMES } from '../../shared/api/methodNames';
import type { CoreContext, HandlerGroup } from './api/handlerTypes';
import { buildHandlerTable, dispatch } from './coreDispatch';

const everyMethod: HandlerGroup = {
  listAccounts: () => [],
  beginSignIn: () => {
    throw new RapportError('CONFLICT', 'A sample account already exists.');
  },
  removeAccount: () => ({ removed: true }),
  startSync: () => {
    throw new Error('database is locked at /home/someone/secret/path');
  },
  cancelSync: () => ({ cancelled: false }),
  getSyncStatus: () => null,
  getBoardCounts: () => ({ new: 1, evaluated: 0, connected: 0, declined: 0 }),
  getBoardPage: () => ({ items: [], nextCursor: null, prevCursor: null }),
  moveCard: () => {
    throw new RapportError('NOT_FOUND', 'gone');
  },
  getProfile: () => {
    throw new RapportError('NOT_FOUND', 'gone');
  },
  searchPeople: async () => [],
  markExistingFollowersEvaluated: () => ({ moved: 0 }),
  sendMessage: () => {
    throw new RapportError('BUDGET_EXCEEDED', 'spent');
  },
  listActions: () => [],
  retryAction: () => {
    throw new RapportError('NOT_FOUND', 'gone');
  },
  cancelAction: () => ({ cancelled: true }),
  getActionBudget: () => ({ network: 'bluesky', limit: 100, maxLimit: 100, used: 0, resetsAt: null }),
  setActionBudget: () => ({ network: 'bluesky', limit: 10, maxLimit: 100, used: 0, resetsAt: null }),
};
// The rest of the contract: these tests only need each method handled once.
for (const name of METHOD_NAMES) {
  if (!(name in everyMethod)) {
    (everyMethod as Record<string, () => never>)[name] = () => {
      throw new RapportError('NOT_FOUND', 'gone');
    };
  }
}

// Handlers above never touch the context.
const ctx = {} as CoreContext;

describe('buildHandlerTable', () => {
  it('accepts groups that cover every method exactly once', () => {
    const { listAccounts, ...rest } = everyMethod;
    expect(() => buildHandlerTable([{ listAccounts }, rest])).not.toThrow();
  });

  it('refuses to start with a method missing or handled twice', () => {
    const { searchPeople: _missing, ...withoutSearch } = everyMethod;
    expect(() => buildHandlerTable([withoutSearch])).toThrow(/missing \[searchPeople\]/);
    expect(() => buildHandlerTable([everyMethod, { getProfile: everyMethod.getProfile }])).toThrow(
      /more than one handler for \[getProfile\]/,
    );
  });
});

describe('dispatch', () => {
  const table = buildHandlerTable([everyMethod]);

  it('wraps values and RapportErrors in envelopes', async () => {
    expect(await dispatch(table, ctx, 'getBoardCounts', { accountId: 1 })).toEqual({
      ok: true,
      value: { new: 1, evaluated: 0, connected: 0, declined: 0 },
    });
    expect(await dispatch(table, ctx, 'beginSignIn', { network: 'sample' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'A sample account already exists.' },
    });
  });

  it('turns any other exception into INTERNAL without leaking its details', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const envelope = await dispatch(table, ctx, 'startSync', { accountId: 1 });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      if (!envelope.ok) expect(envelope.error.message).not.toMatch(/secret|locked/);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
