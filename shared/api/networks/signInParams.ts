// Each network's sign-in parameters, told apart by `network`: the schema beginSignIn checks its
// input with, built from the networks' registry (index.ts). Core and the contract import it; the
// window never does, so zod stays out of its first screen.
import { z } from 'zod';
import { NETWORK_CONTRACTS } from './index';
import type { NetworkContract } from './index';

type NetworkSignInSchema = ReturnType<NetworkContract['signInParams']>;

export const signInParams = z.discriminatedUnion(
  'network',
  NETWORK_CONTRACTS.map((n) => n.signInParams(z)) as unknown as [NetworkSignInSchema, ...NetworkSignInSchema[]],
);
export type SignInParams = z.output<typeof signInParams>;
export type SignInNetwork = SignInParams['network'];
export type SignInParamsOf<N extends SignInNetwork> = Extract<SignInParams, { network: N }>;
