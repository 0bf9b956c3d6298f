// What a sync's outcome tells the user beyond its state: how many items the network sent that
// Rapport could not read as the network's own rules say (kept with a field cut, or left out).
// No zod here: the window's top bar says this sentence, and nothing checks counts with a schema
// (core writes them, SyncProgress carries them).
import type { SyncProgress } from '../domain';

export type UnreadableCounts = NonNullable<SyncProgress['unreadable']>;

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 profiles could not be read", "1 profile and 3 posts could not be read", or null when none. */
export function unreadableSentence(counts: UnreadableCounts | null | undefined): string | null {
  if (!counts) return null;
  const parts: string[] = [];
  if (counts.profiles > 0) parts.push(counted(counts.profiles, 'profile', 'profiles'));
  if (counts.posts > 0) parts.push(counted(counts.posts, 'post', 'posts'));
  if (parts.length === 0) return null;
  return `${parts.join(' and ')} could not be read`;
}
