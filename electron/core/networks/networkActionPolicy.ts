// What a network lets the outbox do, known without a signed-in provider (a move must decide
// whether to queue a follow while the network is unreachable). Each network module declares its
// own (its `policy`); providers declare these same figures in their capabilities, and the budget
// starts from them.

export interface NetworkActionPolicy {
  canFollow: boolean;
  canDm: boolean;
  /** Default daily budget of follow/unfollow/message actions; the user may only lower it. */
  dailyActions: number;
}
