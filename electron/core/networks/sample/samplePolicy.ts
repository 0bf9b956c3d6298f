// What the outbox may do for a sample account: nothing. Invented people live only in the sample
// provider's memory: a follow would be forgotten at the next start and the following sync would
// then report an unfollow. So the sample board only triages; it never acts.
import { sampleContract } from '../../../../shared/api/networks/sample';
import type { NetworkActionPolicy } from '../networkActionPolicy';

export const samplePolicy: NetworkActionPolicy = { ...sampleContract.actions, dailyActions: 0 };
