// What Rapport lets itself do on X, known without a signed-in provider.
//
// X's API no longer lets apps follow people, and its rules forbid automated follow-back and
// automated DMs; X itself caps follows at 400 a day. So the outbox never acts on X: every follow
// and message is opened on X's own pages by the person, one at a time. The daily figure is the
// budget for those openings, far below X's cap (follow churn is what X's spam rules look for).
import type { NetworkActionPolicy } from '../networkActionPolicy';

export const X_POLICY: NetworkActionPolicy = { canFollow: false, canDm: false, dailyActions: 0 };
