// GitHub in the window: token sign-in, the profile details GitHub has, and no messages (the
// profile offers to copy a note and open their email or profile instead).
import { GitFork } from 'lucide-react';
import { githubContract } from '../../../shared/api/networks/github';
import { RemoteName } from '../../safeHtml/RemoteName';
import type { NetworkUi } from '../networkUi';
import { GithubProfileExtras } from './GithubProfileExtras';
import { GithubSignInForm } from './GithubSignInForm';

function GithubNoMessagesNote({ name }: { name: string }) {
  return (
    <>
      GitHub has no messages. To write to <RemoteName name={name} />, use “Copy and open” under their details: Rapport copies
      your text and opens their email or GitHub profile.
    </>
  );
}

export const githubUi: NetworkUi = {
  id: githubContract.id,
  label: githubContract.label,
  SignInForm: GithubSignInForm,
  welcome: { label: 'Add GitHub account', order: 25, icon: GitFork },
  NoMessagesNote: GithubNoMessagesNote,
  ProfileExtras: GithubProfileExtras,
};
