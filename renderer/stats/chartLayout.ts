// Sizes and tooltip styling shared by the stats charts.
import type { CSSProperties } from 'react';
import type { ChartPalette } from './chartPalette';

export const CHART_HEIGHT = 240;
/** The size charts assume before the first measurement (and in tests, which have no layout). */
export const INITIAL_SIZE = { width: 640, height: CHART_HEIGHT };

export function tooltipStyles(palette: ChartPalette): { contentStyle: CSSProperties; labelStyle: CSSProperties; itemStyle: CSSProperties; cursor: { fill: string } } {
  return {
    contentStyle: { background: palette.surface, border: `1px solid ${palette.grid}`, borderRadius: 6, color: palette.text },
    labelStyle: { color: palette.text, fontWeight: 600 },
    itemStyle: { color: palette.text },
    cursor: { fill: palette.grid },
  };
}
