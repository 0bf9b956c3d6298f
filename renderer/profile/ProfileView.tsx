// Everything needed to decide about one person, from the local cache: who they are, their
// numbers, signals, their latest interactions with me, bio and posts, shared connections, my
// notes and tags, their history with me, and what I can do (write, snooze, forget). Used by the
// profile drawer and by Review mode.
import { useEffect, useId, useState } from 'react';
import type { PersonCard, PersonProfile } from '../../shared/domain';
import type { TimelineEntry } from '../../shared/triageTypes';
import type { PersonInteractions } from '../../shared/interactions';
import { call, toRapportError } from '../api/rapportClient';
import { ProfileActions } from '../compose/ProfileActions';
import { RemoteHtml } from '../safeHtml/RemoteHtml';
import { customEmojiOf, uiOf } from '../networks/registry';
import { SignalChips } from '../signals/SignalChips';
import { requestRefresh } from '../stores/boardSession';
import { ForgetPersonButton } from './ForgetPersonButton';
import { LatestInteractions } from './LatestInteractions';
import { NoteEditor } from './NoteEditor';
import { PersonTimeline } from './PersonTimeline';
import { ProfileHeader } from './ProfileHeader';
import { ProfileNumbers } from './ProfileNumbers';
import { RecentPosts } from './RecentPosts';
import { SharedConnections } from './SharedConnections';
import { SnoozeMenu } from './SnoozeMenu';
import { TagEditor } from './TagEditor';
import { signalsForProfile } from './profileSignals';

interface ProfileViewProps {
  profile: PersonProfile;
  accountId: number;
  /** The profile changed here (note, tags, snooze ended): the owner keeps its copy current. */
  onChange(profile: PersonProfile): void;
  /** The person left the board (snoozed or forgotten): the drawer closes, Review moves on. */
  onLeave(): void;
  /** Their history, when the owner fetched it ahead (Review): shown at once, read again after. */
  initialTimeline?: TimelineEntry[] | null;
  /** Their latest interactions, when the owner fetched them ahead (Review): shown at once, read again after. */
  initialInteractions?: PersonInteractions | null;
  /** Recent posts right after the bio (Review: above the fold on a small window). */
  postsFirst?: boolean;
}

export function ProfileView({ profile, accountId, onChange, onLeave, initialTimeline = null, initialInteractions = null, postsFirst = false }: ProfileViewProps) {
  const [now] = useState(() => new Date());
  const [timeline, setTimeline] = useState<{ entries: TimelineEntry[] | null; error: string | null }>({ entries: initialTimeline, error: null });
  const [timelineSeq, setTimelineSeq] = useState(0);
  const sectionId = useId();
  const { personId } = profile;

  useEffect(() => {
    let live = true;
    call('getTimeline', { accountId, personId }).then(
      (entries) => {
        if (live) setTimeline({ entries, error: null });
      },
      (error: unknown) => {
        if (live) setTimeline({ entries: null, error: toRapportError(error).message });
      },
    );
    return () => {
      live = false;
    };
  }, [accountId, personId, timelineSeq]);

  const changed = (patch: Partial<PersonProfile>) => {
    onChange({ ...profile, ...patch });
    setTimelineSeq((n) => n + 1);
  };
  const snoozed = (card: PersonCard) => {
    requestRefresh([personId]);
    if (card.snoozedUntil) onLeave();
    else changed({ snoozedUntil: card.snoozedUntil ?? null, snoozeEndedAt: card.snoozeEndedAt ?? null });
  };

  const signals = signalsForProfile(profile, timeline.entries, now);
  const { ProfileExtras } = uiOf(profile.network);
  return (
    <div className="profile">
      <ProfileHeader profile={profile} />

      <div className="drawer-bio" data-testid="drawer-bio">
        {profile.bio || profile.bioHtml ? <RemoteHtml html={profile.bioHtml} text={profile.bio} emojis={customEmojiOf(profile)} /> : <span className="muted">No bio.</span>}
      </div>

      {postsFirst ? <RecentPosts profile={profile} /> : null}

      {ProfileExtras ? <ProfileExtras profile={profile} /> : null}

      <section className="profile-section" aria-labelledby={`${sectionId}-signals`}>
        <h3 id={`${sectionId}-signals`} className="profile-section-title">
          Signals
        </h3>
        <SignalChips signals={signals} />
      </section>

      <LatestInteractions key={`interactions-${personId}`} profile={profile} accountId={accountId} initial={initialInteractions} />

      <ProfileNumbers profile={profile} now={now} />
      <SharedConnections profile={profile} />
      {postsFirst ? null : <RecentPosts profile={profile} />}

      <NoteEditor key={`note-${personId}`} accountId={accountId} personId={personId} initial={profile.note ?? ''} onSaved={(note) => changed({ note })} />
      <TagEditor accountId={accountId} personId={personId} tags={profile.tags ?? []} onSaved={(tags) => changed({ tags })} />
      <ProfileActions profile={profile} accountId={accountId} />

      <div className="profile-tools">
        <SnoozeMenu accountId={accountId} personId={personId} displayName={profile.displayName} snoozedUntil={profile.snoozedUntil ?? null} onSnoozed={snoozed} />
        <ForgetPersonButton accountId={accountId} personId={personId} displayName={profile.displayName} stage={profile.stage} onForgotten={onLeave} />
      </div>

      <PersonTimeline entries={timeline.entries} error={timeline.error} />
    </div>
  );
}
