// Mastodon in the window: sign-in on the server's own page, and the parts of a profile only
// Mastodon has (banner, profile fields, custom emoji).
import { AtSign } from 'lucide-react';
import { mastodonContract } from '../../../shared/api/networks/mastodon';
import type { NetworkUi } from '../networkUi';
import { MastodonProfileFields } from './MastodonProfileFields';
import { MastodonSignInForm } from './MastodonSignInForm';

export const mastodonUi: NetworkUi = {
  id: mastodonContract.id,
  label: mastodonContract.label,
  SignInForm: MastodonSignInForm,
  welcome: { label: 'Add Mastodon account', order: 20, icon: AtSign },
  bannerOf: (profile) => profile.bannerUrl ?? null,
  customEmojiOf: (profile) => profile.emojis,
  ProfileExtras: MastodonProfileFields,
};
