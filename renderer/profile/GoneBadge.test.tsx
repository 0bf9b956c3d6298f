import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { GoneReason } from '../../shared/domain';
import { CardStatus } from '../actions/CardStatus';
import { closeAllCoreApis } from '../../test/renderer/coreApi';
import { cardFromCore } from '../../test/renderer/coreCards';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { GoneBadge } from './GoneBadge';

afterEach(async () => {
  cleanup();
  delete window.rapport;
  await closeAllCoreApis();
});

const GONE_AT = '2026-01-02T00:00:00.000Z';

describe('an account that went away, on the card and in the drawer', () => {
  it('says the reason the network gave, never "unfollowed you"', async () => {
    const api = await coreWithPeople([1]);
    for (const [goneReason, text] of [
      ['deactivated', 'Deactivated'],
      ['deleted', 'Deleted'],
      ['suspended', 'Suspended'],
      ['takendown', 'Taken down'],
    ] as const satisfies [GoneReason, string][]) {
      // As a full sync leaves a follower the network reports gone: no longer following, gone with a reason.
      withCoreDatabase(api, (db) => {
        db.prepare('UPDATE people SET gone_at = ?, gone_reason = ? WHERE id = 1').run(GONE_AT, goneReason);
        db.prepare('UPDATE relationships SET follows_me = 0 WHERE person_id = 1').run();
      });
      const card = await cardFromCore(api, 1);
      expect(card).toMatchObject({ followsMe: false, goneAt: GONE_AT, goneReason });
      renderWithApi(api, <CardStatus card={card} accountId={1} />);
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
