import { describe, expect, it } from 'vitest';
import { timelineSentence } from './timelineSentence';

describe('timelineSentence for accounts that went away', () => {
  it('names the reason the network gave, and where a moved account went', () => {
    expect(timelineSentence('gone', { reason: 'deactivated' }, null)).toBe('Deactivated their account');
    expect(timelineSentence('gone', { reason: 'deleted' }, null)).toBe('Deleted their account');
    expect(timelineSentence('gone', { reason: 'suspended' }, null)).toBe('Account suspended');
    expect(timelineSentence('gone', { reason: 'takendown' }, null)).toBe('Account taken down by the network');
    expect(timelineSentence('gone', { reason: 'moved', movedTo: 'ada@new.example' }, null)).toBe('Moved to @ada@new.example');
    expect(timelineSentence('gone', { reason: 'moved' }, null)).toBe('Moved to another account');
  });

  it('still says something for rows written before reasons were kept', () => {
    expect(timelineSentence('gone', {}, null)).toBe('Account gone');
    expect(timelineSentence('came_back', {}, null)).toBe('Came back: their account is active again');
  });
});
