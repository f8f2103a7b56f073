/**
 * A formula typeset by KaTeX (bundled, a chunk of its own loaded with the app: never from a CDN). Until KaTeX has
 * loaded, the TeX source is shown as code; KaTeX's output carries MathML for screen readers.
 */
import { useEffect, useMemo, useState } from 'react';

type Katex = typeof import('katex').default;

let katexLoad: Promise<Katex> | null = null;

/** KaTeX and its stylesheet (fonts included), loaded once. */
function loadKatex(): Promise<Katex> {
  katexLoad ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m.default);
  return katexLoad;
}

// The explanation above the stages shows a formula on every load: start loading KaTeX with the app,
// so it is typeset before the first result (no jump of the page below it).
void loadKatex();

/** `tex` as KaTeX HTML + MathML; a formula KaTeX cannot parse is shown in red as its source (throwOnError false). */
export function renderTex(katex: Katex, tex: string, display: boolean): string {
  return katex.renderToString(tex, { displayMode: display, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
}

export function Formula({ tex, display = false, testId }: { tex: string; display?: boolean; testId?: string }) {
  const [katex, setKatex] = useState<Katex | null>(null);
  useEffect(() => {
    let live = true;
    void loadKatex().then((k) => live && setKatex(() => k));
    return () => {
      live = false;
    };
  }, []);
  const html = useMemo(() => katex && renderTex(katex, tex, display), [katex, tex, display]);
  if (!html) return <code className="formula-source" data-testid={testId}>{tex}</code>;
  return <span className={display ? 'formula-tex display' : 'formula-tex'} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
