// The contract's method names without its schemas, so the sandboxed preload (and the harness
// bridge) can enumerate methods without bundling zod. contract.ts checks at compile time that
// this list and the contract's keys are the same set.
export const METHOD_NAMES = [
  'listAccounts',
  'removeAccount',
  'startSync',
  'cancelSync',
  'getSyncStatus',
  'getBoardCounts',
  'getBoardPage',
  'moveCard',
  'getProfile',
  'searchPeople',
  'markExistingFollowersEvaluated',
  'sendMessage',
  'listActions',
  'retryAction',
  'cancelAction',
  'markActionDone',
  'getActionBudget',
  'setActionBudget',
  // signing in to any network (signInContract.ts)
  'beginSignIn',
  'finishSignIn',
  'cancelSignIn',
  // triage (triageContract.ts)
  'queryPeople',
  'bulkMove',
  'restoreStages',
  'setNote',
  'setTags',
  'listTags',
  'getTimeline',
  'snooze',
  'unfollowPerson',
  'getStats',
  'listTemplates',
  'saveTemplate',
  'deleteTemplate',
  'listSavedFilters',
  'saveFilter',
  'deleteSavedFilter',
  'exportPeople',
  'forgetPerson',
  'findPeople',
  // desktop settings and waiting count (desktopContract.ts)
  'getDesktopSettings',
  'setDesktopSettings',
  'getWaitingCount',
  // who engages with you (interactionsContract.ts)
  'listInteractions',
  'getReviewFirst',
  'getInteractionRetention',
  'setInteractionRetention',
  // what a sync will read where the network bills reads (syncCostContract.ts)
  'getSyncReadEstimate',
] as const;

export type MethodNameList = (typeof METHOD_NAMES)[number];
