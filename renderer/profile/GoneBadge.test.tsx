import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { PersonCard } from '../../shared/domain';
import { CardStatus } from '../actions/CardStatus';
import { InMemoryRapportApi, makePeople, sampleAccount } from '../testing/inMemoryRapportApi';
import { renderWithApi } from '../testing/renderWithApi';
import { GoneBadge } from './GoneBadge';

afterEach(() => {
  cleanup();
  delete window.rapport;
});

function person(overrides: Partial<PersonCard>): PersonCard {
  const base = makePeople(1)[0];
  if (!base) throw new Error('no person');
  return { ...base, displayName: 'Ada', followsMe: false, ...overrides };
}

const GONE_AT = '2026-01-02T00:00:00Z';

describe('an account that went away, on the card and in the drawer', () => {
  it('says the reason the network gave, never "unfollowed you"', () => {
    for (const [goneReason, text] of [
      ['deactivated', 'Deactivated'],
      ['deleted', 'Deleted'],
      ['suspended', 'Suspended'],
      ['takendown', 'Taken down'],
    ] as const) {
      renderWithApi(new InMemoryRapportApi({ accounts: [sampleAccount()] }), <CardStatus card={person({ goneAt: GONE_AT, goneReason })} accountId={1} />);
      const pill = screen.getByTestId('card-status');
      expect(pill.getAttribute('data-status')).toBe('gone');
      expect(pill.textContent).toBe(text);
      cleanup();
      render(<GoneBadge person={{ goneAt: GONE_AT, goneReason }} />);
      expect(screen.getByTestId('gone-badge').textContent).toBe(text);
      cleanup();
    }
  });

  it('shows where a moved account went, isolated as remote text', () => {
    render(<GoneBadge person={{ goneAt: GONE_AT, goneReason: 'moved', movedTo: 'ada@new.example' }} />);
    const badge = screen.getByTestId('gone-badge');
    expect(badge.textContent).toBe('Moved to @ada@new.example');
    expect(badge.querySelector('bdi')?.textContent).toBe('@ada@new.example');
    expect(badge.getAttribute('title')).toContain('Not an unfollow');
  });

  it('shows nothing in the drawer for an account that is there', () => {
    render(<GoneBadge person={{ goneAt: null }} />);
    expect(screen.queryByTestId('gone-badge')).toBeNull();
  });
});
