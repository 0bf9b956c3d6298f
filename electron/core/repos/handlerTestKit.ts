// Test-only: the setup every handler test repeated — a temp database, a real CoreContext that
// records events, usually one account with some followers, and cleanup after each test — in one
// place, so each test file states only what differs about its board.
import { afterEach, beforeEach } from 'vitest';
import type { MethodName, MethodResult } from '../../../shared/api/contract';
import type { CoreContext, HandlerGroup } from '../api/handlerTypes';
import {
  addTestAccount,
  addTestFollowers,
  createTestContext,
  createTestDatabase,
  type FixturePerson,
  type FollowerSpec,
  type RecordedEvent,
  runHandler,
  type TestDatabase,
} from './testFixtures';

/** The clock most handler tests run at: Wednesday 1 April 2026, a month after FIXTURE_NOW. */
export const HANDLER_TEST_NOW = '2026-04-01T08:00:00.000Z';

export interface HandlerTest {
  t: TestDatabase;
  ctx: CoreContext;
  events: RecordedEvent[];
  /** The fixture account; 0 when the setup asked for none. */
  accountId: number;
  people: FixturePerson[];
}

export interface HandlerTestSetup {
  /** ISO time ctx.now() answers; FIXTURE_NOW when left out. */
  now?: string;
  /** Leave false for tests that create their own accounts. */
  withAccount?: boolean;
  /** How many followers the account gets (needs the account). */
  followers?: number;
  followerSpec?: FollowerSpec;
}

export function openHandlerTest(setup: HandlerTestSetup = {}): HandlerTest {
  const t = createTestDatabase();
  const { ctx, events } = createTestContext(t, setup.now === undefined ? undefined : Date.parse(setup.now));
  const accountId = setup.withAccount === false ? 0 : addTestAccount(t.db);
  const people = setup.followers ? addTestFollowers(t.db, accountId, setup.followers, setup.followerSpec) : [];
  return { t, ctx, events, accountId, people };
}

/**
 * Opens a fresh HandlerTest before each test and removes it after. `receive` hands the parts to
 * the file's own variables, so the tests themselves read as before; hooks the file registers
 * after this call run after it, on the fresh database.
 */
export function useHandlerTest(setup: HandlerTestSetup, receive: (test: HandlerTest) => void): void {
  let current: HandlerTest | undefined;
  beforeEach(() => {
    current = openHandlerTest(setup);
    receive(current);
  });
  afterEach(() => current?.t.cleanup());
}

/** `call(method, input)` through one handler group, with the context of the running test. */
export function handlerCaller(group: HandlerGroup, ctxOf: () => CoreContext) {
  return <M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> => runHandler(group, method, input, ctxOf());
}
