import { useEffect, useMemo, useState } from 'react';

/**
 * `flag`, except that it turns true only once `flag` has stayed true for `delayMs` (it turns
 * false at once). For busy styling: a compute that ends within the delay never dims the page,
 * so a quick change costs no extra repaint and nothing flickers.
 */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  // A new token each time the flag turns true; the timer marks that token as late.
  const episode = useMemo(() => (flag ? {} : null), [flag]);
  const [late, setLate] = useState<object | null>(null);
  useEffect(() => {
    if (episode === null) return;
    const timer = setTimeout(() => setLate(episode), delayMs);
    return () => clearTimeout(timer);
  }, [episode, delayMs]);
  return episode !== null && late === episode;
}
