// Bluesky in the window: signs in here with a handle and an app password.
import { AtSign } from 'lucide-react';
import { blueskyContract } from '../../../shared/api/networks/bluesky';
import type { NetworkUi } from '../networkUi';
import { BlueskySignInForm } from './BlueskySignInForm';

export const blueskyUi: NetworkUi = {
  id: blueskyContract.id,
  label: blueskyContract.label,
  SignInForm: BlueskySignInForm,
  welcome: { label: 'Add Bluesky account', order: 10, icon: AtSign },
};
