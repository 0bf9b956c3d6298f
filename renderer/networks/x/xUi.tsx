// X in the window: accounts come from an archive import, and nothing is sent to X by Rapport.
import { Archive } from 'lucide-react';
import { xContract } from '../../../shared/api/networks/x';
import { RemoteName } from '../../safeHtml/RemoteHtml';
import type { NetworkUi } from '../networkUi';
import { XArchiveSignInForm } from './XArchiveSignInForm';

function XNoMessagesNote({ name }: { name: string }) {
  return (
    <>
      Rapport does not send messages on X. To write to <RemoteName name={name} />, open their profile on X and message them there.
    </>
  );
}

export const xUi: NetworkUi = {
  id: xContract.id,
  label: xContract.label,
  siteName: 'X',
  SignInForm: XArchiveSignInForm,
  welcome: { label: 'Import your X archive', order: 27, icon: Archive },
  NoMessagesNote: XNoMessagesNote,
};
