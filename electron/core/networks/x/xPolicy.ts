// What Rapport lets itself do on X, known without a signed-in provider.
//
// X's API no longer lets apps follow people, and its rules forbid automated follow-back and
// automated DMs; X itself caps follows at 400 a day. So the outbox never sends on X: every follow,
// unfollow and message is opened on X's own pages (xActionPages.ts) for the person to do, one at a
// time, and counts against this budget the moment it is opened.
//
// 50 a day: an eighth of X's follow cap, because X's spam rules look at follow churn and bursts
// well below the cap, and messages and unfollows share the budget. Deciding about people one by
// one, fifty deliberate actions is a long session; the user may lower it, never raise it.
import type { NetworkActionPolicy } from '../networkActionPolicy';

export const X_POLICY: NetworkActionPolicy = { canFollow: true, canDm: true, dailyActions: 50 };
