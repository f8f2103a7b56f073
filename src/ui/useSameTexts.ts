/**
 * The token labels of the result on screen as one array while their texts stay the same: a new
 * result of the same tokens (a mask change, another head's numbers) then gives the heatmaps the
 * labels they already have, and they keep their layout and axes (viz/heatmap.ts, by reference).
 */
import { useMemo } from 'react';

/** `texts`, or the array this hook last returned when that holds the same texts in the same order. */
export function useSameTexts(texts: string[]): string[] {
  // JSON: one string per list of texts, whatever characters the tokens hold; made only when the
  // array changes (not on every render: a hover re-renders the page)
  const key = useMemo(() => JSON.stringify(texts), [texts]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => texts, [key]);
}
