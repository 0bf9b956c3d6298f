// Chart colours from the theme's CSS variables. SVG attributes cannot read var(), so the values
// are read from the document and read again when the OS switches between light and dark.
import { useEffect, useState } from 'react';

export interface ChartPalette {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  danger: string;
  stageNew: string;
  stageEvaluated: string;
  stageConnected: string;
  stageDeclined: string;
}

/** Used where the document has no computed styles (tests in jsdom): the light theme's values. */
const FALLBACK: ChartPalette = {
  text: '#1c1c1a',
  muted: '#6b6b66',
  grid: '#e3e3df',
  surface: '#ffffff',
  accent: '#5b5bd6',
  danger: '#d13b3b',
  stageNew: '#3b82f6',
  stageEvaluated: '#d98a0b',
  stageConnected: '#16a34a',
  stageDeclined: '#8b8b85',
};

const VARIABLES: Record<keyof ChartPalette, string> = {
  text: '--text',
  muted: '--text-muted',
  grid: '--border',
  surface: '--surface',
  accent: '--accent',
  danger: '--danger',
  stageNew: '--stage-new',
  stageEvaluated: '--stage-evaluated',
  stageConnected: '--stage-connected',
  stageDeclined: '--stage-declined',
};

export function readPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const palette = { ...FALLBACK };
  for (const key of Object.keys(VARIABLES) as (keyof ChartPalette)[]) {
    const value = style.getPropertyValue(VARIABLES[key]).trim();
    if (value) palette[key] = value;
  }
  return palette;
}

export function useChartPalette(): ChartPalette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    if (!query) return undefined;
    const update = () => setPalette(readPalette());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return palette;
}
