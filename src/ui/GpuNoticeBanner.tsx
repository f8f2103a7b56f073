/**
 * What happened to the GPU or the engine worker (compute/engineClient.ts): a lost WebGL context,
 * a stalled or crashed worker, WebGL back after passing its check, or still set aside.
 */
import { useT } from './i18n/useT';
import type { GpuHealth } from '../compute/engineTypes';

export function GpuNoticeBanner({ gpu, onDismiss }: { gpu: GpuHealth; onDismiss(): void }) {
  const { t } = useT();
  const notice = gpu.notice;
  if (!notice) return null;
  const fault = notice.kind !== 'restored';
  return (
    <div className={`banner ${fault ? 'warning' : 'note'}`} role="alert" data-testid="gpu-notice" data-kind={notice.kind} data-usable={gpu.usable}>
      <p>
        {t(`engine.fault.${notice.kind}`, { ...notice })}
        {fault && notice.kind !== 'checkFailed' && <> {t('engine.fault.checking')}</>}
      </p>
      <button type="button" onClick={onDismiss}>{t('engine.fault.dismiss')}</button>
    </div>
  );
}
