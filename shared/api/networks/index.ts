// REGISTRY of the networks' contract parts: one line per network. Everything network-shaped in
// the contract derives from this list: the Network type, the sign-in parameters union (built in
// signInParams.ts, so this file and the window carry no zod), the actions the window may offer
// and the labels.
import type { AvatarKind } from '../../signals/types';
import { blueskyContract } from './bluesky';
import { githubContract } from './github';
import { mastodonContract } from './mastodon';
import { sampleContract } from './sample';
import { xContract } from './x';

export const NETWORK_CONTRACTS = [
  sampleContract,
  blueskyContract,
  mastodonContract,
  githubContract,
  xContract,
] as const;

export type NetworkContract = (typeof NETWORK_CONTRACTS)[number];

/** A network this build has a module for. */
export type Network = NetworkContract['id'];
export const NETWORKS = NETWORK_CONTRACTS.map((n) => n.id) as readonly Network[];

const byNetwork = <T>(pick: (n: NetworkContract) => T): Readonly<Record<Network, T>> =>
  Object.fromEntries(NETWORK_CONTRACTS.map((n) => [n.id, pick(n)])) as Record<Network, T>;

/** What the window may offer on each network (core enforces the same, see each module's policy). */
export const NETWORK_ACTIONS: Readonly<Record<Network, { canFollow: boolean; canDm: boolean; opensOnSite?: boolean }>> = byNetwork((n) => n.actions);
/** Tells the network's default avatar from a chosen one by the URL's path (query dropped). */
export const NETWORK_AVATAR_RULES: Readonly<Record<Network, (path: string) => AvatarKind>> = byNetwork((n) => n.avatarKind);
/** Hosts main lets links open on, whatever accounts exist (per-account hosts come from core). */
export const NETWORK_LINK_HOSTS: readonly string[] = [...new Set(NETWORK_CONTRACTS.flatMap((n) => n.linkHosts))];
/** How each network is named to the user, in the window and in notifications. */
export const NETWORK_LABELS: Readonly<Record<Network, string>> = byNetwork((n) => n.label);

/** Networks whose accounts may mirror my notes to the network (Account.noteSync is set for them). */
export function networkMirrorsNotes(network: string): boolean {
  const contract = NETWORK_CONTRACTS.find((n) => n.id === network);
  return contract !== undefined && 'mirrorsNotes' in contract && contract.mirrorsNotes === true;
}

/** Networks that bill reads: the sync button says what a sync will read (getSyncReadEstimate). */
export function networkBillsReads(network: string): boolean {
  const contract = NETWORK_CONTRACTS.find((n) => n.id === network);
  return contract !== undefined && 'billsReads' in contract && contract.billsReads === true;
}

/** Whether the string names a network this build knows (rows written by a newer build may not). */
export function isNetwork(value: string): value is Network {
  return (NETWORKS as readonly string[]).includes(value);
}
