// Whether the frame showing a column's first cards has been painted. Until then the column renders
// only the rows on screen: the rows past its edge (overscan) would double the cards the first
// frame has to build, lay out and paint, and nobody can scroll to them before that frame is up.
import { useEffect, useState } from 'react';

/** Runs after the next frame has been painted (a rAF callback runs just before paint). */
function afterNextPaint(done: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(done, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(done, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** False from mount until the frame after `hasCards` first turned true has been painted. */
export function useFirstCardsPainted(hasCards: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted || !hasCards) return undefined;
    return afterNextPaint(() => setPainted(true));
  }, [painted, hasCards]);
  return painted;
}
