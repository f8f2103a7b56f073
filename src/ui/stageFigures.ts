/**
 * What the Figure menus export (issue #12 §3): for a stage card, its figure (the card's heatmaps
 * with its title and legend, built by viz/figureHeatmap.ts from the same specs and colour scales
 * the screen draws) and its matrices (the numbers the card shows, for CSV and copies); for the
 * whole view, the cards in one figure with a line saying what the scenario is.
 */
import type { useTranslation } from 'react-i18next';
import type { Scenario } from '../state/scenario';
import { composeFigures } from '../viz/figureCompose';
import { heatmapFigure } from '../viz/figureHeatmap';
import type { FigureLegend } from '../viz/figureLegend';
import type { Figure } from '../viz/figureTypes';
import type { HeatmapSpec } from '../viz/types';
import { LEGEND_TITLE_KEYS } from './Legend';
import type { MatrixData } from './matrixFormats';
import type { StageCard } from './stageCards';

type T = ReturnType<typeof useTranslation>['t'];

/** One matrix a menu can write as CSV or copy. */
export interface FigureMatrix {
  /** File-name stem, e.g. 'weights', 'q'. */
  id: string;
  /** Shown in the menu, e.g. "Weights", "Q". */
  name: string;
  data: MatrixData;
}

/** Everything one Figure menu offers. */
export interface FigureTarget {
  /** File-name stem of the figure, e.g. 'weights', 'qkv', 'pipeline'. */
  id: string;
  /** What it is, for the menu's label. */
  name: string;
  batch: number;
  head: number;
  /** The figure, built when asked (a PNG or SVG is requested, or the handout is printed). */
  figure(): Figure;
  /** Its matrices (none for a whole view). */
  matrices: FigureMatrix[];
}

/** A card's legend as a figure legend, with the texts Legend.tsx shows. */
export function figureLegendOf(legend: StageCard['legend'], maskColor: (v: number) => string, t: T): FigureLegend | null {
  if (legend === null) return null;
  if (legend.kind === 'mask') {
    const items: Extract<FigureLegend, { kind: 'swatches' }>['items'] = [
      { swatch: 'allowed', label: t('stage.allowed') },
      { swatch: 'blocked', label: t('stage.blockedCell') },
    ];
    if (legend.showPadded) items.push({ swatch: 'padded', label: t('stage.paddedRow') });
    return { kind: 'swatches', allowedColor: maskColor(1), items };
  }
  const blockedLabel = !legend.showBlocked ? '' : legend.kind === 'weights' ? t('lesson.stage.blockedWeight') : t('stage.blocked');
  return { kind: 'bar', color: legend.scale, title: legend.title ?? t(LEGEND_TITLE_KEYS[legend.kind]), blockedLabel };
}

/**
 * The numbers a heatmap writes in its cells (its valueText values, e.g. the weights when coloured ÷
 * row maximum; valueText.blockedValue in its blocked cells, e.g. −∞ for the Masked scores), as a
 * matrix. No copy: the writers (matrixFormats.ts) put blockedValue in as they write.
 */
export function specMatrix(spec: HeatmapSpec, kind: MatrixData['kind']): MatrixData {
  return {
    rows: spec.rows, cols: spec.cols, values: spec.valueText?.values ?? spec.values, rowLabels: spec.rowLabels, colLabels: spec.colLabels,
    rowTitle: spec.rowAxisTitle ?? 'query', colTitle: spec.colAxisTitle ?? 'key', kind,
    blockedValue: spec.valueText?.blockedValue, blocked: spec.blocked,
  };
}

/** The figure of a card: its heatmap titled "<stage> · batch item b, head h" with its legend; Q, K and V side by side. */
export function cardFigure(card: StageCard, batch: number, head: number, t: T, doc: Document): Figure {
  const title = t('figures.titleOf', { stage: card.title, batch, head });
  const legendOf = (spec: HeatmapSpec) => figureLegendOf(card.legend, spec.color, t);
  if (card.heatmaps.length === 1) {
    const spec = card.heatmaps[0]!.spec;
    return heatmapFigure({ ...spec, title }, legendOf(spec), doc);
  }
  const parts = card.heatmaps.map(({ spec }) => heatmapFigure(spec, legendOf(spec), doc));
  return composeFigures(parts, { title, fontSize: 15 }, doc);
}

/** The Figure menu's target of a stage card: its figure and its matrices (Q, K, V for the vectors' card). */
export function cardTarget(card: StageCard, batch: number, head: number, t: T): FigureTarget {
  const kind = card.id === 'mask' ? 'mask' : 'number';
  const matrices = card.heatmaps.map(({ spec, testId }) => {
    const id = card.heatmaps.length === 1 ? card.id : testId.replace('heatmap-', '');
    return { id, name: card.heatmaps.length === 1 ? card.title : spec.title ?? id, data: specMatrix(spec, kind) };
  });
  return { id: card.id, name: card.title, batch, head, matrices, figure: () => cardFigure(card, batch, head, t, document) };
}

/** The whole pipeline: every card with a heatmap, in order, with arrows, under a heading and the scenario's summary. */
export function pipelineTarget(cards: readonly StageCard[], batch: number, head: number, summary: string, t: T): FigureTarget {
  const figure = () => composeFigures(
    cards.filter((c) => c.heatmaps.length > 0).map((c) => cardFigure(c, batch, head, t, document)),
    { title: t('figures.pipelineTitle'), subtitle: summary, arrows: true },
    document,
  );
  return { id: 'pipeline', name: t('figures.pipelineName'), batch, head, matrices: [], figure };
}

/**
 * The masks of the pipeline's attention in words, e.g. "causal (bottom-right) + key padding", or
 * "no mask" — for `attn=encdec` those of its cross-attention (key padding at most: never causal,
 * and the view leaves the extra masks out, encdecInputs.ts EXTRA_MASK_FIELDS):
 * the figure's caption and the quiz's question name them (the masks' own ids for `m`, the formula
 * for `cm`).
 */
export function maskSummary(s: Scenario, t: T): string {
  const p = (key: string, values?: Record<string, unknown>) => t(`figures.summaryParts.${key}`, values);
  const masks: string[] = [];
  // attn=encdec: the cross-attention, never causal (the decoder's self-attention is), no extra masks
  const extras = s.attention !== 'encdec';
  if (s.causal && extras) masks.push(p('causal', { alignment: p(s.causalAlignment === 'top-left' ? 'topLeft' : 'bottomRight') }));
  if (s.keyPadding && s.inputMode === 'text') masks.push(p('keyPadding'));
  if (s.masks !== '' && extras) masks.push(p('extra', { masks: s.masks }));
  if (s.customMask !== '' && extras) masks.push(p('custom', { formula: s.customMask }));
  if (s.paint !== '' && extras) masks.push(p('painted'));
  return masks.length > 0 ? masks.join(' + ') : p('none');
}

/**
 * One line saying what the scenario computes, e.g. "self-attention · Lq = 6, Lk = 6, dK = 8 ·
 * causal (bottom-right) + key padding · batch item 0, head 1".
 */
export function scenarioSummary(s: Scenario, shape: { rows: number; cols: number; batch: number; head: number }, t: T): string {
  const p = (key: string, values?: Record<string, unknown>) => t(`figures.summaryParts.${key}`, values);
  const modifiers: string[] = [];
  if (s.temperature !== 1) modifiers.push(p('temperature', { tau: s.temperature }));
  if (s.alibi) modifiers.push(p('alibi'));
  if (s.softcap > 0) modifiers.push(p('softcap', { c: s.softcap }));
  return t('figures.summary', {
    attention: p(s.attention), lq: shape.rows, lk: shape.cols, dk: s.dK,
    masks: maskSummary(s, t), modifiers: modifiers.length > 0 ? ` · ${modifiers.join(', ')}` : '',
    batch: shape.batch, head: shape.head,
  });
}
