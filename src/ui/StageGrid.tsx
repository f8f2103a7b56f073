/**
 * The large heatmaps of one (batch item, head): mask, scaled, masked, weights, output. They share
 * one zoom (useZoom): the stage heatmaps show the same window of rows × keys, the output heatmap
 * the same rows (all of dV), and the zoom bar above them says which.
 */
import { useMemo, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeightScale } from '../state/scenario';
import { weightColorValues } from './weightScale';
import { divergingScale, sequentialScale } from '../viz/colorScales';
import type { HeatmapCell, HeatmapSpec } from '../viz/heatmap';
import type { HoveredCell } from './CellReadout';
import { Heatmap } from './Heatmap';
import { Legend } from './Legend';
import { CostPanel } from './CostPanel';
import { tileStates } from '../engine/maskCost';
import { paintedFlags } from './paintTerm';
import { PaintBar, usePaintHandlers, type PaintMode } from './PaintBar';
import type { StageSlice } from './slices';
import { useZoom } from './useZoom';
import { ZoomBar } from './ZoomBar';
import type { ViewAction } from '../viz/viewport';
import { TARGET_MATRIX_PX } from '../viz/layout';

interface Props {
  slice: StageSlice;
  queryTokens: string[];
  keyTokens: string[];
  hovered: HoveredCell | null;
  onHover(cell: HoveredCell | null): void;
  weightScale: WeightScale;
  /** Show the logits stage (a score modifier is on, so logits differ from the scaled scores). */
  showLogits: boolean;
  /** Softmax temperature τ: the scaled stage is QKᵀ / (τ·√dK). */
  temperature: number;
  /** ALiBi on, and the soft-cap c (0 = off): what the logits stage adds, for its title. */
  alibi: boolean;
  softcap: number;
  /** Tile size of the block-sparse overlay on the Mask heatmap; 0 = off. */
  tileSize: number;
  onTileSize(size: number): void;
  /** Painting on the Mask heatmap. */
  paint: { mode: PaintMode; text: string; onMode(m: PaintMode): void; onPaint(row: number, col: number, allow: boolean): void; onClear(): void };
}

const MASK_COLOR = () => '#5b8bd9';

/** Memoised: skipped when the page re-renders for another reason (a setting, a hover elsewhere). */
export const StageGrid = memo(function StageGrid({ slice, queryTokens, keyTokens, hovered, onHover, weightScale: weightMode, showLogits, temperature, alibi, softcap, paint, tileSize, onTileSize }: Props) {
  const { t } = useTranslation();
  const scoreScale = useMemo(() => divergingScale(slice.scaled), [slice.scaled]);
  // With a modifier the logits get their own scale (a soft-cap of 1 would be white on the scores' scale).
  const logitScale = useMemo(() => (showLogits ? divergingScale(slice.logits) : scoreScale), [showLogits, slice.logits, scoreScale]);
  const outputScale = useMemo(() => divergingScale(slice.output), [slice.output]);
  const weightScale = useMemo(() => sequentialScale(), []);
  const weightValues = useMemo(() => weightColorValues(weightMode, slice.weights, slice.rows, slice.cols), [weightMode, slice]);
  const dims = useMemo(() => Array.from({ length: slice.dV }, (_, d) => `d${d}`), [slice.dV]);
  const label = (stage: string, cols: number) =>
    t('stage.heatmapLabel', { stage, batch: slice.batch, head: slice.head, rows: slice.rows, cols });

  const hasPaddedRows = useMemo(() => slice.paddedRows.some((r) => r !== 0), [slice.paddedRows]);
  const highlight: HeatmapCell | null = hovered && hovered.stage === 'cells' ? hovered : null;
  const painter = usePaintHandlers(paint.mode, paint.onPaint);
  const marked = useMemo(() => (paint.text ? paintedFlags(paint.text, slice.rows, slice.cols) : undefined), [paint.text, slice.rows, slice.cols]);
  const tiles = useMemo(() => (tileSize > 0 ? tileStates(slice.mask, slice.rows, slice.cols, tileSize) : undefined), [slice.mask, slice.rows, slice.cols, tileSize]);
  const zoom = useZoom(slice.rows, slice.cols);
  const { view } = zoom;
  const zoomable = zoom.canZoomIn || zoom.canZoomOut;
  const hintOn = (key: string) => (zoomable ? () => zoom.showHint(key) : undefined);
  // The output heatmap follows the rows of the view; its gestures move rows only.
  const onOutputView = (a: ViewAction) =>
    zoom.dispatch(a.kind === 'zoom' ? { ...a, col: view.col0 + view.cols / 2 } : a.kind === 'pan' ? { ...a, cols: 0 } : a.kind === 'reveal' ? { ...a, col: -1 } : a);
  const onCells = (cell: HeatmapCell | null) => onHover(cell && { ...cell, stage: 'cells' });
  const onMaskCells = (cell: HeatmapCell | null) => {
    painter.onCell(cell);
    onCells(cell);
  };
  const base = {
    rows: slice.rows,
    cols: slice.cols,
    rowLabels: queryTokens,
    colLabels: keyTokens,
    greyRows: slice.paddedRows,
    flaggedRows: slice.fullyMaskedRows,
    rowAxisTitle: t('stage.query'),
    colAxisTitle: t('stage.key'),
    onHover: onCells,
    highlight,
    view,
    onViewAction: zoom.dispatch,
  };
  const specs: { id: string; title: string; note: string; spec: HeatmapSpec; legend: 'mask' | 'scores' | 'weights' }[] = [
    { id: 'mask', title: t('stage.mask'), note: t('stage.maskNote'), legend: 'mask', spec: { ...base, values: slice.mask, blocked: slice.blocked, color: MASK_COLOR, tiles, marked, ariaLabel: label(t('stage.mask'), slice.cols) } },
    { id: 'scaled', title: t('stage.scaled'), note: temperature === 1 ? t('stage.scaledNote') : t('stage.scaledNoteTemperature', { tau: temperature }), legend: 'scores', spec: { ...base, values: slice.scaled, color: scoreScale, poolBy: 'magnitude' as const, ariaLabel: label(t('stage.scaled'), slice.cols) } },
    ...(showLogits
      ? [{ id: 'logits', title: t('stage.logits'), note: t(alibi && softcap > 0 ? 'stage.logitsNoteBoth' : alibi ? 'stage.logitsNoteAlibi' : 'stage.logitsNoteSoftcap', { c: softcap }), legend: 'scores' as const, spec: { ...base, values: slice.logits, color: logitScale, poolBy: 'magnitude' as const, ariaLabel: label(t('stage.logits'), slice.cols) } }]
      : []),
    { id: 'masked', title: t('stage.masked'), note: t('stage.maskedNote'), legend: 'scores', spec: { ...base, values: slice.masked, blocked: slice.blocked, color: logitScale, poolBy: 'magnitude' as const, ariaLabel: label(t('stage.masked'), slice.cols) } },
    { id: 'weights', title: t('stage.weights'), note: weightMode === 'row' ? t('stage.weightsRowNote') : t('stage.weightsNote'), legend: 'weights', spec: { ...base, values: weightValues, blocked: slice.blocked, color: weightScale, ariaLabel: label(t('stage.weights'), slice.cols) } },
  ];
  const outputSpec: HeatmapSpec = {
    ...base,
    cols: slice.dV,
    colLabels: dims,
    colAxisTitle: t('stage.dimension'),
    values: slice.output,
    color: outputScale,
    poolBy: 'magnitude' as const,
    ariaLabel: label(t('stage.output'), slice.dV),
    highlight: hovered ? { row: hovered.row, col: hovered.stage === 'output' ? hovered.col : -1 } : null,
    onHover: (cell) => onHover(cell && { ...cell, stage: 'output' }),
    // Lq × dV: no wider than its card, but as tall as Lq; keep it about as tall as the stages.
    maxMatrixHeight: TARGET_MATRIX_PX,
    view: { row0: view.row0, rows: view.rows, col0: 0, cols: slice.dV },
    onViewAction: onOutputView,
    onZoomHint: hintOn('output'),
  };
  // While painting, a plain drag paints and Shift + drag pans: the painter ignores Shift presses.
  const maskHandlers = {
    ...painter.handlers,
    onPointerDown: (e: React.PointerEvent) => {
      if (!e.shiftKey) painter.handlers.onPointerDown();
    },
  };
  // The heatmap with, over its middle, the "Ctrl/⌘ + wheel" hint after a plain wheel over it.
  const framed = (id: string, heatmap: React.ReactNode) => (
    <div className="heatmap-frame">
      {heatmap}
      {zoom.hint === id && <p className="zoom-wheel-hint" role="status">{t('zoom.wheelHint')}</p>}
    </div>
  );
  return (
    <>
    <ZoomBar zoom={zoom} rows={slice.rows} cols={slice.cols} />
    <div className="stage-grid">
      {specs.map(({ id, title, note, spec, legend }) => (
        <figure key={id} className="stage" data-stage={id}>
          <figcaption>
            <h3>{title}</h3> <span className="note">{note}</span>
          </figcaption>
          {id === 'mask' ? (
            <>
              <PaintBar mode={paint.mode} onMode={paint.onMode} paint={paint.text} onClear={paint.onClear} />
              <div className={paint.mode === 'off' ? undefined : 'painting'} {...maskHandlers}>
                {framed(id, <Heatmap spec={{ ...spec, onHover: onMaskCells, panNeedsModifier: paint.mode !== 'off', onZoomHint: hintOn(id) }} testId="heatmap-mask" />)}
              </div>
            </>
          ) : (
            framed(id, <Heatmap spec={{ ...spec, onZoomHint: hintOn(id) }} testId={`heatmap-${id}`} />)
          )}
          <Legend
            kind={legend}
            scale={legend === 'weights' ? weightScale : id === 'scaled' ? scoreScale : logitScale}
            showBlocked={spec.blocked !== undefined}
            showPadded={hasPaddedRows}
            title={legend === 'weights' && weightMode === 'row' ? t('view.weightsRowLegend') : showLogits && (id === 'logits' || id === 'masked') ? t('stage.logits') : undefined}
          />
          {id === 'mask' && (
            <CostPanel mask={slice.mask} rows={slice.rows} cols={slice.cols} tileSize={tileSize > 0 ? tileSize : null} onTileSize={(size) => onTileSize(size ?? 0)} />
          )}
        </figure>
      ))}
      <figure className="stage" data-stage="output">
        <figcaption>
          <h3>{t('stage.output')}</h3> <span className="note">{t('stage.outputNote')}</span>
        </figcaption>
        {framed('output', <Heatmap spec={outputSpec} testId="heatmap-output" />)}
        <Legend kind="output" scale={outputScale} showBlocked={false} />
      </figure>
    </div>
    </>
  );
});
