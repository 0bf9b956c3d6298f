// The account's tags with their counts; a click lists the people carrying the tag.
import { useEffect } from 'react';
import { subscribe } from '../api/rapportClient';
import { formatGrouped } from '../format/numberFormat';
import { NO_TAGS, useTagsStore } from '../stores/tagsStore';
import { useViewStore } from '../stores/viewStore';
import { SidebarSection } from './SidebarSection';

function isOnlyTag(tags: string[] | undefined, name: string, otherKeys: number): boolean {
  return otherKeys === 1 && tags?.length === 1 && tags[0] === name;
}

export function TagsSection({ accountId }: { accountId: number }) {
  const tags = useTagsStore((s) => (s.accountId === accountId ? s.tags : NO_TAGS));
  const error = useTagsStore((s) => (s.accountId === accountId ? s.error : null));
  const view = useViewStore((s) => s.view);
  const filter = useViewStore((s) => s.filter);

  useEffect(() => {
    void useTagsStore.getState().load(accountId);
    // Tags are edited in the drawer and Review; those edits come back as people.changed.
    return subscribe('people.changed', (event) => {
      if (event.accountId === accountId) void useTagsStore.getState().load(accountId);
    });
  }, [accountId]);

  const filterKeys = Object.values(filter).filter((value) => value !== undefined).length;
  return (
    <SidebarSection
      titleId="sidebar-tags-title"
      title="Tags"
      error={error}
      isEmpty={tags.length === 0}
      emptyHint="Tags you add to people appear here."
      listTestId="sidebar-tags"
    >
      {tags.map((tag) => {
        const current = view === 'people' && isOnlyTag(filter.tags, tag.name, filterKeys);
        return (
          <li key={tag.name} className="sidebar-item">
            <button
              type="button"
              className={current ? 'sidebar-item-button is-current' : 'sidebar-item-button'}
              aria-current={current ? 'page' : undefined}
              aria-label={`Tag ${tag.name}, ${formatGrouped(tag.count)} ${tag.count === 1 ? 'person' : 'people'}`}
              onClick={() => useViewStore.getState().showPeople({ tags: [tag.name] })}
            >
              <span className="sidebar-item-name" dir="auto">
                #{tag.name}
              </span>
              <span className="sidebar-item-count">{formatGrouped(tag.count)}</span>
            </button>
          </li>
        );
      })}
    </SidebarSection>
  );
}
