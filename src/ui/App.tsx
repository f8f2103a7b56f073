/** Maskscope: controls on the left; the view bar, the read-out and every stage on the right. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changesLogits } from '../engine/scoreMods';
import { CellReadout, CellReadoutLine, type HoveredCell } from './CellReadout';
import { computeSettingsKey, deriveInputs } from './derive';
import { buildExport } from './exportJson';
import { CopyLinkButton, ExportButton } from './ExportButton';
import { HeadStrip } from './HeadStrip';
import { FrameworksPanel } from './FrameworksPanel';
import { InputPanel } from './InputPanel';
import { MaskPanel } from './MaskPanel';
import { ModelPanel } from './ModelPanel';
import { ScorePanel } from './ScorePanel';
import { PresetPicker } from './PresetPicker';
import type { PaintMode } from './PaintBar';
import { paintCell } from './paintTerm';
import { formatPaint } from '../state/paint';
import { maskLeaves, parseMaskList } from '../state/maskList';
import { globalPositions, toggleGlobal } from './catalogueTerms';
import { sliceHead } from './slices';
import { StageGrid } from './StageGrid';
import { StatusLine } from './StatusLine';
import { TokenPreview } from './TokenPreview';
import { useDelayedFlag } from './useDelayedFlag';
import { useScrolledPast } from './useScrolledPast';
import { useEngine } from './useEngine';
import { ALL_HEADS_CELLS } from './stageSets';
import { cellCount, headIndex, joinStages } from '../engine/headStages';
import { useScenarioUrl } from './useScenarioUrl';
import { ViewBar } from './ViewBar';
import { InputNotes, WarningBanner } from './WarningBanner';

/** How long a compute may run before the previous result is dimmed and the status says "computing…" (ms). */
const STALE_DELAY_MS = 150;

export function App({ initialSearch }: { initialSearch: string }) {
  const { t, i18n } = useTranslation();
  const { scenario, warnings, update, replace, dismissWarnings } = useScenarioUrl(initialSearch);
  const [hovered, setHovered] = useState<HoveredCell | null>(null);
  const [paintMode, setPaintMode] = useState<PaintMode>('off');
  // On short screens the view bar and read-out scroll away: a one-line read-out then sticks to the top.
  const { ref: readoutTop, past: readoutScrolledAway } = useScrolledPast();

  useEffect(() => {
    void i18n.changeLanguage(scenario.language);
    document.documentElement.lang = scenario.language === 'zh' ? 'zh-CN' : 'en';
  }, [i18n, scenario.language]);

  // Only the settings that change the numbers trigger a recompute (not the view or the language).
  const computeKey = computeSettingsKey(scenario);
  // The page needs tokens, shape and mask only; the engine worker computes Q/K/V.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const derived = useMemo(() => deriveInputs(scenario, { vectors: false }), [computeKey]);
  const wanted = derived.ok ? derived.inputs.shape : null;
  const viewBatch = Math.min(scenario.viewBatch, (wanted?.batch ?? 1) - 1);
  // the head count is known even while the text is invalid (the last result stays on screen)
  const viewHead = Math.min(scenario.viewHead, scenario.heads - 1);
  // Above ALL_HEADS_CELLS only the head being looked at is computed.
  const onDemand = wanted !== null && cellCount(wanted) > ALL_HEADS_CELLS;
  const headsKey = onDemand ? `${viewBatch}.${viewHead}` : 'all';
  const job = useMemo(
    () => (derived.ok ? { ...derived, settingsKey: computeKey, scenario, heads: onDemand ? [{ batch: viewBatch, head: viewHead }] : null } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [derived, headsKey],
  );
  const focus = useMemo(() => ({ batch: viewBatch, head: viewHead }), [viewBatch, viewHead]);
  const run = useEngine(job, focus);
  const shown = run.result;
  const shape = shown?.set.shape;
  const headStages = shape && viewBatch < shape.batch && viewHead < shape.heads ? (shown.set.heads[headIndex(shape, viewBatch, viewHead)] ?? null) : null;
  const { queryLength = 0, keyLength = 0, dV = 0 } = shape ?? {};
  // Keyed by the head's arrays: a result that keeps them (the other heads completed) redraws nothing.
  const slice = useMemo(() => headStages && sliceHead(headStages, { queryLength, keyLength, dV }), [headStages, queryLength, keyLength, dV]);
  const queryTokens = shown?.job.query.tokens[viewBatch] ?? [];
  const keyTokens = shown?.job.key.tokens[viewBatch] ?? [];
  // The heatmaps show an older result while the inputs are invalid or a compute is running.
  const behind = run.computing || (shown !== null && shown.job.settingsKey !== computeKey);
  const stale = !derived.ok || run.error !== null || behind;
  // Dimmed, noted and "computing…" only when the wait is long enough to see: a quick compute repaints once.
  const slow = useDelayedFlag(behind, STALE_DELAY_MS);
  const dimmed = !derived.ok || run.error !== null || slow;
  const complete = shown ? joinable(shown.set) : false;
  // Stable props, so that the memoised result views skip renders that do not concern them.
  const paint = useMemo(() => ({
    mode: paintMode,
    text: scenario.paint,
    onMode: setPaintMode,
    onPaint: (row: number, col: number, allow: boolean) => update({ paint: formatPaint(paintCell(scenario.paint, row, col, allow)) }),
    onClear: () => update({ paint: '' }),
  }), [paintMode, scenario.paint, update]);
  const onTileSize = useCallback((tileSize: number) => update({ tileSize }), [update]);
  const onSelectHead = useCallback((viewHead: number) => update({ viewHead }), [update]);
  const globals = useMemo(
    () => (maskLeaves(parseMaskList(scenario.masks).items).some((m) => m.id === 'global-local') ? globalPositions(scenario.globalTokens) : null),
    [scenario.masks, scenario.globalTokens],
  );
  const onToggleGlobal = useCallback((position: number) => update({ globalTokens: toggleGlobal(scenario.globalTokens, position) }), [scenario.globalTokens, update]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <div className="header-actions">
          <label className="lang" htmlFor="language-select">
            {t('app.language')}
          </label>
          <select id="language-select" value={scenario.language} onChange={(e) => update({ language: e.target.value === 'zh' ? 'zh' : 'en' })}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
          <CopyLinkButton />
          <ExportButton
            shape={derived.ok && run.error === null && shown ? derived.inputs.shape : null}
            busy={behind || run.completing}
            problem={shown && !complete ? t('engine.exportNeedsAllHeads') : undefined}
            build={() => {
              const stages = shown && joinStages(shown.set);
              return shown && stages && buildExport(scenario, shown.inputs, stages, shown.job, shown.run.backend?.name ?? shown.run.path);
            }}
          />
        </div>
      </header>
      <aside className="controls" aria-label={t('app.settings')}>
        <PresetPicker scenario={scenario} replace={replace} />
        <InputPanel scenario={scenario} update={update} />
        <MaskPanel scenario={scenario} update={update} customError={derived.ok ? derived.customError : null} maskNotes={derived.ok ? derived.maskNotes : []}
          maskExpr={derived.ok ? derived.inputs.mask.expr : null}
        />
        <ScorePanel scenario={scenario} update={update} />
        <ModelPanel scenario={scenario} update={update} />
      </aside>
      <main className="views">
        <p className="formula">{scenario.temperature === 1 ? t('app.formula') : t('app.formulaTemperature', { tau: scenario.temperature })}</p>
        <StatusLine device={run.device} run={shown?.run ?? null} set={shown?.set ?? null} slice={slice} computing={run.computing && slow} preparing={run.preparing} projecting={run.projecting} progress={run.progress} job={run.job} />
        <WarningBanner warnings={warnings} onDismiss={dismissWarnings} />
        {!derived.ok && <p className="banner error" role="alert">{t(`errors.${derived.error}`)}</p>}
        {run.error && <p className="banner error" role="alert">{t('errors.compute', { message: run.error })}</p>}
        {derived.ok && <InputNotes notes={derived.notes} />}
        {shown && shape && (
          <div className={dimmed ? 'result stale' : 'result'} data-testid="result" data-stale={stale} data-complete={!stale && complete}>
            {/* first in the results, so that once stuck it is at the top of the screen, never mid-page */}
            {slice && readoutScrolledAway && <CellReadoutLine cell={hovered} slice={slice} inputs={shown.inputs} queryTokens={queryTokens} keyTokens={keyTokens} />}
            <div className="sticky-bar">
              <ViewBar scenario={scenario} update={update} query={shown.job.query} batch={viewBatch} head={viewHead} heads={shape.heads} />
              <div className="readout-box" ref={readoutTop}>
                {slice && <CellReadout cell={hovered} slice={slice} inputs={shown.inputs} queryTokens={queryTokens} keyTokens={keyTokens} />}
                {dimmed && slice && <p className="stale-note">{t('status.stale')}</p>}
              </div>
            </div>
            <TokenPreview
              query={shown.job.query}
              source={shown.job.key}
              batch={viewBatch}
              cross={shown.job.query !== shown.job.key}
              globals={globals}
              onToggleGlobal={onToggleGlobal}
            />
            <h2 className="visually-hidden">{t('stage.heading')}</h2>
            {!slice && <p className="head-pending" data-testid="head-pending">{t('engine.headPending', { batch: viewBatch, head: viewHead })}</p>}
            {slice && <StageGrid slice={slice} queryTokens={queryTokens} keyTokens={keyTokens} hovered={hovered} onHover={setHovered} weightScale={scenario.weightScale} showLogits={changesLogits(shown.inputs.scoreMods ?? {})} temperature={shown.job.scenario.temperature} alibi={shown.job.scenario.alibi} softcap={shown.job.scenario.softcap}
              tileSize={scenario.tileSize}
              onTileSize={onTileSize}
              paint={paint}
            />}
            <FrameworksPanel inputs={shown.inputs} set={shown.set} keys={shown.job.key} keyPadding={scenario.keyPadding} batch={viewBatch} head={viewHead} />
            <HeadStrip set={shown.set} pending={shown.run.onPage === 'focus'} batch={viewBatch} head={viewHead} weightScale={scenario.weightScale} onSelect={onSelectHead} />
          </div>
        )}
      </main>
    </div>
  );
}

/** True when every head is computed (export needs them all). */
function joinable(set: { heads: readonly unknown[] }): boolean {
  return set.heads.every((h) => h !== null);
}
