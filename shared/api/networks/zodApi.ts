// zod's builder, as a type only: each network's sign-in parameters are a function of it, so the
// networks' contract parts carry no zod at run time and the window's first screen does not load
// it (signInParams.ts builds the schemas where requests are checked: core and the contract).
import type { z } from 'zod';

export type ZodApi = typeof z;
