// The last decisions taken in this window, newest last, kept in localStorage so `u` and the
// toast's Undo still work after a reload. Only what undo needs is stored: who (id and the name to
// say), which account, where from and where to.
import { STAGES } from '../../shared/domain';
import type { PersonCard, Stage } from '../../shared/domain';

export interface Decision {
  id: number;
  accountId: number;
  card: PersonCard;
  from: Stage;
  to: Stage;
}

const KEY = 'rapport.decisions';
/** Enough to walk back a burst of mistakes; older decisions are settled. */
const LIMIT = 50;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const isStage = (value: unknown): value is Stage => typeof value === 'string' && (STAGES as readonly string[]).includes(value);

/** What was stored, with anything malformed (an older format, a hand edit) left out. */
function isDecision(value: unknown): value is Decision {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  const card = d.card as Record<string, unknown> | null | undefined;
  return (
    Number.isInteger(d.id) &&
    Number.isInteger(d.accountId) &&
    isStage(d.from) &&
    isStage(d.to) &&
    typeof card === 'object' &&
    card !== null &&
    Number.isInteger(card.personId) &&
    typeof card.displayName === 'string'
  );
}

function load(): Decision[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isDecision).slice(-LIMIT) : [];
  } catch {
    return [];
  }
}

let history: Decision[] | null = null;
const decisions = (): Decision[] => (history ??= load());

function save(): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(decisions()));
  } catch {
    // Storage full or refused: undo still works until the window reloads.
  }
}

/** The card's own fields: a profile passed as a card leaves its bio, posts and extras behind. */
export function cardOnly(card: PersonCard): PersonCard {
  return {
    personId: card.personId,
    handle: card.handle,
    displayName: card.displayName,
    avatarUrl: card.avatarUrl,
    followersCount: card.followersCount,
    followingCount: card.followingCount,
    bioSnippet: card.bioSnippet,
    stage: card.stage,
    followsMe: card.followsMe,
    iFollow: card.iFollow,
    followedMeAt: card.followedMeAt,
    stageChangedAt: card.stageChangedAt,
    ...(card.tags ? { tags: card.tags } : {}),
  };
}

/** Remembers a decision; returns its id. Signals and outbox state are not kept (undo re-reads them). */
export function rememberDecision(accountId: number, card: PersonCard, from: Stage, to: Stage): number {
  const list = decisions();
  const id = (list[list.length - 1]?.id ?? 0) + 1;
  list.push({ id, accountId, card: cardOnly(card), from, to });
  if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
  save();
  return id;
}

/** The newest decision of this account (or the one with this id), without removing it. */
export function findDecision(accountId: number, id?: number): Decision | null {
  const list = decisions();
  for (let i = list.length - 1; i >= 0; i--) {
    const d = list[i];
    if (d && d.accountId === accountId && (id === undefined || d.id === id)) return d;
  }
  return null;
}

export function forgetDecision(id: number): void {
  const list = decisions();
  const index = list.findIndex((d) => d.id === id);
  if (index >= 0) {
    list.splice(index, 1);
    save();
  }
}

/** Puts a decision back (an undo that did not happen), keeping the order by id. */
export function restoreDecision(decision: Decision): void {
  const list = decisions();
  if (list.some((d) => d.id === decision.id)) return;
  list.push(decision);
  list.sort((a, b) => a.id - b.id);
  save();
}

/** For tests and account removal: forget every remembered decision, here and in storage. */
export function clearDecisions(): void {
  history = [];
  save();
}

/** For tests: read storage again, as a reloaded window does. */
export function reloadDecisions(): void {
  history = null;
}
