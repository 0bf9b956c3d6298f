// Follower signals: explainable hints about a person, shown as chips and summed into a score for
// sorting and filtering. They only inform; nothing here moves, follows or messages anyone.
export { computeSignals } from './computeSignals';
export { scoreSignals, explainScore, SIGNAL_WEIGHTS, type ScorePart } from './score';
export { DEFAULT_SIGNAL_THRESHOLDS, type SignalThresholds } from './thresholds';
export { signalInputFromProfile, type ProfileSignalContext } from './profileSignalInput';
export { avatarKindFromUrl } from './avatarKind';
export { recentActivityFromPosts, latestPostAt } from './activitySignals';
export { findFollowBait, type FollowBaitMatch } from './followBaitSignals';
export { summarizeChurn, type ChurnSummary } from './churnSignals';
export * from './types';
