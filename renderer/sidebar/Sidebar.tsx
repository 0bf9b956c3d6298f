// Views, saved filters, tags and export of the selected account. Collapses to a rail of icons;
// every entry stays a named button, so the keyboard and screen readers reach the same things.
import { AlarmClock, BarChart3, Inbox, LayoutGrid, MessagesSquare, PanelLeftClose, PanelLeftOpen, UserMinus, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import {
  useViewStore,
  isAllPeopleFilter,
  isEngagesNotFollowedBackFilter,
  isNotFollowingBackFilter,
  isSnoozedFilter,
  showAllPeople,
  showEngagesNotFollowedBack,
  showNotFollowingBack,
  showSnoozed,
  type View,
} from '../stores/viewStore';
import type { PeopleFilter } from '../../shared/triageTypes';
import { ExportButtons } from '../export/ExportButtons';
import { SavedFiltersSection } from './SavedFiltersSection';
import { TagsSection } from './TagsSection';
import { useAutoCollapse } from './useAutoCollapse';

type NavEntry = 'board' | 'review' | 'people' | 'snoozed' | 'notFollowingBack' | 'engagesNotFollowedBack' | 'stats';

function activeEntry(view: View, filter: PeopleFilter): NavEntry | null {
  if (view === 'people') {
    if (isNotFollowingBackFilter(filter)) return 'notFollowingBack';
    if (isEngagesNotFollowedBackFilter(filter)) return 'engagesNotFollowedBack';
    if (isSnoozedFilter(filter)) return 'snoozed';
    return isAllPeopleFilter(filter) ? 'people' : null;
  }
  if (view === 'board' || view === 'review' || view === 'stats') return view;
  return null;
}

function NavButton({ label, icon, current, collapsed, onClick }: { label: string; icon: ReactNode; current: boolean; collapsed: boolean; onClick(): void }) {
  return (
    <li>
      <button
        type="button"
        className={current ? 'sidebar-nav-button is-current' : 'sidebar-nav-button'}
        aria-current={current ? 'page' : undefined}
        aria-label={collapsed ? label : undefined}
        title={collapsed ? label : undefined}
        onClick={onClick}
      >
        {icon}
        {collapsed ? null : <span>{label}</span>}
      </button>
    </li>
  );
}

export function Sidebar({ accountId }: { accountId: number }) {
  const [collapsed, setCollapsed] = useAutoCollapse();
  const view = useViewStore((s) => s.view);
  const filter = useViewStore((s) => s.filter);
  const active = activeEntry(view, filter);
  const setView = useViewStore((s) => s.setView);

  return (
    <aside className={collapsed ? 'sidebar is-collapsed' : 'sidebar'} aria-label="Sidebar" data-testid="sidebar">
      <button
        type="button"
        className="icon-button sidebar-toggle"
        aria-expanded={!collapsed}
        aria-label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
        title={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
        onClick={() => setCollapsed((c) => !c)}
      >
        {collapsed ? <PanelLeftOpen size={16} aria-hidden="true" /> : <PanelLeftClose size={16} aria-hidden="true" />}
      </button>
      <nav aria-label="Views">
        <ul className="sidebar-nav">
          <NavButton label="Board" icon={<LayoutGrid size={16} aria-hidden="true" />} current={active === 'board'} collapsed={collapsed} onClick={() => setView('board')} />
          <NavButton label="Review" icon={<Inbox size={16} aria-hidden="true" />} current={active === 'review'} collapsed={collapsed} onClick={() => setView('review')} />
          <NavButton label="People" icon={<Users size={16} aria-hidden="true" />} current={active === 'people'} collapsed={collapsed} onClick={showAllPeople} />
          <NavButton label="Snoozed" icon={<AlarmClock size={16} aria-hidden="true" />} current={active === 'snoozed'} collapsed={collapsed} onClick={showSnoozed} />
          <NavButton
            label="Not following back"
            icon={<UserMinus size={16} aria-hidden="true" />}
            current={active === 'notFollowingBack'}
            collapsed={collapsed}
            onClick={showNotFollowingBack}
          />
          <NavButton
            label="Engages with you, not followed back"
            icon={<MessagesSquare size={16} aria-hidden="true" />}
            current={active === 'engagesNotFollowedBack'}
            collapsed={collapsed}
            onClick={showEngagesNotFollowedBack}
          />
          <NavButton label="Stats" icon={<BarChart3 size={16} aria-hidden="true" />} current={active === 'stats'} collapsed={collapsed} onClick={() => setView('stats')} />
        </ul>
      </nav>
      {collapsed ? null : (
        <div className="sidebar-sections">
          <SavedFiltersSection accountId={accountId} />
          <TagsSection accountId={accountId} />
          <section className="sidebar-section" aria-labelledby="sidebar-export-title">
            <h2 id="sidebar-export-title" className="sidebar-heading">
              Export
            </h2>
            <ExportButtons accountId={accountId} filter={view === 'people' ? filter : undefined} />
          </section>
        </div>
      )}
    </aside>
  );
}
