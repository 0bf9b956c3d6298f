// GitHub in the window: token sign-in, the profile details GitHub has, and no messages (where the
// composer would be, it offers to copy a note and open their email or profile instead).
import { GitFork } from 'lucide-react';
import { githubContract } from '../../../shared/api/networks/github';
import { RemoteName } from '../../safeHtml/RemoteName';
import type { NetworkUi, NoMessagesProps } from '../networkUi';
import { GithubProfileExtras } from './GithubProfileExtras';
import { GithubSignInForm } from './GithubSignInForm';
import { GithubWriteElsewhere } from './GithubWriteElsewhere';

function GithubNoMessagesNote({ name, profile }: NoMessagesProps) {
  return (
    <>
      <p className="composer-unavailable-note">
        GitHub has no messages. To write to <RemoteName name={name} />, Rapport copies your text and opens their email or GitHub
        profile.
      </p>
      <GithubWriteElsewhere profile={profile} />
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
