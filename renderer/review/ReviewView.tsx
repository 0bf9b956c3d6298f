// Review mode: one new follower at a time with their full profile, one key per decision, the next
// few already fetched so the next person appears at once, and how many are left in New. Each person
// starts at the top; their name, signals and the decision bar stay on screen while the profile
// scrolls (Space / Page Down, see useTriageShortcuts).
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PersonCard, Stage } from '../../shared/domain';
import { formatGrouped } from '../format/numberFormat';
import { Avatar } from '../people/Avatar';
import { formatHandle } from '../people/personIdentity';
import { ProfileView } from '../profile/ProfileView';
import { RemoteName, RemoteText } from '../safeHtml/RemoteHtml';
import { SignalChips } from '../signals/SignalChips';
import { useBoardStore } from '../stores/boardStore';
import { PRELOAD, decideCurrent, dropFromReview, openReview, reviewSkippedAgain, skipCurrent, undoInReview, updateReviewProfile, useReviewStore } from './reviewStore';

const DECISIONS: { stage: Stage; label: string; key: string }[] = [
  { stage: 'evaluated', label: 'Evaluated', key: 'e' },
  { stage: 'connected', label: 'Connected', key: 'c' },
  { stage: 'declined', label: 'Declined', key: 'd' },
];

export function ReviewView({ accountId }: { accountId: number }) {
  const sort = useBoardStore((s) => s.sort);
  useEffect(() => {
    openReview(accountId, sort);
  }, [accountId, sort]);

  const queue = useReviewStore((s) => s.queue);
  const loaded = useReviewStore((s) => s.loaded);
  const error = useReviewStore((s) => s.error);
  const skippedCount = useReviewStore((s) => s.skippedCount);
  const remaining = useBoardStore((s) => (s.accountId === accountId ? (s.counts?.new ?? null) : null));
  const current = queue[0];
  const layout = useRef<HTMLDivElement | null>(null);
  const currentId = current?.personId ?? null;
  // A new person starts at the top, whatever the last one was scrolled to.
  useLayoutEffect(() => {
    if (layout.current) layout.current.scrollTop = 0;
  }, [currentId]);

  return (
    <main className="review" data-testid="review" aria-label="Review">
      <header className="review-bar">
        <h1 className="review-title">Review</h1>
        <p className="review-count">
          <span data-testid="review-remaining">{remaining === null ? '–' : formatGrouped(remaining)}</span> left in New
          {skippedCount > 0 ? <span className="muted"> · {formatGrouped(skippedCount)} skipped</span> : null}
        </p>
        <p className="review-hint muted">
          <kbd>e</kbd> <kbd>c</kbd> <kbd>d</kbd> decide · <kbd>s</kbd> skip · <kbd>u</kbd> undo · <kbd>?</kbd> all keys
        </p>
      </header>
      {error ? (
        <p className="review-message" role="alert">
          {error}
        </p>
      ) : !loaded ? (
        <p className="review-message" aria-busy="true">
          Loading new followers…
        </p>
      ) : current ? (
        <div ref={layout} className="review-layout" data-testid="review-scroll">
          <ReviewedPerson accountId={accountId} card={current} />
          <UpNext cards={queue.slice(1, PRELOAD)} />
        </div>
      ) : skippedCount > 0 ? (
        <div className="review-empty">
          <h2>Only skipped people are left</h2>
          <p className="muted">You skipped {formatGrouped(skippedCount)} this session. They are still in New.</p>
          <button type="button" className="button" onClick={reviewSkippedAgain}>
            Review skipped people
          </button>
        </div>
      ) : (
        <div className="review-empty" role="status">
          <h2>All caught up</h2>
          <p className="muted">Nobody new is waiting. New followers appear here after a sync.</p>
        </div>
      )}
    </main>
  );
}

function ReviewedPerson({ accountId, card }: { accountId: number; card: PersonCard }) {
  const profile = useReviewStore((s) => s.profiles[card.personId] ?? null);
  const timeline = useReviewStore((s) => s.timelines[card.personId] ?? null);
  const interactions = useReviewStore((s) => s.interactions[card.personId] ?? null);
  const profileError = useReviewStore((s) => s.profileErrors[card.personId] ?? null);
  const signals = profile?.signals ?? card.signals ?? [];
  return (
    <section className="review-person" aria-label={`Reviewing ${card.displayName}`} data-person-id={card.personId}>
      <div className="review-sticky" data-testid="review-sticky">
        <div className="review-sticky-who">
          <Avatar avatarUrl={card.avatarUrl} displayName={card.displayName} handle={card.handle} size={32} />
          <div className="review-sticky-names">
            <RemoteName name={card.displayName} className="review-sticky-name" />
            <RemoteText text={formatHandle(card.handle)} className="card-handle" />
          </div>
          <SignalChips signals={signals} engagement={card.engagement} />
        </div>
        <div className="review-decisions" role="group" aria-label="Decision">
          {DECISIONS.map((decision) => (
            <button key={decision.stage} type="button" className={`button review-decide stage-${decision.stage}`} onClick={() => void decideCurrent(decision.stage)}>
              {decision.label} <kbd aria-hidden="true">{decision.key}</kbd>
            </button>
          ))}
          <button type="button" className="button button-quiet" onClick={skipCurrent}>
            Skip <kbd aria-hidden="true">s</kbd>
          </button>
          <button type="button" className="button button-quiet" onClick={() => void undoInReview()}>
            Undo <kbd aria-hidden="true">u</kbd>
          </button>
        </div>
      </div>
      {profile ? (
        <ProfileView
          key={card.personId}
          profile={profile}
          initialTimeline={timeline}
          initialInteractions={interactions}
          postsFirst
          accountId={accountId}
          onChange={updateReviewProfile}
          onLeave={() => dropFromReview(card.personId)}
        />
      ) : (
        <div className="review-placeholder">
          <Avatar avatarUrl={card.avatarUrl} displayName={card.displayName} handle={card.handle} size={72} />
          <div>
            <h2 className="drawer-name">
              <RemoteName name={card.displayName} />
            </h2>
            <div className="drawer-handle">
              <RemoteText text={formatHandle(card.handle)} />
            </div>
            {profileError ? <p className="muted">The full profile is not available: {profileError}</p> : <div className="timeline-skeleton" aria-busy="true" />}
            <p>
              <RemoteText text={card.bioSnippet} />
            </p>
          </div>
        </div>
      )}
    </section>
  );
}

function UpNext({ cards }: { cards: PersonCard[] }) {
  if (cards.length === 0) return null;
  return (
    <aside className="review-next" aria-label="Up next">
      <h2 className="profile-section-title">Up next</h2>
      <ol>
        {cards.map((card) => (
          <li key={card.personId} className="review-next-item">
            <Avatar avatarUrl={card.avatarUrl} displayName={card.displayName} handle={card.handle} size={32} />
            <div className="review-next-names">
              <RemoteName name={card.displayName} className="card-name" />
              <RemoteText text={formatHandle(card.handle)} className="card-handle" />
            </div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
