// Follower growth, the stage funnel and weekly flows. Placeholder until the stats view lands.
export function StatsView(_props: { accountId: number }) {
  return null;
}
