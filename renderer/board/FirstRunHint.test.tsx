import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useViewStore } from '../stores/viewStore';
import { FirstRunHint } from './FirstRunHint';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  useViewStore.getState().setView('board');
});

describe('FirstRunHint', () => {
  it('points at Review and the triage keys, and opens Review from its link', () => {
    render(<FirstRunHint />);
    const hint = screen.getByTestId('first-run-hint');
    expect(hint.textContent).toContain('j next, e Evaluated, c Connected, d Declined');
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(useViewStore.getState().view).toBe('review');
  });

  it('stays away once dismissed', () => {
    render(<FirstRunHint />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss tip' }));
    expect(screen.queryByTestId('first-run-hint')).toBeNull();
    cleanup();
    render(<FirstRunHint />);
    expect(screen.queryByTestId('first-run-hint')).toBeNull();
  });
});
