/**
 * The heatmaps of every pipeline stage of one (batch item, head), as cards in pipeline order:
 * Q, K, V → scores QKᵀ → scaled → logits (with a modifier) → mask → masked → weights → output.
 * Shared by the strip of the normal view (StageStrip.tsx) and the presentation view
 * (PresentView.tsx), which add their own sizes, zoom and painting.
 */
import { readingCalls } from './readingCalls';
import { useMemo } from 'react';
import type { useTranslation } from 'react-i18next';
import { useT } from './i18n/useT';
import type { PipelineStep, WeightScale } from '../state/scenario';
import { divergingScale, maskColor, sequentialScale } from '../viz/colorScales';
import type { ColorScale, HeatmapCell, HeatmapSpec } from '../viz/types';
import { formatCellValue } from '../viz/cellText';
import type { HoveredCell } from './CellReadout';
import type { QkvSlice, StageSlice } from '../compute/slices';
import { weightColorValues } from './weightScale';
import { changedCells, rowSums } from './pipelineSteps';
import type { ReadingDiff } from '../scenario/causalReadings';

/** A stage that has its own card (the tokens step is the token preview). */
export type StageId = Exclude<PipelineStep, 'tokens'>;

export interface StageHeatmap {
  testId: string;
  spec: HeatmapSpec;
}

export interface StageCard {
  id: StageId;
  title: string;
  note: string;
  /** One heatmap, or Q, K and V side by side; none when the vectors are not on the page. */
  heatmaps: StageHeatmap[];
  legend: { kind: 'mask' | 'scores' | 'weights' | 'output'; scale: ColorScale; title?: string; showBlocked: boolean; showPadded: boolean } | null;
  /** Why the card has no heatmap (Q, K, V kept in the worker). */
  missing?: string;
}

export interface StageCardsProps {
  slice: StageSlice;
  qkv: QkvSlice | null;
  queryTokens: string[];
  keyTokens: string[];
  hovered: HoveredCell | null;
  onHover(cell: HoveredCell | null): void;
  weightScale: WeightScale;
  showLogits: boolean;
  temperature: number;
  alibi: boolean;
  softcap: number;
  /** The current step: its card outlines the cells it changed. */
  step: PipelineStep;
  /** Query row of the row inspector (−1 = none): outlined in every stage. */
  selectedRow: number;
  onSelectRow(row: number): void;
  /** Where the two readings of a causal mask in a padded batch differ: dashed on the Mask heatmap, with a note. */
  readings?: ReadingDiff | null;
}

const MASK_TEXT = { format: (v: number) => (v ? '1' : '0'), blocked: '0' };
const SCORE_TEXT = { format: formatCellValue, blocked: '−∞' };
/** The Masked scores are drawn from the logits (blocked cells hatched and written −∞): HeadStages stores no `masked`. */
const MASKED_TEXT = { ...SCORE_TEXT, blockedValue: -Infinity };

/** The cards of every stage, memoised on the slice and the settings they draw. */
export function useStageCards(p: StageCardsProps): StageCard[] {
  const { t } = useT();
  const { slice } = p;
  const scales = useScales(slice, p.qkv, p.showLogits);
  const weightValues = useMemo(() => weightColorValues(p.weightScale, slice.weights, slice.rows, slice.cols), [p.weightScale, slice]);
  const sums = useMemo(() => rowSums(slice.weights, slice.rows, slice.cols).map((s) => (s === 0 ? '0' : s.toFixed(2))), [slice]);
  // the weights' numbers are the weights, whatever the colour shows (÷ row maximum)
  const weightsText = useMemo(() => ({ format: formatCellValue, blocked: '0', values: slice.weights }), [slice.weights]);
  const changed = useMemo(() => changedCells(p.step, slice), [p.step, slice]);
  const hasPadded = useMemo(() => slice.paddedRows.some((r) => r !== 0), [slice.paddedRows]);
  const label = (stage: string, rows: number, cols: number) => t('stage.heatmapLabel', { stage, batch: slice.batch, head: slice.head, rows, cols });
  const highlight: HeatmapCell | null = p.hovered && p.hovered.stage === 'cells' ? p.hovered : null;
  const selectedRow = p.selectedRow >= 0 && p.selectedRow < slice.rows ? p.selectedRow : -1;
  const onCells = (cell: HeatmapCell | null) => p.onHover(cell && { ...cell, stage: 'cells' });
  const base = {
    rows: slice.rows, cols: slice.cols, rowLabels: p.queryTokens, colLabels: p.keyTokens, greyRows: slice.paddedRows,
    flaggedRows: slice.fullyMaskedRows, rowAxisTitle: t('stage.query'), colAxisTitle: t('stage.key'), onHover: onCells, highlight,
    selectedRow, onSelectRow: p.onSelectRow,
  };
  // the current step's card outlines what it changed (not when every cell changed: that says nothing)
  const outline = (id: StageId) => (id === p.step && changed && changed.count > 0 && changed.count < slice.rows * slice.cols ? changed.flags : undefined);
  const cell = (id: StageId, title: string, spec: Omit<HeatmapSpec, keyof typeof base | 'ariaLabel'> & Partial<HeatmapSpec>): StageHeatmap => ({
    testId: `heatmap-${id}`,
    spec: { ...base, outlined: outline(id), ...spec, ariaLabel: label(title, slice.rows, slice.cols) } as HeatmapSpec,
  });
  const scoresLegend = (scale: ColorScale, title?: string, showBlocked = false) => ({ kind: 'scores' as const, scale, title, showBlocked, showPadded: false });
  const cards: StageCard[] = [
    qkvCard(p, scales.qkv, t),
    {
      id: 'scores', title: t('lesson.stage.scores'), note: t('lesson.stage.scoresNote'), legend: { ...scoresLegend(scales.scores, t('lesson.stage.scores')) },
      heatmaps: [cell('scores', t('lesson.stage.scores'), { values: slice.scores, color: scales.scores, poolBy: 'magnitude', pyramid: slice.pyramids?.scores, valueText: SCORE_TEXT })],
    },
    {
      id: 'scaled', title: t('stage.scaled'), note: p.temperature === 1 ? t('stage.scaledNote') : t('stage.scaledNoteTemperature', { tau: p.temperature }), legend: scoresLegend(scales.scaled),
      heatmaps: [cell('scaled', t('stage.scaled'), { values: slice.scaled, color: scales.scaled, poolBy: 'magnitude', pyramid: slice.pyramids?.scaled, pyramidOf: slice.scores, valueText: SCORE_TEXT })],
    },
    ...(p.showLogits ? [{
      id: 'logits' as const, title: t('stage.logits'), legend: scoresLegend(scales.logits, t('stage.logits')),
      note: t(p.alibi && p.softcap > 0 ? 'stage.logitsNoteBoth' : p.alibi ? 'stage.logitsNoteAlibi' : 'stage.logitsNoteSoftcap', { c: p.softcap }),
      heatmaps: [cell('logits', t('stage.logits'), { values: slice.logits, color: scales.logits, poolBy: 'magnitude', pyramid: slice.pyramids?.logits, pyramidOf: slice.logits === slice.scaled ? slice.scores : undefined, valueText: SCORE_TEXT })],
    }] : []),
    {
      id: 'mask', title: t('stage.mask'), note: maskNote(p.readings, t), legend: { kind: 'mask', scale: scales.weights, showBlocked: true, showPadded: hasPadded },
      heatmaps: [cell('mask', t('stage.mask'), { values: slice.mask, blocked: slice.blocked, color: maskColor, pyramid: slice.pyramids?.mask, pyramidOf: slice.weights, poolBlocked: 'any', valueText: MASK_TEXT, dashed: p.readings?.flags })],
    },
    {
      id: 'masked', title: t('stage.masked'), note: t('stage.maskedNote'), legend: scoresLegend(scales.logits, t('stage.masked'), true),
      heatmaps: [cell('masked', t('stage.masked'), { values: slice.logits, blocked: slice.blocked, color: scales.logits, poolBy: 'magnitude', pyramid: slice.pyramids?.masked, valueText: MASKED_TEXT })],
    },
    {
      id: 'weights', title: t('stage.weights'), note: p.weightScale === 'row' ? t('stage.weightsRowNote') : t('stage.weightsNote'),
      legend: { kind: 'weights', scale: scales.weights, title: p.weightScale === 'row' ? t('view.weightsRowLegend') : undefined, showBlocked: true, showPadded: false },
      heatmaps: [cell('weights', t('stage.weights'), {
        values: weightValues, blocked: slice.blocked, color: scales.weights,
        pyramid: weightValues === slice.weights ? slice.pyramids?.weights : undefined, rowNotes: sums, rowNotesTitle: t('lesson.stage.rowSum'),
        valueText: weightsText,
      })],
    },
    outputCard(p, scales.output, t),
  ];
  return cards;
}

type T = ReturnType<typeof useTranslation>['t'];

/** The Mask card's note, and where the two readings of a causal mask differ, which cells are dashed and which calls give each. */
function maskNote(readings: ReadingDiff | null | undefined, t: T): string {
  const note = t('stage.maskNote');
  if (!readings) return note;
  return `${note}. ${t('readings.differ', { count: readings.count, real: readings.realOnly, padded: readings.paddedOnly, ...readingCalls(readings.alignment) })}`;
}

/** The colour scales of every stage, memoised on their arrays. */
function useScales(slice: StageSlice, qkv: QkvSlice | null, showLogits: boolean) {
  const scores = useMemo(() => divergingScale(slice.scores), [slice.scores]);
  const scaled = useMemo(() => divergingScale(slice.scaled), [slice.scaled]);
  // With a modifier the logits get their own scale (a soft-cap of 1 would be white on the scores' scale).
  const logits = useMemo(() => (showLogits ? divergingScale(slice.logits) : scaled), [showLogits, slice.logits, scaled]);
  const output = useMemo(() => divergingScale(slice.output), [slice.output]);
  const weights = useMemo(() => sequentialScale(), []);
  const qkvScale = useMemo(() => (qkv ? { q: divergingScale(qkv.q), k: divergingScale(qkv.k), v: divergingScale(qkv.v) } : null), [qkv]);
  return { scores, scaled, logits, output, weights, qkv: qkvScale };
}

/** Q [Lq × dK], K [Lk × dK], V [Lk × dV] of the head, side by side. */
function qkvCard(p: StageCardsProps, scales: { q: ColorScale; k: ColorScale; v: ColorScale } | null, t: T): StageCard {
  const { qkv, slice } = p;
  const card = { id: 'qkv' as const, title: t('lesson.steps.qkv'), note: t('lesson.stage.qkvNote') };
  if (!qkv || !scales) return { ...card, heatmaps: [], legend: null, missing: t('lesson.explain.qkvMissing') };
  const side = (id: 'q' | 'k' | 'v', values: Float32Array, rows: number, cols: number, labels: string[], color: ColorScale): StageHeatmap => ({
    testId: `heatmap-${id}`,
    spec: {
      values, rows, cols, rowLabels: labels, colLabels: dimLabels(cols), color, poolBy: 'magnitude', valueText: SCORE_TEXT,
      rowAxisTitle: id === 'q' ? t('stage.query') : t('stage.key'), colAxisTitle: t('stage.dimension'), title: t(`lesson.stage.${id}`),
      greyRows: id === 'q' ? slice.paddedRows : undefined,
      // the rows of K and V are keys
      ariaLabel: t(id === 'q' ? 'stage.heatmapLabel' : 'stage.heatmapLabelKeys', { stage: t(`lesson.stage.${id}`), batch: slice.batch, head: slice.head, rows, cols }),
    },
  });
  return {
    ...card,
    legend: null,
    heatmaps: [
      side('q', qkv.q, qkv.queryLength, qkv.dK, p.queryTokens, scales.q),
      side('k', qkv.k, qkv.keyLength, qkv.dK, p.keyTokens, scales.k),
      side('v', qkv.v, qkv.keyLength, qkv.dV, p.keyTokens, scales.v),
    ],
  };
}

/** The output [Lq × dV]: the rows of the stages, the value dimensions as columns. */
function outputCard(p: StageCardsProps, scale: ColorScale, t: T): StageCard {
  const { slice, hovered } = p;
  const dims = dimLabels(slice.dV);
  return {
    id: 'output', title: t('stage.output'), note: t('stage.outputNote'), legend: { kind: 'output', scale, showBlocked: false, showPadded: false },
    heatmaps: [{
      testId: 'heatmap-output',
      spec: {
        values: slice.output, rows: slice.rows, cols: slice.dV, rowLabels: p.queryTokens, colLabels: dims, color: scale, poolBy: 'magnitude',
        greyRows: slice.paddedRows, flaggedRows: slice.fullyMaskedRows, rowAxisTitle: t('stage.query'), colAxisTitle: t('stage.dimension'),
        valueText: SCORE_TEXT, selectedRow: p.selectedRow >= 0 && p.selectedRow < slice.rows ? p.selectedRow : -1, onSelectRow: p.onSelectRow,
        ariaLabel: t('stage.heatmapLabel', { stage: t('stage.output'), batch: slice.batch, head: slice.head, rows: slice.rows, cols: slice.dV }),
        highlight: hovered ? { row: hovered.row, col: hovered.stage === 'output' ? hovered.col : -1 } : null,
        onHover: (cell) => p.onHover(cell && { ...cell, stage: 'output' }),
      },
    }],
  };
}

const dimLabelCache = new Map<number, string[]>();

/** Labels d0 … d(n−1) of n dimensions: the same array for the same n, so a redraw keeps its axes. */
export function dimLabels(n: number): string[] {
  let labels = dimLabelCache.get(n);
  if (!labels) {
    labels = Array.from({ length: n }, (_, d) => `d${d}`);
    dimLabelCache.set(n, labels);
  }
  return labels;
}
