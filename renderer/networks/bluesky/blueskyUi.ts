// Bluesky in the window: signs in here with a handle and an app password.
import { AtSign } from 'lucide-react';
import type { NetworkUi } from '../networkUi';
import { BlueskySignInForm } from './BlueskySignInForm';

export const blueskyUi: NetworkUi = {
  id: 'bluesky',
  label: 'Bluesky',
  SignInForm: BlueskySignInForm,
  welcome: { label: 'Add Bluesky account', order: 10, icon: AtSign },
};
