/**
 * Maskscope: controls on the left; the view bar, the read-out and the pipeline's stages on the
 * right — or, in presentation mode, one step of the pipeline filling the screen.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from './i18n/useT';
import { formatPaint } from '../state/paint';
import { maskLeaves, parseMaskList } from '../state/maskList';
import type { Scenario } from '../state/scenario';
import type { AppParts } from './appParts';
import { ShapeContext } from './Control';
import { MainLayout } from './MainLayout';
import { PresentLayout } from './PresentLayout';
import { useShapedUpdate } from './useShapedUpdate';
import { globalPositions, toggleGlobal } from '../scenario/catalogueTerms';
import type { HoveredCell } from './CellReadout';
import type { PaintMode } from './PaintBar';
import { paintCell } from '../scenario/paintTerm';
import { useQuizViews } from './QuizPanel';
import { TokenPreview } from './TokenPreview';
import { useComputation, type Computation } from './useComputation';
import { useLesson } from './useLesson';
import { useScenarioUrl } from './useScenarioUrl';
import { useTokenizedScenario } from './useGpt2';
import { itemPieces } from '../scenario/itemPieces';
import { usePresentFocus } from './usePresentFocus';

export function App({ initialState }: { initialState: string }) {
  const { i18n } = useT();
  const url = useScenarioUrl(initialState);
  const { scenario: linked, warnings, dismissWarnings } = url;
  // a teacher's link (hide=, lock=): locked fields do not change, whichever way a change comes
  const { update, replace } = useShapedUpdate(linked, url.update, url.replace);
  const shape = useMemo(() => ({ hide: linked.hide, lock: linked.lock }), [linked.hide, linked.lock]);
  // the link's scenario, read with the automatic tokens while GPT-2's vocabulary loads
  const scenario = useTokenizedScenario(linked);
  const [hovered, setHovered] = useState<HoveredCell | null>(null);
  const [paintMode, setPaintMode] = useState<PaintMode>('off');
  useEffect(() => {
    void i18n.changeLanguage(scenario.language);
    document.documentElement.lang = scenario.language === 'zh' ? 'zh-CN' : 'en';
    document.title = i18n.getFixedT(scenario.language)('app.pageTitle');
  }, [i18n, scenario.language]);
  const c = useComputation(scenario);
  const lesson = useLesson(scenario, update, c, hovered, setHovered);
  // Stable props, so that the memoised result views skip renders that do not concern them.
  const paint = useMemo(() => ({
    mode: paintMode,
    text: scenario.paint,
    onMode: setPaintMode,
    onPaint: (row: number, col: number, allow: boolean) => update({ paint: formatPaint(paintCell(scenario.paint, row, col, allow)) }),
    onClear: () => update({ paint: '' }),
  }), [paintMode, scenario.paint, update]);
  const tokenPreview = useTokenPreview(scenario, update, c);
  const quiz = useQuizViews(scenario, c);
  usePresentFocus(scenario.present);

  const parts: AppParts = { scenario, linked, update, replace, warnings, dismissWarnings, c, lesson, hovered, paint, tokenPreview, quiz };
  return (
    <ShapeContext.Provider value={shape}>
      {scenario.present ? <PresentLayout {...parts} /> : <MainLayout {...parts} />}
    </ShapeContext.Provider>
  );
}

/** The tokens of the shown batch item (with Global + local, its key tokens toggle global). */
function useTokenPreview(scenario: Scenario, update: (patch: Partial<Scenario>) => void, c: Computation) {
  const globals = useMemo(
    () => (maskLeaves(parseMaskList(scenario.masks).items).some((m) => m.id === 'global-local') ? globalPositions(scenario.globalTokens) : null),
    [scenario.masks, scenario.globalTokens],
  );
  const onToggleGlobal = useCallback((position: number) => update({ globalTokens: toggleGlobal(scenario.globalTokens, position) }), [scenario.globalTokens, update]);
  const { shown } = c;
  const job = shown?.job;
  const pieces = useMemo(() => job && { query: itemPieces(job.scenario, 'query', c.viewBatch), key: itemPieces(job.scenario, 'key', c.viewBatch) }, [job, c.viewBatch]);
  return shown && (
    <TokenPreview query={shown.job.query} source={shown.job.key} batch={c.viewBatch} cross={shown.job.query !== shown.job.key} globals={globals} onToggleGlobal={onToggleGlobal} pieces={pieces ?? undefined} />
  );
}
