// What the user can do with one person from their profile: write a message (where the network
// has messages), and see what was sent or done through Rapport, with retry and cancel.
import { useEffect } from 'react';
import type { PersonProfile } from '../../shared/domain';
import { NETWORK_ACTIONS } from '../../shared/networkActions';
import { uiOf } from '../networks/registry';
import { personKey, useActionsStore } from '../stores/actionsStore';
import { ActionHistory } from './ActionHistory';
import { Composer } from './Composer';
import { RemoteName } from '../safeHtml/RemoteHtml';

const NO_ACTIONS: never[] = [];

export function ProfileActions({ profile, accountId }: { profile: PersonProfile; accountId: number }) {
  const { personId } = profile;
  const actions = useActionsStore((s) => s.byPerson[personKey(accountId, personId)] ?? NO_ACTIONS);
  const canDm = NETWORK_ACTIONS[profile.network].canDm;
  const name = profile.displayName || profile.handle;
  const { label, NoMessagesNote, simulatedNote } = uiOf(profile.network);

  useEffect(() => {
    void useActionsStore.getState().loadForPerson(accountId, personId);
  }, [accountId, personId]);

  return (
    <div className="profile-actions">
      {simulatedNote ? (
        <p className="simulated-note" data-testid="simulated-note">
          {simulatedNote}
        </p>
      ) : null}
      {canDm ? (
        <Composer key={personId} profile={profile} accountId={accountId} />
      ) : NoMessagesNote ? (
        <div className="composer-unavailable" data-testid="composer-unavailable">
          <NoMessagesNote name={name} profile={profile} accountId={accountId} />
        </div>
      ) : (
        <p className="composer-unavailable" data-testid="composer-unavailable">
          Rapport cannot send messages on {label}, so there is nothing to write to <RemoteName name={name} /> from here.
        </p>
      )}
      <ActionHistory accountId={accountId} displayName={name} actions={actions} />
    </div>
  );
}
