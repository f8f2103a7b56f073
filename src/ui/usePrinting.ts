/**
 * Whether the page is being printed (or laid out for print: Ctrl+P's preview, `page.pdf()` after
 * `emulateMedia({ media: 'print' })`). `beforeprint` renders synchronously (flushSync), so what
 * the print shows is in the page before the browser lays it out for paper.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window.matchMedia === 'function' && window.matchMedia('print').matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia('print');
    const start = () => flushSync(() => setPrinting(true));
    const end = () => setPrinting(media.matches);
    const change = () => (media.matches ? start() : end());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    media.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      media.removeEventListener('change', change);
    };
  }, []);
  return printing;
}
