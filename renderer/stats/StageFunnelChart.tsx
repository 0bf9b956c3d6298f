// Followers in each stage now: how far triage got.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STAGES, STAGE_LABELS, type Stage, type StageCounts } from '../../shared/domain';
import { formatCompact, formatGrouped } from '../format/numberFormat';
import type { ChartPalette } from './chartPalette';
import { CHART_HEIGHT, INITIAL_SIZE, tooltipStyles } from './chartLayout';

function stageColor(stage: Stage, palette: ChartPalette): string {
  switch (stage) {
    case 'new':
      return palette.stageNew;
    case 'evaluated':
      return palette.stageEvaluated;
    case 'connected':
      return palette.stageConnected;
    case 'declined':
      return palette.stageDeclined;
  }
}

export function StageFunnelChart({ funnel, palette }: { funnel: StageCounts; palette: ChartPalette }) {
  const data = STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], count: funnel[stage] }));
  const summary = data.map((d) => `${d.label} ${formatGrouped(d.count)}`).join(', ');
  return (
    <figure className="stats-card" aria-labelledby="stats-funnel-title" data-testid="stats-funnel">
      <figcaption id="stats-funnel-title" className="stats-card-title">
        Stage funnel
      </figcaption>
      <p className="stats-summary">{summary}</p>
      <div className="stats-chart" role="img" aria-label={`Followers per stage: ${summary}`}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_SIZE}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 48, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={palette.grid} horizontal={false} />
            <XAxis type="number" tickFormatter={formatCompact} stroke={palette.muted} tick={{ fill: palette.muted, fontSize: 12 }} allowDecimals={false} />
            <YAxis type="category" dataKey="label" stroke={palette.muted} tick={{ fill: palette.text, fontSize: 12 }} width={80} />
            <Tooltip {...tooltipStyles(palette)} formatter={(value) => [formatGrouped(Number(value)), 'Followers']} />
            <Bar dataKey="count" name="Followers" radius={[0, 4, 4, 0]} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.stage} fill={stageColor(d.stage, palette)} />
              ))}
              <LabelList dataKey="count" position="right" fill={palette.text} fontSize={12} formatter={(value) => formatGrouped(Number(value))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
