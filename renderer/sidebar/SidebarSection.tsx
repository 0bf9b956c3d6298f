// One titled list in the sidebar (saved filters, tags): heading, a load error, a hint while the
// list is empty, then the items. Both sections show these the same way.
import type { ReactNode } from 'react';

interface SidebarSectionProps {
  /** The heading's id; fixed so tests and e2e specs can find the section by its name. */
  titleId: string;
  title: string;
  error: string | null;
  isEmpty: boolean;
  emptyHint: string;
  listTestId: string;
  /** The list's <li> items. */
  children: ReactNode;
  /** Shown after the list (e.g. a confirmation dialog). */
  after?: ReactNode;
}

export function SidebarSection({ titleId, title, error, isEmpty, emptyHint, listTestId, children, after }: SidebarSectionProps) {
  return (
    <section className="sidebar-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="sidebar-heading">
        {title}
      </h2>
      {error ? (
        <p className="sidebar-message is-error" role="alert">
          {error}
        </p>
      ) : null}
      {isEmpty && !error ? <p className="sidebar-hint">{emptyHint}</p> : null}
      <ul className="sidebar-list" data-testid={listTestId}>
        {children}
      </ul>
      {after}
    </section>
  );
}
