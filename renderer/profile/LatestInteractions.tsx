// "Their latest interactions": what they did toward me and I toward them, newest first, each with
// when, the words (remote text, shown as plain text only) and a link to it on the network, opened
// in the browser like every link out (https only; main's allow-list decides).
import { useEffect, useId, useState } from 'react';
import type { PersonProfile } from '../../shared/domain';
import type { InteractionItem, InteractionsCursor } from '../../shared/interactions';
import { call, toRapportError } from '../api/rapportClient';
import { formatFullDate, formatRelative } from '../format/dateFormat';
import { uiOf } from '../networks/registry';
import { RemoteText } from '../safeHtml/RemoteHtml';
import { isHttpsUrl } from './ProfileHeader';
import { INTERACTION_ICONS, interactionLabel } from './interactionLabels';

/** How many the section shows at first; "Show older" reads as many again. */
export const LATEST_INTERACTIONS = 5;

interface Loaded {
  items: InteractionItem[];
  next: InteractionsCursor | null;
}

/** Says truthfully why the list is empty: never any, or only older ones kept as counts. */
function emptyText(profile: PersonProfile): string {
  const counted = (profile.engagement?.counts ?? []).some((c) => c.count > 0);
  return counted
    ? 'None kept from the last while: older ones were cleared by the retention setting (the counts above still include them).'
    : 'No replies, mentions, likes or reposts between you are recorded yet.';
}

function InteractionRow({ item, siteName }: { item: InteractionItem; siteName: string }) {
  const Icon = INTERACTION_ICONS[item.kind];
  const label = interactionLabel(item.kind, item.direction);
  return (
    <li className="interaction" data-testid="interaction" data-kind={item.kind} data-direction={item.direction}>
      <div className="interaction-meta">
        <Icon size={14} aria-hidden="true" className="interaction-icon" />
        <span className="interaction-label">{label}</span>
        <time dateTime={item.at} title={formatFullDate(item.at)}>
          {formatRelative(item.at)}
        </time>
        {isHttpsUrl(item.link) ? (
          <a className="interaction-link" href={item.link} target="_blank" rel="noopener noreferrer" aria-label={`${label}: open on ${siteName}`}>
            Open on {siteName}
          </a>
        ) : null}
      </div>
      {item.excerpt ? (
        <p className="interaction-excerpt">
          <RemoteText text={item.excerpt} />
        </p>
      ) : null}
    </li>
  );
}

interface LatestInteractionsProps {
  profile: PersonProfile;
  accountId: number;
  /** Read ahead by the owner (Review): shown at once instead of a placeholder, then read again. */
  initial?: Loaded | null;
}

export function LatestInteractions({ profile, accountId, initial = null }: LatestInteractionsProps) {
  const titleId = useId();
  const { personId } = profile;
  const [state, setState] = useState<{ loaded: Loaded | null; error: string | null; loadingMore: boolean }>({ loaded: initial, error: null, loadingMore: false });

  useEffect(() => {
    let live = true;
    call('listInteractions', { accountId, personId, limit: LATEST_INTERACTIONS }).then(
      (page) => {
        if (live) setState({ loaded: page, error: null, loadingMore: false });
      },
      (error: unknown) => {
        if (live) setState({ loaded: null, error: toRapportError(error).message, loadingMore: false });
      },
    );
    return () => {
      live = false;
    };
  }, [accountId, personId]);

  const showOlder = async () => {
    const before = state.loaded?.next;
    if (!before) return;
    setState((s) => ({ ...s, loadingMore: true }));
    try {
      const page = await call('listInteractions', { accountId, personId, limit: LATEST_INTERACTIONS, before });
      setState((s) => ({ loaded: { items: [...(s.loaded?.items ?? []), ...page.items], next: page.next }, error: null, loadingMore: false }));
    } catch (error) {
      setState((s) => ({ ...s, error: toRapportError(error).message, loadingMore: false }));
    }
  };

  const ui = uiOf(profile.network);
  const siteName = ui.siteName ?? ui.label;
  const { loaded, error } = state;
  return (
    <section className="profile-section" aria-labelledby={titleId} data-testid="latest-interactions">
      <h3 id={titleId} className="profile-section-title">
        Their latest interactions
      </h3>
      {error ? <p className="muted">Interactions are not available: {error}</p> : null}
      {loaded === null ? (
        error ? null : <div className="timeline-skeleton" aria-busy="true" data-testid="interactions-loading" />
      ) : loaded.items.length === 0 ? (
        <p className="muted">{emptyText(profile)}</p>
      ) : (
        <>
          <ol className="interactions">
            {loaded.items.map((item) => (
              <InteractionRow key={item.id} item={item} siteName={siteName} />
            ))}
          </ol>
          {loaded.next ? (
            <button type="button" className="button button-quiet" disabled={state.loadingMore} onClick={() => void showOlder()}>
              Show older
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
