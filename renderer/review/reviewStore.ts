// Review mode's queue: the new followers who spoke to me before following, then the head of the
// New column (in the board's order), the next few profiles fetched ahead so the next person
// appears the moment a decision is taken, and what this session skipped. Decisions go through triageMoves, so they land on the board and can be undone.
import { create } from 'zustand';
import type { BoardSort, PersonCard, PersonProfile, Stage } from '../../shared/domain';
import type { TimelineEntry } from '../../shared/triageTypes';
import type { PersonInteractions } from '../../shared/interactions';
import { call, rapportClient, toRapportError } from '../api/rapportClient';
import { decide, undoLastMove } from '../keyboard/triageMoves';
import { announce } from '../stores/announcerStore';
import { useBoardStore } from '../stores/boardStore';
import { LATEST_INTERACTIONS } from '../profile/LatestInteractions';

/** The person on screen plus the ones behind them whose profiles are fetched ahead. */
export const PRELOAD = 5;
/** Cards kept queued; refilled below this. */
const QUEUE_TARGET = 12;
const PAGE_LIMIT = 200;
const MAX_PAGES_PER_REFILL = 5;
/** After this long, no read of New started before a stored move can still be answering. */
const SETTLED_MOVE_MS = 5000;

interface ReviewState {
  accountId: number | null;
  /** queue[0] is the person being reviewed. */
  queue: PersonCard[];
  profiles: Record<number, PersonProfile>;
  /** Histories fetched ahead with the profiles, so the next person's timeline shows at once. */
  timelines: Record<number, TimelineEntry[]>;
  /** Their latest interactions, fetched ahead the same way. */
  interactions: Record<number, PersonInteractions>;
  profileErrors: Record<number, string>;
  /** True once the first read of New answered. */
  loaded: boolean;
  error: string | null;
  /** People skipped this session (they stay in New). */
  skippedCount: number;
}

const INITIAL: ReviewState = { accountId: null, queue: [], profiles: {}, timelines: {}, interactions: {}, profileErrors: {}, loaded: false, error: null, skippedCount: 0 };

export const useReviewStore = create<ReviewState>()(() => INITIAL);

const control = {
  generation: 0,
  sort: null as BoardSort | null,
  skipped: new Set<number>(),
  /** Decided in Review and not undone: out of New (or on their way out). */
  leaving: new Set<number>(),
  requested: new Set<number>(),
  refilling: false,
  refillAgain: false,
};

function excluded(personId: number): boolean {
  return control.skipped.has(personId) || control.leaving.has(personId);
}

/** Starts (or resumes) Review for an account, in the board's current order. */
export function openReview(accountId: number, sort: BoardSort): void {
  if (useReviewStore.getState().accountId !== accountId) resetReview(accountId);
  if (control.sort !== sort) {
    // Another order means another head of New: queue again, keeping what was skipped.
    control.sort = sort;
    control.generation++;
    control.refilling = false;
    control.refillAgain = false;
    control.requested.clear();
    useReviewStore.setState({ queue: [], loaded: false });
  }
  void refill();
}

export function resetReview(accountId: number | null = null): void {
  control.generation++;
  control.sort = null;
  control.skipped.clear();
  control.leaving.clear();
  control.requested.clear();
  control.refilling = false;
  control.refillAgain = false;
  useReviewStore.setState({ ...INITIAL, accountId });
}

/** Reads the head of New again and appends whoever is not queued yet. */
export async function refill(): Promise<void> {
  const { accountId } = useReviewStore.getState();
  if (accountId === null) return;
  if (control.refilling) {
    control.refillAgain = true;
    return;
  }
  control.refilling = true;
  const generation = control.generation;
  try {
    // Who spoke to me before following comes first, whatever the board's order (issue 16).
    const first = await call('getReviewFirst', { accountId, limit: QUEUE_TARGET });
    if (generation !== control.generation) return;
    const fetched: PersonCard[] = first.filter((card) => !excluded(card.personId));
    const firstIds = new Set(fetched.map((card) => card.personId));
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES_PER_REFILL; page++) {
      const result = await rapportClient.getBoardPage({
        accountId,
        stage: 'new',
        sort: control.sort ?? useBoardStore.getState().sort,
        limit: Math.min(PAGE_LIMIT, QUEUE_TARGET + control.skipped.size + control.leaving.size),
        ...(cursor ? { cursor } : {}),
      });
      if (generation !== control.generation) return;
      fetched.push(...result.items.filter((card) => !excluded(card.personId) && !firstIds.has(card.personId)));
      cursor = result.items.length > 0 ? result.nextCursor : null;
      if (fetched.length >= QUEUE_TARGET + firstIds.size || cursor === null) break;
    }
    useReviewStore.setState((s) => {
      // Whoever is on screen stays there: a follower who arrived meanwhile queues behind them.
      const kept = s.queue.filter((card) => !excluded(card.personId));
      const keptIds = new Set(kept.map((card) => card.personId));
      return { queue: [...kept, ...fetched.filter((card) => !keptIds.has(card.personId))], loaded: true, error: null };
    });
    preload();
  } catch (error) {
    if (generation === control.generation) useReviewStore.setState({ loaded: true, error: toRapportError(error).message });
  } finally {
    if (generation === control.generation) {
      control.refilling = false;
      if (control.refillAgain) {
        control.refillAgain = false;
        void refill();
      }
    }
  }
}

/** Fetches the profiles of the next few people (and warms their avatars) before they are shown. */
function preload(): void {
  const { accountId, queue, profiles } = useReviewStore.getState();
  if (accountId === null) return;
  const generation = control.generation;
  for (const card of queue.slice(0, PRELOAD)) {
    if (control.requested.has(card.personId) || profiles[card.personId]) continue;
    control.requested.add(card.personId);
    if (card.avatarUrl && typeof Image !== 'undefined') new Image().src = card.avatarUrl;
    rapportClient.getProfile(accountId, card.personId).then(
      (profile) => {
        if (generation !== control.generation) return;
        useReviewStore.setState((s) => ({ profiles: { ...s.profiles, [profile.personId]: profile } }));
      },
      (error: unknown) => {
        if (generation !== control.generation) return;
        control.requested.delete(card.personId);
        useReviewStore.setState((s) => ({ profileErrors: { ...s.profileErrors, [card.personId]: toRapportError(error).message } }));
      },
    );
    // A history that cannot be read is read again by the profile itself (and says why there).
    call('getTimeline', { accountId, personId: card.personId }).then(
      (entries) => {
        if (generation === control.generation) useReviewStore.setState((s) => ({ timelines: { ...s.timelines, [card.personId]: entries } }));
      },
      () => undefined,
    );
    call('listInteractions', { accountId, personId: card.personId, limit: LATEST_INTERACTIONS }).then(
      (page) => {
        if (generation === control.generation) useReviewStore.setState((s) => ({ interactions: { ...s.interactions, [card.personId]: page } }));
      },
      () => undefined,
    );
  }
}

function advance(personId: number): void {
  useReviewStore.setState((s) => {
    const queue = s.queue.filter((card) => card.personId !== personId);
    // Only the queued people's profiles are kept: a long session does not pile them up.
    const queued = new Set(queue.map((card) => card.personId));
    const profiles: Record<number, PersonProfile> = {};
    const timelines: Record<number, TimelineEntry[]> = {};
    const interactions: Record<number, PersonInteractions> = {};
    for (const card of queue) {
      const profile = s.profiles[card.personId];
      if (profile) profiles[card.personId] = profile;
      const timeline = s.timelines[card.personId];
      if (timeline) timelines[card.personId] = timeline;
      const latest = s.interactions[card.personId];
      if (latest) interactions[card.personId] = latest;
    }
    for (const id of control.requested) if (!queued.has(id)) control.requested.delete(id);
    return { queue, profiles, timelines, interactions };
  });
  preload();
  if (useReviewStore.getState().queue.length < QUEUE_TARGET) void refill();
}

/** The person on screen goes to `to`; the next one shows at once. */
export async function decideCurrent(to: Stage): Promise<void> {
  const { accountId, queue } = useReviewStore.getState();
  const current = queue[0];
  if (accountId === null || !current || to === 'new') return;
  const generation = control.generation;
  control.leaving.add(current.personId);
  advance(current.personId);
  const moved = await decide(accountId, current, 'new', to, { focusNext: false });
  if (generation !== control.generation) return;
  if (moved) {
    // Stored: a read of New that started before the move could still list them for a moment.
    setTimeout(() => {
      if (generation === control.generation && !useReviewStore.getState().queue.some((card) => card.personId === current.personId)) {
        control.leaving.delete(current.personId);
      }
    }, SETTLED_MOVE_MS);
    return;
  }
  // Not stored: they are still in New, so they are back on screen.
  control.leaving.delete(current.personId);
  useReviewStore.setState((s) => ({ queue: [current, ...s.queue.filter((card) => card.personId !== current.personId)] }));
}

export function skipCurrent(): void {
  const current = useReviewStore.getState().queue[0];
  if (!current) return;
  control.skipped.add(current.personId);
  useReviewStore.setState({ skippedCount: control.skipped.size });
  announce(`Skipped ${current.displayName}`);
  advance(current.personId);
}

/** Brings back everyone skipped this session. */
export function reviewSkippedAgain(): void {
  control.skipped.clear();
  useReviewStore.setState({ skippedCount: 0 });
  void refill();
}

/** `u`: the last decision is put back; a person sent back to New is the one on screen again. */
export async function undoInReview(): Promise<void> {
  const { accountId } = useReviewStore.getState();
  if (accountId === null) return;
  const generation = control.generation;
  const move = await undoLastMove(accountId);
  if (!move || move.from !== 'new' || generation !== control.generation) return;
  const card: PersonCard = { ...move.card, stage: 'new' };
  control.leaving.delete(card.personId);
  control.skipped.delete(card.personId);
  useReviewStore.setState((s) => ({
    queue: [card, ...s.queue.filter((c) => c.personId !== card.personId)],
    skippedCount: control.skipped.size,
  }));
  preload();
}

/** The person left New some other way (snoozed, forgotten): drop them and show the next. */
export function dropFromReview(personId: number): void {
  control.leaving.add(personId);
  advance(personId);
}

/** A profile changed under Review (note, tags saved): keep the cached copy current. */
export function updateReviewProfile(profile: PersonProfile): void {
  useReviewStore.setState((s) => (s.profiles[profile.personId] ? { profiles: { ...s.profiles, [profile.personId]: profile } } : s));
}
