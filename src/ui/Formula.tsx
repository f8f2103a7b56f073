/**
 * A formula typeset by KaTeX (bundled, a chunk of its own loaded with the app: never from a CDN). Until KaTeX has
 * loaded, the TeX source is shown as code; KaTeX's output carries MathML for screen readers.
 * KaTeX builds the formula with DOM calls (`katex.render`), never an HTML string: the built app
 * enforces Trusted Types and forbids inline style attributes (vite.config.ts), which innerHTML would need.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createTypesetCache } from './typesetCache';

type Katex = typeof import('katex').default;

let katexLoad: Promise<Katex> | null = null;

/** KaTeX and its stylesheet (fonts included), loaded once; a failed load is forgotten, so the next formula tries again. */
function loadKatex(): Promise<Katex> {
  katexLoad ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m.default);
  katexLoad.catch(() => {
    katexLoad = null;
  });
  return katexLoad;
}

// The explanation above the stages shows a formula on every load: start loading KaTeX with the app,
// so it is typeset before the first result (no jump of the page below it). Until it loads, or if
// it cannot, the TeX source is shown.
loadKatex().catch(() => undefined);

/** Typesets `tex` into `element` as KaTeX HTML + MathML; a formula KaTeX cannot parse is shown in red as its source (throwOnError false). */
export function renderTex(katex: Katex, tex: string, display: boolean, element: HTMLElement): void {
  katex.render(tex, element, { displayMode: display, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
}

/** The page's formulas, typeset once each (a step change shows a formula typeset before as a copy). */
const typeset = createTypesetCache();

export function Formula({ tex, display = false, testId }: { tex: string; display?: boolean; testId?: string }) {
  const [katex, setKatex] = useState<Katex | null>(null);
  const target = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let live = true;
    loadKatex().then((k) => live && setKatex(() => k), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  // React renders the span empty; KaTeX owns its children.
  useLayoutEffect(() => {
    if (katex && target.current) typeset.show(target.current, `${display ? 'display' : 'inline'} ${tex}`, (host) => renderTex(katex, tex, display, host));
  }, [katex, tex, display]);
  if (!katex) return <code className="formula-source" data-testid={testId}>{tex}</code>;
  return <span ref={target} className={display ? 'formula-tex display' : 'formula-tex'} data-testid={testId} />;
}
