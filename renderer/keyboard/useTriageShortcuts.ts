// Window-wide triage shortcuts (j/k, e/c/d/n, u, /, ?). Placeholder until keyboard triage lands.
export function useTriageShortcuts(_accountId: number | null): void {}
