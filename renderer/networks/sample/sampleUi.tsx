// The sample network in the window: no sign-in form (the welcome button creates the account at
// once), a wording that says these people are invented, and follows and messages that go through
// the outbox but reach no one (said beside the composer and the budget).
import { Sparkles } from 'lucide-react';
import { sampleContract } from '../../../shared/api/networks/sample';
import { rapportClient } from '../../api/rapportClient';
import type { NetworkUi } from '../networkUi';

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
  simulatedNote:
    'Sample: nothing is sent. Follows and messages go through the outbox and the daily budget as they would on a real network, and reach no one.',
};
