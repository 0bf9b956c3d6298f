// People lists, bulk moves, saved filters, stats, export and one-at-a-time unfollows in the
// renderer's test double (InMemoryRapportApi), behaving like core's handlers over the double's
// in-memory people: the same filter meanings, offset pages with a total, Connected refused in bulk.
import { RapportError } from '../../shared/api/errors';
import type { MethodInput, MethodResult } from '../../shared/api/contract';
import type { Account, PersonCard, StageCounts } from '../../shared/domain';
import type { AccountStats, PeopleFilter, PeopleSort, SavedFilter } from '../../shared/triageTypes';
import type { InMemoryOutbox } from './inMemoryOutbox';

const BASE_TIME = Date.parse('2026-01-01T00:00:00Z');

/** What the helper needs of the double: its people (replaced on every change), accounts, outbox. */
export interface TriageDouble {
  accounts: Account[];
  people: PersonCard[];
  readonly outbox: InMemoryOutbox;
}

function followedAt(card: PersonCard): number {
  return card.followedMeAt ? Date.parse(card.followedMeAt) : 0;
}

export function matchesFilter(card: PersonCard, filter: PeopleFilter): boolean {
  const query = filter.query?.trim().toLowerCase();
  if (query && ![card.displayName, card.handle, card.bioSnippet].some((text) => text.toLowerCase().includes(query))) return false;
  if (filter.stages && !filter.stages.includes(card.stage)) return false;
  const tags = (card.tags ?? []).map((t) => t.toLowerCase());
  if (filter.tags && !filter.tags.every((tag) => tags.includes(tag.toLowerCase()))) return false;
  const signals = (card.signals ?? []).map((s) => s.id);
  if (filter.signals && !filter.signals.every((id) => signals.includes(id))) return false;
  switch (filter.relationship) {
    case 'mutual':
      if (!(card.followsMe && card.iFollow)) return false;
      break;
    case 'followsMe':
      if (!card.followsMe) return false;
      break;
    case 'iFollow':
      if (!card.iFollow) return false;
      break;
    case 'notFollowingBack':
      if (!(card.iFollow && !card.followsMe)) return false;
      break;
    case 'unfollowedMe':
      if (card.followsMe || !card.followedMeAt || card.goneAt) return false;
      break;
    case undefined:
      break;
  }
  if (filter.followedMeAfter && followedAt(card) < Date.parse(filter.followedMeAfter)) return false;
  if (filter.followedMeBefore && (!card.followedMeAt || followedAt(card) > Date.parse(filter.followedMeBefore))) return false;
  if (filter.snoozed === true && !card.snoozedUntil) return false;
  if (filter.snoozed === false && card.snoozedUntil) return false;
  return true;
}

export class InMemoryTriage {
  savedFilters: SavedFilter[] = [];
  /** What getStats answers; null derives figures from the people. */
  stats: AccountStats | null = null;
  /** Latest post per person, for the lastActivity sort. */
  lastPostAt = new Map<number, string>();
  private nextId = 1;

  constructor(private readonly double: TriageDouble) {}

  private account(accountId: number): Account {
    const account = this.double.accounts.find((a) => a.id === accountId);
    if (!account) throw new RapportError('NOT_FOUND', `No account ${accountId}`);
    return account;
  }

  private counts(): StageCounts {
    const counts: StageCounts = { new: 0, evaluated: 0, connected: 0, declined: 0 };
    for (const card of this.double.people) counts[card.stage]++;
    return counts;
  }

  private sorted(cards: PersonCard[], sort: PeopleSort): PersonCard[] {
    const key = (card: PersonCard): number | string => {
      switch (sort) {
        case 'newest':
          return -followedAt(card);
        case 'followers':
          return -card.followersCount;
        case 'name':
          return card.displayName.toLowerCase();
        case 'score':
          return -(card.score ?? Number.NEGATIVE_INFINITY);
        case 'lastActivity': {
          const at = this.lastPostAt.get(card.personId);
          return at ? -Date.parse(at) : Number.POSITIVE_INFINITY;
        }
      }
    };
    return [...cards].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka < kb) return -1;
      if (ka > kb) return 1;
      return a.personId - b.personId;
    });
  }

  queryPeople(input: MethodInput<'queryPeople'>): MethodResult<'queryPeople'> {
    this.account(input.accountId);
    const matching = this.sorted(
      this.double.people.filter((card) => matchesFilter(card, input.filter)),
      input.sort,
    );
    const offset = input.offset ?? 0;
    const items = matching.slice(offset, offset + input.limit);
    const end = offset + items.length;
    return { items, total: matching.length, nextOffset: end < matching.length && items.length > 0 ? end : null };
  }

  bulkMove(input: MethodInput<'bulkMove'>): MethodResult<'bulkMove'> {
    this.account(input.accountId);
    if (input.stage === 'connected') throw new RapportError('CONFLICT', 'People are followed one at a time: move them to Connected one by one.');
    const selection = input.selection;
    const chosen =
      'personIds' in selection
        ? new Set(selection.personIds)
        : new Set(this.double.people.filter((card) => matchesFilter(card, selection.filter)).map((card) => card.personId));
    const from = this.double.people
      .filter((card) => chosen.has(card.personId) && card.stage !== input.stage)
      .map((card) => ({ personId: card.personId, stage: card.stage }))
      .sort((a, b) => a.personId - b.personId);
    const moving = new Set(from.map((entry) => entry.personId));
    const at = new Date(BASE_TIME + 1000).toISOString();
    this.double.people = this.double.people.map((card) => (moving.has(card.personId) ? { ...card, stage: input.stage, stageChangedAt: at } : card));
    return { moved: from.length, counts: this.counts(), from };
  }

  restoreStages(input: MethodInput<'restoreStages'>): MethodResult<'restoreStages'> {
    this.account(input.accountId);
    const wanted = new Map(input.entries.map((entry) => [entry.personId, entry.stage]));
    let restored = 0;
    this.double.people = this.double.people.map((card) => {
      const stage = wanted.get(card.personId);
      if (!stage || card.stage === 'connected' || card.stage === stage) return card;
      restored++;
      return { ...card, stage };
    });
    return { restored, counts: this.counts() };
  }

  listSavedFilters(input: MethodInput<'listSavedFilters'>): SavedFilter[] {
    this.account(input.accountId);
    return this.savedFilters.filter((f) => f.accountId === input.accountId);
  }

  saveFilter(input: MethodInput<'saveFilter'>): SavedFilter {
    this.account(input.accountId);
    const name = input.name.trim();
    if (this.savedFilters.some((f) => f.accountId === input.accountId && f.name.toLowerCase() === name.toLowerCase())) {
      throw new RapportError('CONFLICT', `A saved filter is already called “${name}”.`);
    }
    const saved: SavedFilter = { id: this.nextId++, accountId: input.accountId, name, filter: input.filter, createdAt: new Date(BASE_TIME).toISOString() };
    this.savedFilters = [...this.savedFilters, saved];
    return saved;
  }

  deleteSavedFilter(input: MethodInput<'deleteSavedFilter'>): { deleted: true } {
    if (!this.savedFilters.some((f) => f.id === input.filterId)) throw new RapportError('NOT_FOUND', 'That saved filter does not exist any more.');
    this.savedFilters = this.savedFilters.filter((f) => f.id !== input.filterId);
    return { deleted: true };
  }

  getStats(input: MethodInput<'getStats'>): AccountStats {
    this.account(input.accountId);
    if (this.stats) return this.stats;
    const people = this.double.people;
    const followers = people.filter((c) => c.followsMe).length;
    return {
      followerGrowth: followers > 0 ? [{ date: new Date(BASE_TIME).toISOString().slice(0, 10), value: followers }] : [],
      funnel: this.counts(),
      weekly: [],
      totals: {
        followers,
        following: people.filter((c) => c.iFollow).length,
        mutual: people.filter((c) => c.followsMe && c.iFollow).length,
        notFollowingBack: people.filter((c) => c.iFollow && !c.followsMe).length,
      },
    };
  }

  exportPeople(input: MethodInput<'exportPeople'>): MethodResult<'exportPeople'> {
    this.account(input.accountId);
    const rows = this.double.people.filter((card) => !input.filter || matchesFilter(card, input.filter));
    const content =
      input.format === 'json'
        ? JSON.stringify(rows.map((c) => ({ handle: c.handle, displayName: c.displayName, stage: c.stage, tags: c.tags ?? [] })))
        : ['handle,display_name,stage', ...rows.map((c) => `${c.handle},${JSON.stringify(c.displayName)},${c.stage}`)].join('\n');
    return {
      filename: `rapport-people.${input.format}`,
      mimeType: input.format === 'json' ? 'application/json' : 'text/csv',
      content,
      rows: rows.length,
    };
  }

  /** Queues one unfollow through the double's outbox and its daily budget, as core does. */
  unfollowPerson(input: MethodInput<'unfollowPerson'>): MethodResult<'unfollowPerson'> {
    const account = this.account(input.accountId);
    const card = this.double.people.find((c) => c.personId === input.personId);
    if (!card) throw new RapportError('NOT_FOUND', `No person ${input.personId}`);
    if (!card.iFollow) throw new RapportError('CONFLICT', 'You do not follow them.');
    const outbox = this.double.outbox;
    const budget = outbox.budget(account);
    if (budget.used >= budget.limit) throw new RapportError('BUDGET_EXCEEDED', `Today's ${budget.limit} actions are used up; more tomorrow.`);
    outbox.used.set(account.id, budget.used + 1);
    const at = new Date(BASE_TIME).toISOString();
    const action = outbox.seed({
      accountId: account.id,
      personId: card.personId,
      kind: 'unfollow',
      status: 'queued',
      attempts: 0,
      createdAt: at,
      updatedAt: at,
      sentAt: null,
      nextAttemptAt: null,
    });
    const summary = { id: action.id, kind: action.kind, status: action.status };
    this.double.people = this.double.people.map((c) => (c.personId === card.personId ? { ...c, action: summary } : c));
    return summary;
  }
}

const byDouble = new WeakMap<TriageDouble, InMemoryTriage>();

/** The double's triage state, created on first use. */
export function triageOf(double: TriageDouble): InMemoryTriage {
  let triage = byDouble.get(double);
  if (!triage) {
    triage = new InMemoryTriage(double);
    byDouble.set(double, triage);
  }
  return triage;
}
