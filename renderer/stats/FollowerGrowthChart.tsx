// Followers over time, one point per day that changed (rebuilt by core from events).
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsPoint } from '../../shared/triageTypes';
import { formatCompact, formatGrouped } from '../format/numberFormat';
import type { ChartPalette } from './chartPalette';
import { formatDay, formatLongDay } from './statsFormat';
import { CHART_HEIGHT, INITIAL_SIZE, tooltipStyles } from './chartLayout';

export function FollowerGrowthChart({ points, palette }: { points: StatsPoint[]; palette: ChartPalette }) {
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? `Followers went from ${formatGrouped(first.value)} on ${formatLongDay(first.date)} to ${formatGrouped(last.value)} on ${formatLongDay(last.date)}.`
      : 'No follower history yet.';
  return (
    <figure className="stats-card stats-wide" aria-labelledby="stats-growth-title" data-testid="stats-growth">
      <figcaption id="stats-growth-title" className="stats-card-title">
        Follower growth
      </figcaption>
      <p className="stats-summary">{summary}</p>
      {points.length > 0 ? (
        <div className="stats-chart" role="img" aria-label={summary}>
          <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_SIZE}>
            <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <defs>
                <linearGradient id="stats-growth-fill" x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor={palette.accent} stopOpacity={0.35} />
                  <stop offset="100%" stopColor={palette.accent} stopOpacity={0.02} />
                </linearGradient>
              </defs>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis dataKey="date" tickFormatter={formatDay} stroke={palette.muted} tick={{ fill: palette.muted, fontSize: 12 }} minTickGap={24} />
              <YAxis tickFormatter={formatCompact} stroke={palette.muted} tick={{ fill: palette.muted, fontSize: 12 }} width={48} allowDecimals={false} />
              <Tooltip
                {...tooltipStyles(palette)}
                labelFormatter={(label) => formatLongDay(String(label))}
                formatter={(value) => [formatGrouped(Number(value)), 'Followers']}
              />
              <Area type="monotone" dataKey="value" name="Followers" stroke={palette.accent} strokeWidth={2} fill="url(#stats-growth-fill)" isAnimationActive={false} />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      ) : null}
    </figure>
  );
}
