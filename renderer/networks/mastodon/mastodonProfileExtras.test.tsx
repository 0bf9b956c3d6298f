// What Mastodon adds to a profile, reached through the registry the way the generic profile does:
// the cached banner, the profile fields with their verified mark, custom emoji in the name and in
// field values. The generic header shows none of it for a network without these parts.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { PersonProfile } from '../../../shared/domain';
import { ProfileHeader } from '../../profile/ProfileHeader';
import { uiOf } from '../registry';

afterEach(cleanup);

function profileOn(network: PersonProfile['network']): PersonProfile {
  return {
    personId: 7,
    network,
    remoteId: 'remote-7',
    handle: 'ada@example.social',
    displayName: 'Ada :blobcat:',
    avatarUrl: null,
    followersCount: 10,
    followingCount: 5,
    bioSnippet: '',
    bio: '',
    stage: 'new',
    followsMe: true,
    iFollow: false,
    followedMeAt: '2026-01-01T00:00:00Z',
    stageChangedAt: '2026-01-01T00:00:00Z',
    postsCount: 0,
    joinedAt: null,
    profileUrl: null,
    fetchedAt: '2026-01-01T00:00:00Z',
    recentPosts: [],
    bannerUrl: 'media/banners/7.jpg',
    fields: [
      { name: 'Site :blobcat:', valueHtml: '<a href="https://ada.example">ada.example</a>', verifiedAt: '2026-01-01T00:00:00Z' },
      { name: 'Pronouns', valueHtml: 'she/her', verifiedAt: null },
    ],
    emojis: [{ shortcode: 'blobcat', url: 'media/emoji/blobcat.png' }],
  };
}

function renderProfile(profile: PersonProfile) {
  const { ProfileExtras } = uiOf(profile.network);
  return render(
    <>
      <ProfileHeader profile={profile} />
      {ProfileExtras ? <ProfileExtras profile={profile} /> : null}
    </>,
  );
}

describe('Mastodon profile extras', () => {
  it('shows the banner, the fields with their verified mark, and custom emoji as cached images', () => {
    const { container } = renderProfile(profileOn('mastodon'));
    expect(container.querySelector('img.profile-banner')?.getAttribute('src')).toBe('media/banners/7.jpg');
    const terms = [...container.querySelectorAll('.profile-fields dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(['Site ', 'Pronouns']);
    expect(container.querySelectorAll('.field-verified')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'ada.example' }).getAttribute('href')).toBe('https://ada.example/');
    const emoji = [...container.querySelectorAll('img.custom-emoji')].map((img) => img.getAttribute('src'));
    expect(emoji).toEqual(['media/emoji/blobcat.png', 'media/emoji/blobcat.png']);
  });

  it('is not shown on a network without banners, fields or custom emoji', () => {
    const { container } = renderProfile(profileOn('sample'));
    expect(container.querySelector('img.profile-banner')).toBeNull();
    expect(container.querySelector('.profile-banner-empty')).toBeTruthy();
    expect(container.querySelector('.profile-fields')).toBeNull();
    expect(container.querySelector('img.custom-emoji')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ada :blobcat:');
  });
});
