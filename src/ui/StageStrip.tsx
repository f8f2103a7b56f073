/**
 * The stages of one (batch item, head) in pipeline order, left to right with arrows between them:
 * Q, K, V → scores → scaled → (logits) → mask → masked → weights → output. The strip scrolls
 * sideways; the current step's card is marked and brought into view when the step changes. The
 * stage heatmaps share one zoom (useZoom): the same window of rows × keys, the output the same
 * rows; the zoom bar above says which. Painting and the cost panel sit on the Mask card.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useT } from './i18n/useT';
import type { HeatmapSpec } from '../viz/heatmap';
import type { ViewAction } from '../viz/viewport';
import { tileStates } from '../engine/maskCost';
import { CostPanel } from './CostPanel';
import { Heatmap } from './Heatmap';
import { Legend } from './Legend';
import { PaintBar, usePaintHandlers, type PaintMode } from './PaintBar';
import { paintedFlags } from '../scenario/paintTerm';
import { useStageCards, type StageCard, type StageCardsProps } from './stageCards';
import { useZoom } from './useZoom';
import { ZoomBar } from './ZoomBar';
import { TARGET_MATRIX_PX } from '../viz/layout';
import { shownStep, stepsOf } from './pipelineSteps';
import { QuizCover } from './QuizCover';
import { FigureMenu } from './FigureMenu';
import { cardTarget, pipelineTarget } from './stageFigures';

interface Props extends StageCardsProps {
  tileSize: number;
  onTileSize(size: number): void;
  paint: { mode: PaintMode; text: string; onMode(m: PaintMode): void; onPaint(row: number, col: number, allow: boolean): void; onClear(): void };
  /** Stages covered by an unrevealed quiz: their heatmaps, legends and notes are not in the page. */
  covered?: ReadonlySet<string>;
  /** One line saying what the scenario is, under the heading of the whole pipeline's figure. */
  figureSummary?: string;
}

/** Memoised: skipped when the page re-renders for another reason (a setting, a hover elsewhere). */
export const StageStrip = memo(function StageStrip(props: Props) {
  const { t } = useT();
  const { slice, paint, tileSize } = props;
  const cards = useStageCards(props);
  const zoom = useZoom(slice.rows, slice.cols);
  const { view } = zoom;
  const zoomable = zoom.canZoomIn || zoom.canZoomOut;
  const painter = usePaintHandlers(paint.mode, paint.onPaint);
  const marked = useMemo(() => (paint.text ? paintedFlags(paint.text, slice.rows, slice.cols) : undefined), [paint.text, slice.rows, slice.cols]);
  const tiles = useMemo(() => (tileSize > 0 ? tileStates(slice.mask, slice.rows, slice.cols, tileSize) : undefined), [slice.mask, slice.rows, slice.cols, tileSize]);
  const current = shownStep(props.step, stepsOf(props.showLogits));
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const card = strip.current?.querySelector<HTMLElement>(`[data-stage="${current}"]`);
    const box = strip.current;
    if (!card || !box) return;
    // sideways only: the page itself does not jump
    const left = card.offsetLeft - box.offsetLeft;
    if (left < box.scrollLeft || left + card.offsetWidth > box.scrollLeft + box.clientWidth) box.scrollTo({ left: Math.max(0, left - 8) });
  }, [current]);

  // The output heatmap follows the rows of the view; its gestures move rows only.
  const onOutputView = (a: ViewAction) =>
    zoom.dispatch(a.kind === 'zoom' ? { ...a, col: view.col0 + view.cols / 2 } : a.kind === 'pan' ? { ...a, cols: 0 } : a.kind === 'reveal' ? { ...a, col: -1 } : a);
  const hintOn = (key: string) => (zoomable ? () => zoom.showHint(key) : undefined);
  const zoomed = (card: StageCard, spec: HeatmapSpec): HeatmapSpec => {
    // Q, K and V as tall as a stage at most (a long sequence pools their rows): the strip of stages keeps one height
    if (card.id === 'qkv') return { ...spec, maxMatrixHeight: TARGET_MATRIX_PX };
    if (card.id === 'output') {
      return { ...spec, maxMatrixHeight: TARGET_MATRIX_PX, view: { row0: view.row0, rows: view.rows, col0: 0, cols: slice.dV }, onViewAction: onOutputView, onZoomHint: hintOn('output') };
    }
    return { ...spec, view, onViewAction: zoom.dispatch, onZoomHint: hintOn(card.id) };
  };
  const framed = (id: string, heatmap: React.ReactNode) => (
    <div className="heatmap-frame">
      {heatmap}
      {zoom.hint === id && <p className="zoom-wheel-hint" role="status">{t('zoom.wheelHint')}</p>}
    </div>
  );
  const maskBody = (card: StageCard) => {
    const { spec, testId } = card.heatmaps[0]!;
    const onHover = spec.onHover;
    // While painting, a plain drag paints, Shift + drag pans, and a click paints rather than selecting a row.
    const painting = paint.mode !== 'off';
    const maskSpec: HeatmapSpec = {
      ...zoomed(card, spec), tiles, marked, panNeedsModifier: painting, onSelectRow: painting ? undefined : spec.onSelectRow,
      // a screen reader hears that Space now paints (and what), not only the arrow keys
      ariaLabel: painting ? `${spec.ariaLabel} ${t('paint.label')}: ${t(`paint.${paint.mode}`)}. ${t('paint.hint')}` : spec.ariaLabel,
      onHover: (cell) => {
        painter.onCell(cell);
        onHover?.(cell);
      },
    };
    const handlers = { ...painter.handlers, onPointerDown: (e: React.PointerEvent) => !e.shiftKey && painter.handlers.onPointerDown() };
    return (
      <>
        <PaintBar mode={paint.mode} onMode={paint.onMode} paint={paint.text} onClear={paint.onClear} />
        <div className={painting ? 'painting' : undefined} {...handlers}>
          {framed('mask', <Heatmap spec={maskSpec} testId={testId} />)}
        </div>
      </>
    );
  };
  return (
    <>
      <div className="view-figures">
        <ZoomBar zoom={zoom} rows={slice.rows} cols={slice.cols} around={props.hovered?.stage === 'cells' ? props.hovered : null} />
        {!props.covered && <FigureMenu target={pipelineTarget(cards, slice.batch, slice.head, props.figureSummary ?? '', t)} onPrint={() => window.print()} />}
      </div>
      <div className="stage-strip" ref={strip} data-testid="stage-strip">
        {cards.map((card, i) => (
          <div key={card.id} className="stage-step">
            {i > 0 && <span className="stage-arrow" aria-hidden="true">→</span>}
            <figure className={card.id === current ? 'stage current' : 'stage'} data-stage={card.id} aria-current={card.id === current ? 'step' : undefined}>
              <figcaption>
                <h3>{card.title}</h3> {!props.covered?.has(card.id) && <span className="note">{card.note}</span>}
                {card.heatmaps.length > 0 && !props.covered?.has(card.id) && <FigureMenu target={cardTarget(card, slice.batch, slice.head, t)} />}
              </figcaption>
              {card.missing && <p className="hint">{card.missing}</p>}
              {props.covered?.has(card.id) ? <QuizCover step={card.id} /> : card.id === 'mask' ? maskBody(card) : (
                <div className={card.id === 'qkv' ? 'qkv-row' : undefined}>
                  {card.heatmaps.map(({ spec, testId }) => <div key={testId}>{framed(card.id, <Heatmap spec={zoomed(card, spec)} testId={testId} />)}</div>)}
                </div>
              )}
              {card.legend && !props.covered?.has(card.id) && <Legend {...card.legend} />}
              {card.id === 'mask' && !props.covered?.has(card.id) && (
                <CostPanel mask={slice.mask} rows={slice.rows} cols={slice.cols} tileSize={tileSize > 0 ? tileSize : null} onTileSize={(size) => props.onTileSize(size ?? 0)} />
              )}
            </figure>
          </div>
        ))}
      </div>
    </>
  );
});
