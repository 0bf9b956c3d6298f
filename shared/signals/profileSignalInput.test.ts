import { describe, expect, it } from 'vitest';
import type { PersonProfile } from '../domain';
import { computeSignals } from './computeSignals';
import { signalInputFromProfile } from './profileSignalInput';

const NOW = new Date('2026-11-25T12:00:00Z');

const profile: PersonProfile = {
  personId: 7,
  handle: 'ada.example',
  displayName: 'Ada Lovelace',
  avatarUrl: 'media/avatars/ab/ab12.svg',
  followersCount: 290,
  followingCount: 310,
  bioSnippet: 'Engines',
  stage: 'new',
  followsMe: true,
  iFollow: false,
  followedMeAt: '2026-11-20T00:00:00Z',
  stageChangedAt: '2026-11-20T00:00:00Z',
  network: 'sample',
  remoteId: 'r7',
  bio: 'Analytical engines. I follow backend news.',
  postsCount: 1_200,
  joinedAt: '2016-05-01T00:00:00Z',
  profileUrl: null,
  fetchedAt: '2026-11-25T00:00:00Z',
  recentPosts: [
    { id: 1, remoteId: 'p1', text: 'a', createdAt: '2026-11-24T10:00:00Z', isReply: false, isRepost: false },
    { id: 2, remoteId: 'p2', text: 'b', createdAt: '2026-11-18T10:00:00Z', isReply: true, isRepost: false },
    { id: 3, remoteId: 'p3', text: 'c', createdAt: '2026-11-10T10:00:00Z', isReply: false, isRepost: true },
    { id: 4, remoteId: 'p4', text: 'd', createdAt: '2026-11-02T10:00:00Z', isReply: false, isRepost: false },
    { id: 5, remoteId: 'p5', text: 'e', createdAt: '2026-09-01T10:00:00Z', isReply: false, isRepost: false },
  ],
};

describe('signalInputFromProfile', () => {
  it('derives the last post and recent activity from the cached posts', () => {
    const input = signalInputFromProfile(profile, { avatar: 'custom', events: [], now: NOW });
    expect(input.lastPostAt).toBe('2026-11-24T10:00:00Z');
    expect(input.recentActivity).toEqual({ weeks: 4, posts: 4 });
    expect(computeSignals(input, NOW).map((s) => s.label)).toEqual([
      'Active · 1 post a week',
      'Balanced follow ratio',
      'Established · 10 years',
    ]);
  });

  it('claims no activity when no posts were fetched', () => {
    const input = signalInputFromProfile({ ...profile, recentPosts: [] }, { avatar: 'unknown', events: [], now: NOW });
    expect(input.lastPostAt).toBeNull();
    expect(input.recentActivity).toBeNull();
  });
});
