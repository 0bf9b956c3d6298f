// The sidebar starts collapsed to its rail of icons in a narrow window (1024px wide: the four
// columns need the room), and follows the window when it crosses that width; in between, the
// toggle decides.
import { useEffect, useState } from 'react';

const NARROW = '(max-width: 1180px)';

function narrowQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : null;
}

export function useAutoCollapse(): [boolean, (update: (collapsed: boolean) => boolean) => void] {
  const [collapsed, setCollapsed] = useState(() => narrowQuery()?.matches ?? false);
  useEffect(() => {
    const query = narrowQuery();
    if (!query) return undefined;
    const follow = (event: MediaQueryListEvent) => setCollapsed(event.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return [collapsed, setCollapsed];
}
