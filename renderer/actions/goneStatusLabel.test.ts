import { describe, expect, it } from 'vitest';
import { goneStatusText, goneStatusTitle, movedToHandle } from './goneStatusLabel';

describe('goneStatusLabel', () => {
  it('names each reason in a word or two, and old rows without one as "Account gone"', () => {
    expect(goneStatusText({ goneReason: 'deactivated' })).toBe('Deactivated');
    expect(goneStatusText({ goneReason: 'deleted' })).toBe('Deleted');
    expect(goneStatusText({ goneReason: 'suspended' })).toBe('Suspended');
    expect(goneStatusText({ goneReason: 'takendown' })).toBe('Taken down');
    expect(goneStatusText({ goneReason: 'moved' })).toBe('Moved');
    expect(goneStatusText({})).toBe('Account gone');
  });

  it('shows where a moved account went, with one @, and says it is not an unfollow', () => {
    expect(movedToHandle({ goneReason: 'moved', movedTo: 'ada@new.example' })).toBe('@ada@new.example');
    expect(movedToHandle({ goneReason: 'moved', movedTo: '@@ada@new.example' })).toBe('@ada@new.example');
    expect(movedToHandle({ goneReason: 'deleted', movedTo: 'ada@new.example' })).toBeNull();
    expect(goneStatusTitle({ goneReason: 'moved', movedTo: 'ada@new.example' })).toBe('They moved to another account. Now @ada@new.example. Not an unfollow.');
    expect(goneStatusTitle({ goneReason: 'deactivated' })).toContain('may come back');
  });
});
