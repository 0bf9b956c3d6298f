export { computeSignals } from './computeSignals';
export { scoreSignals, explainScore, SIGNAL_WEIGHTS, type ScorePart } from './score';
export { DEFAULT_SIGNAL_THRESHOLDS, type SignalThresholds } from './thresholds';
export { avatarKindFromUrl } from './avatarKind';
export { recentActivityFromPosts, latestPostAt } from './activitySignals';
export { findFollowBait, type FollowBaitMatch } from './followBaitSignals';
export { summarizeChurn, type ChurnSummary } from './churnSignals';
export * from './types';
