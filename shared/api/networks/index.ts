// REGISTRY of the networks' contract parts: one line per network. Everything network-shaped in
// the contract derives from this list: the Network type, the sign-in parameters union, the
// actions the window may offer and the labels.
import { z } from 'zod';
import { blueskyContract } from './bluesky';
import { mastodonContract } from './mastodon';
import { sampleContract } from './sample';

export const NETWORK_CONTRACTS = [
  sampleContract,
  blueskyContract,
  mastodonContract,
] as const;

type NetworkContract = (typeof NETWORK_CONTRACTS)[number];

/** Each network's sign-in parameters, told apart by `network`. */
export const signInParams = z.discriminatedUnion(
  'network',
  NETWORK_CONTRACTS.map((n) => n.signInParams) as unknown as [NetworkContract['signInParams'], ...NetworkContract['signInParams'][]],
);
export type SignInParams = z.output<typeof signInParams>;
export type SignInNetwork = SignInParams['network'];
export type SignInParamsOf<N extends SignInNetwork> = Extract<SignInParams, { network: N }>;
