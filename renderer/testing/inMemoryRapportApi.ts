// A small, honest implementation of the RapportApi surface for renderer tests: a test double of
// the process boundary (window.rapport), not of any renderer module. Keyset pagination, moves and
// counts behave like core's, over an in-memory list of people.
import { DEFAULT_DESKTOP_SETTINGS } from '../../shared/api/desktopEvents';
import { RapportError } from '../../shared/api/errors';
import type { Envelope } from '../../shared/api/errors';
import type { EventMap, EventName } from '../../shared/api/events';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import type { RapportApi } from '../../shared/api/rapportApi';
import type { Account, BoardSort, PersonCard, PersonProfile, Stage, StageCounts } from '../../shared/domain';
import { InMemoryOutbox } from './inMemoryOutbox';
import { triageOf } from './inMemoryTriage';

export interface RecordedCall {
  method: MethodName;
  input: unknown;
}

export interface InMemoryOptions {
  accounts?: Account[];
  people?: PersonCard[];
  /** Called before a move is applied; throw a RapportError to make it fail. */
  beforeMove?: (input: MethodInput<'moveCard'>) => void | Promise<void>;
  /** Overrides for getProfile (bio, posts…), by personId. */
  profiles?: Record<number, Partial<PersonProfile>>;
}

const BASE_TIME = Date.parse('2026-01-01T00:00:00Z');

export function sampleAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: 1,
    network: 'sample',
    remoteId: 'sample:me',
    handle: 'you.sample',
    displayName: 'Sample account',
    serverUrl: null,
    createdAt: new Date(BASE_TIME).toISOString(),
    lastSyncedAt: null,
    ...overrides,
  };
}

/** n people in one stage; person i followed most recently when i is smallest. */
export function makePeople(n: number, stage: Stage = 'new', firstId = 1): PersonCard[] {
  return Array.from({ length: n }, (_, k) => {
    const id = firstId + k;
    return {
      personId: id,
      handle: `person${id}.sample`,
      displayName: `Person ${id}`,
      avatarUrl: null,
      followersCount: (id * 7919) % 100_000,
      followingCount: (id * 104_729) % 5_000,
      bioSnippet: `Bio of person ${id}`,
      stage,
      followsMe: true,
      iFollow: id % 5 === 0,
      followedMeAt: new Date(BASE_TIME - id * 60_000).toISOString(),
      stageChangedAt: new Date(BASE_TIME).toISOString(),
    };
  });
}

type SortKey = [string | number, number];

function sortKey(card: PersonCard, sort: BoardSort): SortKey {
  switch (sort) {
    case 'newest':
      // Newest first: order by negated time so every sort is ascending on its key.
      return [-(card.followedMeAt ? Date.parse(card.followedMeAt) : 0), card.personId];
    case 'followers':
      return [-card.followersCount, card.personId];
    case 'name':
      return [card.displayName.toLowerCase(), card.personId];
    case 'score':
      return [-(card.score ?? Number.NEGATIVE_INFINITY), card.personId];
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  return a[1] - b[1];
}

function encodeCursor(key: SortKey): string {
  return JSON.stringify(key);
}

function decodeCursor(cursor: string): SortKey {
  const parsed: unknown = JSON.parse(cursor);
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'number') throw new RapportError('INVALID_INPUT', 'Bad cursor');
  const first: unknown = parsed[0];
  if (typeof first !== 'string' && typeof first !== 'number') throw new RapportError('INVALID_INPUT', 'Bad cursor');
  return [first, parsed[1]];
}

export class InMemoryRapportApi implements RapportApi {
  accounts: Account[];
  people: PersonCard[];
  readonly calls: RecordedCall[] = [];
  /** Actions, budget and templates (see inMemoryOutbox.ts). */
  readonly outbox = new InMemoryOutbox();
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();
  private readonly options: InMemoryOptions;

  constructor(options: InMemoryOptions = {}) {
    this.options = options;
    this.accounts = options.accounts ?? [];
    this.people = options.people ?? [];
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: EventMap[E]) => void)(payload);
  }

  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  private async run<M extends MethodName>(method: M, input: MethodInput<M>, body: () => MethodResult<M> | Promise<MethodResult<M>>): Promise<Envelope<MethodResult<M>>> {
    this.calls.push({ method, input });
    // Answer asynchronously, as a real process boundary does.
    await Promise.resolve();
    try {
      return { ok: true, value: await body() };
    } catch (error) {
      if (error instanceof RapportError) return { ok: false, error: error.toShape() };
      throw error;
    }
  }

  private counts(): StageCounts {
    const counts: StageCounts = { new: 0, evaluated: 0, connected: 0, declined: 0 };
    for (const card of this.people) counts[card.stage]++;
    return counts;
  }

  private account(accountId: number): Account {
    const account = this.accounts.find((a) => a.id === accountId);
    if (!account) throw new RapportError('NOT_FOUND', `No account ${accountId}`);
    return account;
  }

  listAccounts = (input: MethodInput<'listAccounts'>) => this.run('listAccounts', input, () => this.accounts);

  removeAccount = (input: MethodInput<'removeAccount'>) =>
    this.run('removeAccount', input, () => {
      this.account(input.accountId);
      this.accounts = this.accounts.filter((a) => a.id !== input.accountId);
      return { removed: true as const };
    });

  startSync = (input: MethodInput<'startSync'>) =>
    this.run('startSync', input, () => ({
      accountId: input.accountId,
      runId: 1,
      state: 'running' as const,
      phase: 'followers' as const,
      done: 0,
      total: null,
      pages: 0,
      startedAt: new Date(BASE_TIME).toISOString(),
      error: null,
    }));

  cancelSync = (input: MethodInput<'cancelSync'>) => this.run('cancelSync', input, () => ({ cancelled: true }));

  getSyncStatus = (input: MethodInput<'getSyncStatus'>) => this.run('getSyncStatus', input, () => null);

  getBoardCounts = (input: MethodInput<'getBoardCounts'>) =>
    this.run('getBoardCounts', input, () => {
      this.account(input.accountId);
      return this.counts();
    });

  getBoardPage = (input: MethodInput<'getBoardPage'>) =>
    this.run('getBoardPage', input, () => {
      this.account(input.accountId);
      const column = this.people
        .filter((card) => card.stage === input.stage)
        .map((card) => ({ card, key: sortKey(card, input.sort) }))
        .sort((a, b) => compareKeys(a.key, b.key));
      const cursor = input.cursor ? decodeCursor(input.cursor) : null;
      let start: number;
      let end: number;
      if (input.direction === 'backward' && cursor) {
        end = column.findIndex((row) => compareKeys(row.key, cursor) >= 0);
        if (end < 0) end = column.length;
        start = Math.max(0, end - input.limit);
      } else {
        const seek = input.offset ?? 0;
        start = cursor ? column.findIndex((row) => compareKeys(row.key, cursor) > 0) : Math.min(seek, column.length);
        if (start < 0) start = column.length;
        end = Math.min(column.length, start + input.limit);
      }
      const rows = column.slice(start, end);
      const first = rows[0];
      const last = rows[rows.length - 1];
      return {
        items: rows.map((row) => row.card),
        prevCursor: first && start > 0 ? encodeCursor(first.key) : null,
        nextCursor: last && end < column.length ? encodeCursor(last.key) : null,
      };
    });

  moveCard = (input: MethodInput<'moveCard'>) =>
    this.run('moveCard', input, async () => {
      this.account(input.accountId);
      await this.options.beforeMove?.(input);
      const index = this.people.findIndex((card) => card.personId === input.personId);
      const existing = this.people[index];
      if (!existing) throw new RapportError('NOT_FOUND', `No person ${input.personId}`);
      const card: PersonCard = { ...existing, stage: input.stage, stageChangedAt: new Date(BASE_TIME + 1000).toISOString() };
      this.people = this.people.map((c, i) => (i === index ? card : c));
      return { card, counts: this.counts(), from: existing.stage };
    });

  getProfile = (input: MethodInput<'getProfile'>) =>
    this.run('getProfile', input, () => {
      this.account(input.accountId);
      const card = this.people.find((c) => c.personId === input.personId);
      if (!card) throw new RapportError('NOT_FOUND', `No person ${input.personId}`);
      return {
        ...card,
        network: 'sample' as const,
        remoteId: `sample:${card.personId}`,
        bio: card.bioSnippet,
        postsCount: 3,
        joinedAt: new Date(BASE_TIME - 400 * 86_400_000).toISOString(),
        profileUrl: null,
        fetchedAt: new Date(BASE_TIME).toISOString(),
        recentPosts: [],
        ...this.options.profiles?.[card.personId],
      };
    });

  searchPeople = (input: MethodInput<'searchPeople'>) =>
    this.run('searchPeople', input, () => {
      const query = input.query.toLowerCase();
      return this.people.filter((c) => c.displayName.toLowerCase().includes(query)).slice(0, input.limit ?? 50);
    });

  // Methods of later issues (accounts on real networks, the outbox) that no renderer screen calls
  // yet: they answer with an error, so a screen that starts calling them fails its test visibly
  // until this double learns them.
  markExistingFollowersEvaluated = (input: MethodInput<'markExistingFollowersEvaluated'>) =>
    this.run('markExistingFollowersEvaluated', input, () => {
      this.account(input.accountId);
      const moved = this.people.filter((c) => c.stage === 'new' && c.followsMe).length;
      this.people = this.people.map((c) => (c.stage === 'new' && c.followsMe ? { ...c, stage: 'evaluated' as const } : c));
      return { moved };
    });
  sendMessage = (input: MethodInput<'sendMessage'>) => this.run('sendMessage', input, () => this.outbox.send(this.account(input.accountId), input));
  listActions = (input: MethodInput<'listActions'>) => this.run('listActions', input, () => this.outbox.list(input));
  retryAction = (input: MethodInput<'retryAction'>) => this.run('retryAction', input, () => this.outbox.retry(input));
  cancelAction = (input: MethodInput<'cancelAction'>) => this.run('cancelAction', input, () => this.outbox.cancel(input));
  getActionBudget = (input: MethodInput<'getActionBudget'>) => this.run('getActionBudget', input, () => this.outbox.budget(this.account(input.accountId)));
  setActionBudget = (input: MethodInput<'setActionBudget'>) => this.run('setActionBudget', input, () => this.outbox.setBudget(this.account(input.accountId), input.limit));
  queryPeople = (input: MethodInput<'queryPeople'>) => this.run('queryPeople', input, () => triageOf(this).queryPeople(input));
  bulkMove = (input: MethodInput<'bulkMove'>) => this.run('bulkMove', input, () => triageOf(this).bulkMove(input));
  restoreStages = (input: MethodInput<'restoreStages'>) => this.run('restoreStages', input, () => triageOf(this).restoreStages(input));
  setNote = (input: MethodInput<'setNote'>) =>
    this.run('setNote', input, () => {
      const profiles = (this.options.profiles ??= {});
      profiles[input.personId] = { ...profiles[input.personId], note: input.text };
      return { note: input.text, updatedAt: input.text === '' ? null : new Date(BASE_TIME + 2000).toISOString() };
    });
  setTags = (input: MethodInput<'setTags'>) =>
    this.run('setTags', input, () => {
      const tags = [...new Map(input.tags.map((tag) => [tag.trim().toLowerCase(), tag.trim()])).values()];
      this.people = this.people.map((c) => (c.personId === input.personId ? { ...c, tags } : c));
      return tags;
    });
  listTags = (input: MethodInput<'listTags'>) =>
    this.run('listTags', input, () => {
      const counts = new Map<string, number>();
      for (const tag of this.people.flatMap((c) => c.tags ?? [])) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name));
    });
  getTimeline = (input: MethodInput<'getTimeline'>) =>
    this.run('getTimeline', input, () => {
      const card = this.people.find((c) => c.personId === input.personId);
      if (!card) throw new RapportError('NOT_FOUND', `No person ${input.personId}`);
      return card.followedMeAt ? [{ id: card.personId, kind: 'followed_me' as const, at: card.followedMeAt, summary: 'Followed you' }] : [];
    });
  snooze = (input: MethodInput<'snooze'>) =>
    this.run('snooze', input, () => {
      const card = this.people.find((c) => c.personId === input.personId);
      if (!card) throw new RapportError('NOT_FOUND', `No person ${input.personId}`);
      const until = input.snooze === null ? null : 'days' in input.snooze ? new Date(BASE_TIME + input.snooze.days * 86_400_000).toISOString() : ('nextPost' as const);
      const snoozed: PersonCard = { ...card, snoozedUntil: until, ...(until === null ? { snoozeEndedAt: new Date(BASE_TIME).toISOString() } : {}) };
      this.people = this.people.map((c) => (c.personId === input.personId ? snoozed : c));
      return snoozed;
    });
  unfollowPerson = (input: MethodInput<'unfollowPerson'>) => this.run('unfollowPerson', input, () => triageOf(this).unfollowPerson(input));
  getStats = (input: MethodInput<'getStats'>) => this.run('getStats', input, () => triageOf(this).getStats(input));
  listTemplates = (input: MethodInput<'listTemplates'>) => this.run('listTemplates', input, () => this.outbox.templates);
  saveTemplate = (input: MethodInput<'saveTemplate'>) => this.run('saveTemplate', input, () => this.outbox.saveTemplate(input));
  deleteTemplate = (input: MethodInput<'deleteTemplate'>) => this.run('deleteTemplate', input, () => this.outbox.deleteTemplate(input));
  listSavedFilters = (input: MethodInput<'listSavedFilters'>) => this.run('listSavedFilters', input, () => triageOf(this).listSavedFilters(input));
  saveFilter = (input: MethodInput<'saveFilter'>) => this.run('saveFilter', input, () => triageOf(this).saveFilter(input));
  deleteSavedFilter = (input: MethodInput<'deleteSavedFilter'>) => this.run('deleteSavedFilter', input, () => triageOf(this).deleteSavedFilter(input));
  exportPeople = (input: MethodInput<'exportPeople'>) => this.run('exportPeople', input, () => triageOf(this).exportPeople(input));
  forgetPerson = (input: MethodInput<'forgetPerson'>) =>
    this.run('forgetPerson', input, () => {
      if (!this.people.some((c) => c.personId === input.personId)) throw new RapportError('NOT_FOUND', `No person ${input.personId}`);
      this.people = this.people.filter((c) => c.personId !== input.personId);
      return { forgotten: true as const };
    });
  desktopSettings = { ...DEFAULT_DESKTOP_SETTINGS };
  getDesktopSettings = (input: MethodInput<'getDesktopSettings'>) => this.run('getDesktopSettings', input, () => ({ ...this.desktopSettings }));
  setDesktopSettings = (input: MethodInput<'setDesktopSettings'>) =>
    this.run('setDesktopSettings', input, () => (this.desktopSettings = { ...this.desktopSettings, ...input }));
  getWaitingCount = (input: MethodInput<'getWaitingCount'>) =>
    this.run('getWaitingCount', input, () => ({ total: this.counts().new, byAccount: [] }));
}

