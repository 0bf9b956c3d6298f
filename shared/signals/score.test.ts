import { describe, expect, it } from 'vitest';
import { explainScore, scoreSignals, SIGNAL_WEIGHTS } from './score';
import { SIGNAL_IDS, SIGNAL_TONES, type Signal } from './types';

const chip = (id: Signal['id'], label: string = id): Signal => ({ id, tone: SIGNAL_TONES[id], label, detail: '' });

describe('SIGNAL_WEIGHTS', () => {
  it.each(SIGNAL_IDS)('%s weighs in the direction of its tone', (id) => {
    const weight = SIGNAL_WEIGHTS[id];
    const tone = SIGNAL_TONES[id];
    if (tone === 'caution') expect(weight).toBeLessThan(0);
    if (tone === 'positive') expect(weight).toBeGreaterThan(0);
    if (tone === 'neutral') expect(weight).toBe(0);
  });
});

describe('scoreSignals', () => {
  it('is 0 without signals', () => {
    expect(scoreSignals([])).toBe(0);
  });

  it('adds the weights of the chips', () => {
    expect(scoreSignals([chip('follow-bait'), chip('active'), chip('default-avatar')])).toBe(-30 + 20 - 10);
  });

  it('counts a signal once even if it appears twice', () => {
    expect(scoreSignals([chip('churn'), chip('churn')])).toBe(-30);
  });

  it('spans the documented range', () => {
    // "no-posts" and "inactive" never occur together.
    const cautions = SIGNAL_IDS.filter((id) => SIGNAL_TONES[id] === 'caution' && id !== 'inactive').map((id) => chip(id));
    const positives = SIGNAL_IDS.filter((id) => SIGNAL_TONES[id] === 'positive').map((id) => chip(id));
    expect(scoreSignals(cautions)).toBe(-145);
    expect(scoreSignals(positives)).toBe(70);
  });
});

describe('explainScore', () => {
  it('lists each chip with its points, in the given order', () => {
    expect(explainScore([chip('mass-following', 'Mass-following'), chip('established', 'Established · 9 years')])).toEqual([
      { id: 'mass-following', label: 'Mass-following', weight: -25 },
      { id: 'established', label: 'Established · 9 years', weight: 15 },
    ]);
  });
});
