// Whether a component has stayed on screen for a while: rows that a fast scroll mounts and
// unmounts again within that time never start work meant for rows someone looks at.
import { useEffect, useState } from 'react';

/** False until the component has been mounted for `delayMs` (true at once for 0). */
export function useMountedFor(delayMs: number): boolean {
  const [settled, setSettled] = useState(delayMs <= 0);
  useEffect(() => {
    if (settled) return undefined;
    const timer = setTimeout(() => setSettled(true), delayMs);
    return () => clearTimeout(timer);
  }, [settled, delayMs]);
  return settled;
}
