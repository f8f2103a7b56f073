/**
 * Status line: which engine path ran and why, its precision, the time of the last compute (or
 * progress, or "preparing"), the shape, and fully masked rows. Why "auto" picked its path, and
 * what it measured on the device, sit in a disclosure ("auto (why?)") that opens over the page:
 * the measurement lands seconds after the first result and restates the reason, and text in the
 * line's flow would move everything under it — the heatmaps included, mid-drag.
 */
import { useT } from './i18n/useT';
import type { StageSet } from '../engine/headStages';
import type { DeviceInfo } from '../engine/pathChoice';
import { calibratedFor, type CostModel } from '../engine/calibration';
import type { EnginePath as Path } from '../engine/types';
import type { RunInfo } from '../worker/protocol';
import { useProgress, type ProgressStore } from './useProgress';
import { countFullyMasked, type StageSlice } from '../compute/slices';

interface Props {
  device: DeviceInfo | null;
  run: RunInfo | null;
  set: StageSet | null;
  slice: StageSlice | null;
  computing: boolean;
  /** The path whose tfjs backend is being prepared, or null. */
  preparing: Path | null;
  projecting: boolean;
  /** Progress of `job`, the computation in flight (null when none is). */
  progress: ProgressStore;
  job: unknown;
  /** Where device.calibration came from (engine client): shown as data-source. */
  calibrationSource?: 'stored' | 'measured' | null;
}

export function StatusLine({ device, run, set, slice, computing, preparing, projecting, progress, job, calibrationSource = null }: Props) {
  const { t } = useT();
  if (!run && device && job === null && !computing) return <div className="status" role="status">{t('status.noResult')}</div>;
  // a result computed on the page before the worker has probed the device (a cold start) is said as any other
  if (!run && (!device || !computing)) return <div className="status" role="status">{t('status.starting')}</div>;
  const shape = set?.shape;
  // only the head on screen so far (the others follow in a moment): no count over every head yet
  const partial = run?.onPage === 'focus';
  const masked = set ? countFullyMasked(set) : { rows: 0, heads: 0 };
  const inView = slice ? slice.fullyMaskedRows.reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="status" role="status" data-testid="status">
      {run ? <EnginePath run={run} device={device} calibrationSource={calibrationSource} /> : <span>{t('status.starting')}</span>}
      {run && (
        <span>
          {t('status.precision')}{t('status.colon')}<span data-testid="status-precision" data-precision={run.precision}>{t(`status.${run.precision}`)}</span>
        </span>
      )}
      <span data-testid="status-time">
        {!computing && !preparing && !projecting && `${t('status.lastCompute')}${t('status.colon')}`}
        <Progress computing={computing} preparing={preparing} projecting={projecting} store={progress} job={job} ms={run?.ms ?? null} />
      </span>
      {/* the head on screen first ('focus') is a step of computing every head on the page: the same words */}
      {run?.onPage && !computing && <span data-testid="status-on-page" data-kind={run.onPage}>{t(`engine.onPage.${run.onPage === 'focus' ? 'whole' : run.onPage}`)}</span>}
      {shape && <span>{t('status.shape', { batch: shape.batch, heads: shape.heads, lq: shape.queryLength, lk: shape.keyLength, dK: shape.dK })}</span>}
      {set && masked.heads < set.heads.length && !partial && (
        <span data-testid="status-on-demand">{t('engine.onDemand', { count: masked.heads, total: set.heads.length })}</span>
      )}
      {masked.rows > 0 && slice && (
        <span className="warn-text" data-testid="status-fully-masked">
          <FullyMasked inView={inView} rows={slice.rows} total={partial ? null : masked.rows} />
        </span>
      )}
    </div>
  );
}

/** Fully masked rows: `inView` of the `rows` shown, and `total` in every head (null: not known yet). */
function FullyMasked({ inView, rows, total }: { inView: number; rows: number; total: number | null }) {
  const { t } = useT();
  if (total === null) return t('status.fullyMaskedHere', { count: inView, rows });
  return inView === 0 ? t('status.fullyMaskedElsewhere', { total }) : t('status.fullyMaskedRows', { count: inView, rows, total });
}

/** Reasons that say a warning (a GPU fault, float16 positions): shown in the line, not behind "why?". */
const WARNING_REASONS: readonly RunInfo['reason'][] = ['gpuFault', 'float16Long'];

/**
 * The path that ran and why; `device` null while the worker has not probed it (then no path needs
 * it: on-page runs are plain JS). "auto"'s reasons and figures are in a closed disclosure.
 */
function EnginePath({ run, device, calibrationSource }: { run: RunInfo; device: DeviceInfo | null; calibrationSource: 'stored' | 'measured' | null }) {
  const { t } = useT();
  const name = run.path === 'webgl' ? t('engine.path.webgl', { version: run.backend?.webglVersion ?? device?.webglVersion ?? 0 }) : t(`engine.path.${run.path}`);
  const reason = t(`engine.reason.${run.reason}`, { renderer: shortRenderer(device?.renderer ?? '') });
  const inLine = run.reason === 'chosen' || WARNING_REASONS.includes(run.reason);
  return (
    <div className="status-engine" data-testid="status-backend" data-path={run.path} data-backend={run.backend?.name ?? 'js'} data-simd={run.simd === true}>
      {t('engine.label')}{t('status.colon')}<b>{name}</b>
      {inLine && <span className="reason">{t('status.parens', { text: reason })}</span>}
      {run.simd === true && <span data-testid="status-simd"> · {t('engine.simd')}</span>}
      {run.workers !== undefined && run.workers > 1 && <span data-testid="status-workers"> · {t('engine.workers', { count: run.workers })}</span>}
      {run.backend?.fallbackReason && <span className="fallback"> — {t('status.fallback', { reason: run.backend.fallbackReason })}</span>}
      {!inLine && (
        <details className="engine-why" data-testid="status-why">
          <summary>{t('engine.why')}</summary>
          {/* over the page, not in its flow: the figures landing while it is open move nothing */}
          <div className="why-panel">
            <span className="reason">{reason}</span>
            {device && isCalibrated(run.reason) && <CalibrationFigures device={device} source={calibrationSource} />}
          </div>
        </details>
      )}
    </div>
  );
}

/** The figures are shown beside the reason they explain: a path "auto" picked by the measurement. */
function isCalibrated(reason: RunInfo['reason']): boolean {
  return reason === 'calibratedJs' || reason === 'calibratedWebgl';
}

/**
 * What "auto" measured on this device (engine/calibration.ts): each path's cost per cell and fixed
 * cost (left out when under 0.05 ms, as plain JS's usually is).
 */
function CalibrationFigures({ device, source }: { device: DeviceInfo; source: 'stored' | 'measured' | null }) {
  const { t } = useT();
  const calibration = device.calibration;
  if (!calibratedFor(calibration, device.renderer)) return null;
  const cost = (model: CostModel) => {
    const perCell = Number((model.perCellMs * 1000).toPrecision(2));
    return model.fixedMs < 0.05 ? t('engine.calibration.perCell', { perCell }) : t('engine.calibration.cost', { perCell, fixed: model.fixedMs.toFixed(1) });
  };
  const figures = {
    renderer: shortRenderer(calibration.renderer),
    js: cost(calibration.js),
    webgl: calibration.webgl ? cost(calibration.webgl) : t('engine.calibration.noWebgl'),
  };
  return (
    <span data-testid="status-calibration" data-source={source ?? ''} data-measured-at={calibration.measuredAt}>
      {t('engine.calibration.figures', figures)}
    </span>
  );
}

interface ProgressProps {
  computing: boolean;
  preparing: Path | null;
  projecting: boolean;
  store: ProgressStore;
  job: unknown;
  ms: number | null;
}

function Progress({ computing, preparing, projecting, store, job, ms }: ProgressProps) {
  const { t } = useT();
  const progress = useProgress(store, job);
  if (preparing) return <span data-testid="status-preparing">{t(preparing === 'webgl' ? 'engine.preparing' : 'engine.preparingCpu')}</span>;
  if (projecting && !progress) return <span data-testid="status-projecting">{t('engine.projecting')}</span>;
  if (computing && progress && progress.total > 0) {
    const percent = Math.floor((100 * progress.done) / progress.total);
    return (
      <>
        <progress max={progress.total} value={progress.done} aria-label={t('engine.progress', { percent })} />{' '}
        {t('engine.progress', { percent })}
      </>
    );
  }
  if (computing) return <>{t('status.computing')}</>;
  return <>{ms === null ? '—' : `${ms.toFixed(1)} ms`}</>;
}

/** "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …" → "SwiftShader"; else the string, shortened. */
function shortRenderer(renderer: string): string {
  const known = /swiftshader|llvmpipe|softpipe/i.exec(renderer);
  if (known) return known[0];
  return renderer.length > 40 ? `${renderer.slice(0, 40)}…` : renderer;
}
