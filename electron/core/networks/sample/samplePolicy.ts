// What the outbox may do for a sample account: follow and write, simulated (nothing is sent
// anywhere), so sample data shows the outbox, the budget and the composer at work. Follows survive
// a restart through the outbox's own record (sampleFollowLedger.ts). The budget is a real
// network's kind of number, so the meter reads as it will with a real account.
import { sampleContract } from '../../../../shared/api/networks/sample';
import type { NetworkActionPolicy } from '../networkActionPolicy';

export const samplePolicy: NetworkActionPolicy = { ...sampleContract.actions, dailyActions: 50 };
