// Tells a network's default avatar from a chosen one by the remote URL, for providers that
// fill SignalInput.avatar. Each network marks its default differently, so each network's contract
// file says how (shared/api/networks/); where a network does not mark it at all the rule answers
// 'unknown'.
import { NETWORK_AVATAR_RULES } from '../api/networks';
import type { Network } from '../domain';
import type { AvatarKind } from './types';

export function avatarKindFromUrl(network: Network, url: string | null): AvatarKind {
  const path = (url ?? '').trim().split(/[?#]/, 1)[0] ?? '';
  const rule = NETWORK_AVATAR_RULES[network] as ((path: string) => AvatarKind) | undefined;
  return rule ? rule(path) : 'unknown';
}
