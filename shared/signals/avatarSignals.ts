// The network's default picture: an account nobody bothered to personalise.
import type { Signal, SignalInput } from './types';

export function avatarSignals(input: Pick<SignalInput, 'avatar'>): Signal[] {
  if (input.avatar !== 'default') return [];
  return [{ id: 'default-avatar', tone: 'caution', label: 'Default avatar', detail: 'Still shows the network’s default picture.' }];
}
