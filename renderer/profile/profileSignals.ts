// The signals a profile shows: the ones core stored, or, until core stores them, the same pure
// functions run here on what the profile and its timeline tell.
import type { PersonProfile } from '../../shared/domain';
import type { TimelineEntry } from '../../shared/triageTypes';
import { computeSignals, signalInputFromProfile } from '../../shared/signals';
import type { FollowEvent, Signal } from '../../shared/signals';

function followEvents(timeline: readonly TimelineEntry[]): FollowEvent[] {
  const events: FollowEvent[] = [];
  for (const entry of timeline) {
    if (entry.kind === 'followed_me' || entry.kind === 'unfollowed_me') events.push({ kind: entry.kind, at: entry.at });
  }
  return events;
}

export function signalsForProfile(profile: PersonProfile, timeline: readonly TimelineEntry[] | null, now: Date): Signal[] {
  if (profile.signals) return profile.signals;
  // The renderer only sees the cached copy of an avatar, not the remote URL that tells a default
  // picture from a chosen one, so it claims nothing about it.
  const input = signalInputFromProfile(profile, { avatar: profile.avatarUrl ? 'custom' : 'unknown', events: followEvents(timeline ?? []), now });
  return computeSignals(input, now);
}
