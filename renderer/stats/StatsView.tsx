// Follower growth, the stage funnel and weekly flows, drawn with recharts in the theme's colours
// (light and dark). This module is loaded on first visit (App lazy-loads it with the library).
import { useEffect } from 'react';
import { formatGrouped } from '../format/numberFormat';
import { useStatsStore } from '../stores/statsStore';
import { useChartPalette } from './chartPalette';
import { FollowerGrowthChart } from './FollowerGrowthChart';
import { StageFunnelChart } from './StageFunnelChart';
import { WeeklyFlowChart } from './WeeklyFlowChart';

function Total({ label, value }: { label: string; value: number }) {
  return (
    <div className="stats-total">
      <dt>{label}</dt>
      <dd>{formatGrouped(value)}</dd>
    </div>
  );
}

export function StatsView({ accountId }: { accountId: number }) {
  const stats = useStatsStore((s) => (s.accountId === accountId ? s.stats : null));
  const error = useStatsStore((s) => (s.accountId === accountId ? s.error : null));
  const palette = useChartPalette();

  useEffect(() => {
    void useStatsStore.getState().load(accountId);
  }, [accountId]);

  return (
    <main className="stats-view" data-testid="stats-view" aria-labelledby="stats-title" aria-busy={!stats && !error}>
      <header className="people-view-header">
        <h1 id="stats-title" className="people-view-title">
          Stats
        </h1>
      </header>
      {error ? (
        <div className="column-error" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => void useStatsStore.getState().load(accountId)}>
            Try again
          </button>
        </div>
      ) : null}
      {stats ? (
        <>
          <dl className="stats-totals" data-testid="stats-totals">
            <Total label="Followers" value={stats.totals.followers} />
            <Total label="Following" value={stats.totals.following} />
            <Total label="Mutual" value={stats.totals.mutual} />
            <Total label="Not following back" value={stats.totals.notFollowingBack} />
          </dl>
          <div className="stats-grid">
            <FollowerGrowthChart points={stats.followerGrowth} palette={palette} />
            <StageFunnelChart funnel={stats.funnel} palette={palette} />
            <WeeklyFlowChart weeks={stats.weekly} palette={palette} />
          </div>
        </>
      ) : null}
    </main>
  );
}
