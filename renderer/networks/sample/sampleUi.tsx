// The sample network in the window: no sign-in form (the welcome button creates the account at
// once), no messages, and a wording that says these people are invented.
import { Sparkles } from 'lucide-react';
import { sampleContract } from '../../../shared/api/networks/sample';
import { rapportClient } from '../../api/rapportClient';
import { RemoteName } from '../../safeHtml/RemoteName';
import type { NetworkUi } from '../networkUi';

function SampleNoMessagesNote({ name }: { name: string }) {
  return (
    <>
      Sample people cannot receive messages. On Bluesky or Mastodon this is where you would write to <RemoteName name={name} />.
    </>
  );
}

export const sampleUi: NetworkUi = {
  id: sampleContract.id,
  label: sampleContract.label,
  siteName: 'the sample network',
  signInWithoutForm: () => rapportClient.signInAtOnce({ network: 'sample' }),
  welcome: {
    label: 'Explore with sample data',
    order: 30,
    icon: Sparkles,
    note: 'Sample data invents followers to try the board with; nothing is sent anywhere.',
    busyNote: 'Creating the sample account…',
  },
  removal: { buttonLabel: 'Remove sample account', question: 'Remove the sample account?' },
  NoMessagesNote: SampleNoMessagesNote,
};
