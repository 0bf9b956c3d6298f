// Review mode: one follower at a time. Placeholder until the triage UI lands.
export function ReviewView(_props: { accountId: number }) {
  return null;
}
