// One plain sentence per timeline event, written for the person reading their own history with a
// follower ("Moved from New to Connected", "You wrote: Thanks for the follow…"). Event data is our
// own JSON, but old rows may lack fields, so every field is read defensively and a sentence is
// always produced.
import { STAGES, STAGE_LABELS, type Stage } from '../../../shared/domain';
import type { TimelineKind } from '../../../shared/triageTypes';

/** Every kind the events table accepts (0005) is one the timeline shows; interactions come from their own table. */
export type EventKind = Exclude<TimelineKind, 'interactions'>;

/** How much of a sent message the timeline quotes. */
export const QUOTE_MAX = 120;

type EventData = Record<string, unknown>;

export function parseEventData(data: string | null): EventData {
  if (!data) return {};
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as EventData) : {};
  } catch {
    return {};
  }
}

function stageLabel(value: unknown): string | null {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value) ? STAGE_LABELS[value as Stage] : null;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The message on one line, cut at QUOTE_MAX characters (code points) with an ellipsis. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length <= QUOTE_MAX ? oneLine : `${chars.slice(0, QUOTE_MAX - 1).join('').trimEnd()}…`;
}

const count = new Intl.NumberFormat('en-US');

function stageSentence(data: EventData): string {
  const from = stageLabel(data.from);
  const to = stageLabel(data.to);
  if (from && to) return `Moved from ${from} to ${to}`;
  return to ? `Moved to ${to}` : 'Moved on the board';
}

function snoozeSentence(data: EventData): string {
  if (data.untilNextPost === true) return 'Snoozed until their next post';
  const days = typeof data.days === 'number' && Number.isFinite(data.days) ? data.days : null;
  if (days === null) return 'Snoozed';
  return `Snoozed for ${count.format(days)} ${days === 1 ? 'day' : 'days'}`;
}

function snoozeEndedSentence(data: EventData): string {
  if (data.reason === 'posted') return 'Posted again, so the snooze ended: back in New';
  if (data.reason === 'manual') return 'You ended the snooze: back in New';
  return 'Snooze ended: back in New';
}

function noteSentence(data: EventData): string {
  if (data.change === 'added') return 'You added a note';
  if (data.change === 'removed') return 'You removed your note';
  return 'You edited your note';
}

function tagsSentence(data: EventData): string {
  const added = names(data.added);
  const removed = names(data.removed);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`Tagged ${added.join(', ')}`);
  if (removed.length > 0) {
    const what = `the ${removed.length === 1 ? 'tag' : 'tags'} ${removed.join(', ')}`;
    parts.push(`${parts.length > 0 ? 'removed' : 'Removed'} ${what}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'Tags changed';
}

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

function dateOf(value: unknown): Date | null {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * Follow changes found by comparing two snapshots (archive imports) are only known to lie between
 * them: data { after, before } says so ("between Nov 20 and Dec 1"); no data, nothing is added.
 */
function windowPhrase(data: EventData): string {
  const before = dateOf(data.before);
  if (!before) return '';
  const after = dateOf(data.after);
  if (!after) return ` before ${longDate.format(before)}`;
  const format = after.getUTCFullYear() === before.getUTCFullYear() ? shortDate : longDate;
  return ` between ${format.format(after)} and ${format.format(before)}`;
}

/** Messages counted from an export (both directions), not one message Rapport sent. */
function exchangedSentence(data: EventData): string | null {
  const exchanged = typeof data.exchanged === 'number' && Number.isInteger(data.exchanged) && data.exchanged > 0 ? data.exchanged : null;
  if (exchanged === null) return null;
  return `You exchanged ${count.format(exchanged)} direct ${exchanged === 1 ? 'message' : 'messages'}`;
}

/** Why the account went away, as the network said (old rows have no reason). */
function goneSentence(data: EventData): string {
  switch (data.reason) {
    case 'deactivated':
      return 'Deactivated their account';
    case 'deleted':
      return 'Deleted their account';
    case 'suspended':
      return 'Account suspended';
    case 'takendown':
      return 'Account taken down by the network';
    case 'moved':
      return typeof data.movedTo === 'string' && data.movedTo ? `Moved to @${data.movedTo.replace(/^@/, '')}` : 'Moved to another account';
    default:
      return 'Account gone';
  }
}

/** The sentence for one event; `messageText` is the text of the message a dm_sent event refers to. */
export function timelineSentence(kind: EventKind, data: EventData, messageText: string | null): string {
  switch (kind) {
    case 'followed_me':
      return `Followed you${windowPhrase(data)}`;
    case 'unfollowed_me':
      return `Unfollowed you${windowPhrase(data)}`;
    case 'i_followed':
      return `You followed them${windowPhrase(data)}`;
    case 'i_unfollowed':
      return `You unfollowed them${windowPhrase(data)}`;
    case 'follow_requested':
      return 'You asked to follow them; waiting for their approval';
    case 'stage_changed':
      return stageSentence(data);
    case 'dm_sent':
      return messageText ? `You wrote: ${quote(messageText)}` : (exchangedSentence(data) ?? 'You sent them a message');
    case 'profile_changed':
      return 'Changed their profile';
    case 'gone':
      return goneSentence(data);
    case 'came_back':
      return 'Came back: their account is active again';
    case 'snoozed':
      return snoozeSentence(data);
    case 'snooze_ended':
      return snoozeEndedSentence(data);
    case 'note_changed':
      return noteSentence(data);
    case 'tags_changed':
      return tagsSentence(data);
  }
}
