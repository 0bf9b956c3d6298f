// New followers against unfollows, week by week.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeeklyFlow } from '../../shared/triageTypes';
import { formatCompact, formatGrouped } from '../format/numberFormat';
import type { ChartPalette } from './chartPalette';
import { formatDay, formatWeek } from './statsFormat';
import { CHART_HEIGHT, INITIAL_SIZE, tooltipStyles } from './chartLayout';

export function WeeklyFlowChart({ weeks, palette }: { weeks: WeeklyFlow[]; palette: ChartPalette }) {
  const gained = weeks.reduce((sum, w) => sum + w.newFollowers, 0);
  const lost = weeks.reduce((sum, w) => sum + w.unfollows, 0);
  const summary = `${formatGrouped(gained)} new followers and ${formatGrouped(lost)} unfollows over ${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'}.`;
  return (
    <figure className="stats-card" aria-labelledby="stats-weekly-title" data-testid="stats-weekly">
      <figcaption id="stats-weekly-title" className="stats-card-title">
        New followers and unfollows per week
      </figcaption>
      <p className="stats-summary">{summary}</p>
      {weeks.length > 0 ? (
        <div className="stats-chart" role="img" aria-label={summary}>
          <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_SIZE}>
            <BarChart data={weeks} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis dataKey="weekStart" tickFormatter={formatDay} stroke={palette.muted} tick={{ fill: palette.muted, fontSize: 12 }} minTickGap={16} />
              <YAxis tickFormatter={formatCompact} stroke={palette.muted} tick={{ fill: palette.muted, fontSize: 12 }} width={48} allowDecimals={false} />
              <Tooltip
                {...tooltipStyles(palette)}
                labelFormatter={(label) => formatWeek(String(label))}
                formatter={(value, name) => [formatGrouped(Number(value)), name]}
              />
              <Legend wrapperStyle={{ color: palette.text, fontSize: 12 }} />
              <Bar dataKey="newFollowers" name="New followers" fill={palette.stageConnected} radius={[4, 4, 0, 0]} isAnimationActive={false} />
              <Bar dataKey="unfollows" name="Unfollows" fill={palette.danger} radius={[4, 4, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
    </figure>
  );
}
