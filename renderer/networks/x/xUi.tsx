// X in the window: accounts come from an archive import (or the person's own developer app), and
// nothing is sent to X by Rapport:
// follows and messages open on X's own pages (the composer's button and the card say so).
import { Archive } from 'lucide-react';
import { xContract } from '../../../shared/api/networks/x';
import type { NetworkUi } from '../networkUi';
import { XSignInForm } from './XSignInForm';

export const xUi: NetworkUi = {
  id: xContract.id,
  label: xContract.label,
  siteName: 'X',
  SignInForm: XSignInForm,
  welcome: { label: 'Import your X archive', order: 27, icon: Archive },
};
