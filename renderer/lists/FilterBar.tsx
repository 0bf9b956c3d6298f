// What the people list shows: search words, stages, tags, signals, relationship, when they
// followed me, and the order. Every change is a new filter value; the list re-queries core.
import { useEffect } from 'react';
import { X } from 'lucide-react';
import { STAGES, STAGE_LABELS, type Stage } from '../../shared/domain';
import { SIGNAL_IDS, SIGNAL_NAMES, type SignalId } from '../../shared/signals/types';
import { PEOPLE_SORTS, RELATIONSHIP_FILTERS, type PeopleFilter, type PeopleSort, type RelationshipFilter } from '../../shared/triageTypes';
import { NO_TAGS, useTagsStore } from '../stores/tagsStore';
import { formatGrouped } from '../format/numberFormat';
import { dayEndIso, dayStartIso, isoToDay } from './filterDates';
import { SaveFilterButton } from './SaveFilterButton';

export const RELATIONSHIP_LABELS: Record<RelationshipFilter, string> = {
  mutual: 'Mutual',
  followsMe: 'Follows me',
  iFollow: 'I follow',
  notFollowingBack: 'Not following back',
  notFollowedBack: 'Not followed back',
  unfollowedMe: 'Unfollowed me',
};

export const PEOPLE_SORT_LABELS: Record<PeopleSort, string> = {
  newest: 'Newest followers',
  followers: 'Most followers',
  name: 'Name A→Z',
  score: 'Best score',
  lastActivity: 'Last activity',
  engaged: 'Most engaged first',
};

interface FilterBarProps {
  accountId: number;
  filter: PeopleFilter;
  sort: PeopleSort;
  onFilterChange(filter: PeopleFilter): void;
  onSortChange(sort: PeopleSort): void;
}

/** The filter without `key`, or with it set: absent fields are left out, never stored undefined. */
function withField<K extends keyof PeopleFilter>(filter: PeopleFilter, key: K, value: PeopleFilter[K] | undefined): PeopleFilter {
  const next = { ...filter };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

function toggled<T>(list: readonly T[] | undefined, item: T): T[] {
  const current = list ?? [];
  return current.includes(item) ? current.filter((x) => x !== item) : [...current, item];
}

function RemovableChip({ label, removeLabel, onRemove }: { label: string; removeLabel: string; onRemove(): void }) {
  return (
    <span className="filter-chip">
      <span dir="auto">{label}</span>
      <button type="button" className="filter-chip-remove" aria-label={removeLabel} onClick={onRemove}>
        <X size={12} aria-hidden="true" />
      </button>
    </span>
  );
}

export function FilterBar({ accountId, filter, sort, onFilterChange, onSortChange }: FilterBarProps) {
  const tags = useTagsStore((s) => (s.accountId === accountId ? s.tags : NO_TAGS));
  useEffect(() => {
    void useTagsStore.getState().load(accountId);
  }, [accountId]);
  const set = <K extends keyof PeopleFilter>(key: K, value: PeopleFilter[K] | undefined) => onFilterChange(withField(filter, key, value));
  const chosenTags = filter.tags ?? [];
  const chosenSignals = filter.signals ?? [];
  const empty = Object.keys(filter).length === 0;

  return (
    <div className="filter-bar" role="group" aria-label="Filters" data-testid="filter-bar">
      <div className="filter-row">
        <div className="filter-stages" role="group" aria-label="Stage">
          {STAGES.map((stage: Stage) => {
            const on = filter.stages?.includes(stage) ?? false;
            return (
              <button
                key={stage}
                type="button"
                className={on ? 'filter-toggle is-on' : 'filter-toggle'}
                data-stage={stage}
                aria-pressed={on}
                onClick={() => set('stages', toggled(filter.stages, stage))}
              >
                {STAGE_LABELS[stage]}
              </button>
            );
          })}
        </div>
        <select
          className="select"
          aria-label="Relationship"
          value={filter.relationship ?? ''}
          onChange={(event) => set('relationship', RELATIONSHIP_FILTERS.find((r) => r === event.target.value))}
        >
          <option value="">Any relationship</option>
          {RELATIONSHIP_FILTERS.map((r) => (
            <option key={r} value={r}>
              {RELATIONSHIP_LABELS[r]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={filter.engages ? 'filter-toggle is-on' : 'filter-toggle'}
          aria-pressed={filter.engages === true}
          title="Only people who replied, mentioned, quoted, reposted or liked"
          onClick={() => set('engages', filter.engages ? undefined : true)}
        >
          Engages with me
        </button>
        <select
          className="select"
          aria-label="Add tag filter"
          value=""
          disabled={tags.length === 0}
          onChange={(event) => {
            if (event.target.value) set('tags', [...chosenTags, event.target.value]);
          }}
        >
          <option value="">{tags.length === 0 ? 'No tags yet' : 'Tag…'}</option>
          {tags
            .filter((tag) => !chosenTags.includes(tag.name))
            .map((tag) => (
              <option key={tag.name} value={tag.name}>
                #{tag.name} ({formatGrouped(tag.count)})
              </option>
            ))}
        </select>
        <select
          className="select"
          aria-label="Add signal filter"
          value=""
          onChange={(event) => {
            const signal = SIGNAL_IDS.find((id) => id === event.target.value);
            if (signal) set('signals', [...chosenSignals, signal]);
          }}
        >
          <option value="">Signal…</option>
          {SIGNAL_IDS.filter((id) => !chosenSignals.includes(id)).map((id) => (
            <option key={id} value={id}>
              {SIGNAL_NAMES[id]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <label className="filter-date">
          <span>Followed me from</span>
          <input
            type="date"
            className="select"
            value={isoToDay(filter.followedMeAfter)}
            onChange={(event) => set('followedMeAfter', dayStartIso(event.target.value))}
          />
        </label>
        <label className="filter-date">
          <span>to</span>
          <input
            type="date"
            className="select"
            aria-label="Followed me until"
            value={isoToDay(filter.followedMeBefore)}
            onChange={(event) => set('followedMeBefore', dayEndIso(event.target.value))}
          />
        </label>
        <label className="filter-date">
          <span>Order</span>
          <select
            className="select"
            aria-label="Order people by"
            value={sort}
            onChange={(event) => {
              const next = PEOPLE_SORTS.find((s) => s === event.target.value);
              if (next) onSortChange(next);
            }}
          >
            {PEOPLE_SORTS.map((s) => (
              <option key={s} value={s}>
                {PEOPLE_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <div className="filter-spacer" />
        <button type="button" className="button button-quiet" disabled={empty} onClick={() => onFilterChange({})}>
          Clear filters
        </button>
        <SaveFilterButton accountId={accountId} filter={filter} />
      </div>
      {filter.query || chosenTags.length > 0 || chosenSignals.length > 0 ? (
        <div className="filter-row filter-chips" aria-label="Active filters">
          {filter.query ? <RemovableChip label={`“${filter.query}”`} removeLabel={`Remove search ${filter.query}`} onRemove={() => set('query', undefined)} /> : null}
          {chosenTags.map((tag) => (
            <RemovableChip key={`t:${tag}`} label={`#${tag}`} removeLabel={`Remove tag filter ${tag}`} onRemove={() => set('tags', chosenTags.filter((t) => t !== tag))} />
          ))}
          {chosenSignals.map((signal: SignalId) => (
            <RemovableChip
              key={`s:${signal}`}
              label={SIGNAL_NAMES[signal]}
              removeLabel={`Remove signal filter ${SIGNAL_NAMES[signal]}`}
              onRemove={() => set('signals', chosenSignals.filter((s) => s !== signal))}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
