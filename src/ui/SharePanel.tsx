/**
 * The Share panel (issue #12 §1): what students see and may change (each control and panel
 * visible, locked or hidden), where the link opens (presentation mode, step, scroll target),
 * the link itself with Copy (the clipboard, or the text selected when that is refused), and its
 * QR code. Nothing here changes the page; "Open this link here" applies the link.
 */
import { useRef, useState } from 'react';
import { useT } from './i18n/useT';
import { FOCUS_TARGETS, PIPELINE_STEPS, type FocusTarget, type PipelineStep, type Scenario } from '../state/scenario';
import { choiceOf, shareLink, type Landing, type ShapeChoice } from './shareLink';
import { ShareControls } from './ShareControls';
import { QrCode } from './QrCode';
import { isLoopbackHost } from './loopbackHost';

interface Props {
  scenario: Scenario;
  onClose(): void;
}

export function SharePanel({ scenario, onClose }: Props) {
  const { t } = useT();
  const [choice, setChoice] = useState<ShapeChoice>(() => choiceOf(scenario));
  const [landing, setLanding] = useState<Landing>({ present: scenario.present, step: scenario.step, focus: scenario.focus });
  const base = `${window.location.origin}${window.location.pathname}`;
  const link = shareLink(base, scenario, choice, landing);
  return (
    <div className="share-panel" data-testid="share-panel">
      <header className="share-head">
        <h2 id="share-title">{t('share.title')}</h2>
        <button type="button" onClick={onClose} data-testid="share-close">{t('share.close')}</button>
      </header>
      <div className="share-body">
        <ShareControls choice={choice} onChange={setChoice} />
        <div className="share-side">
          <LandingFields landing={landing} onChange={setLanding} />
          {isLoopbackHost(window.location.hostname) && (
            <p className="banner warning" role="note" data-testid="share-local-only">{t('share.localOnly', { host: window.location.host })} <code>npm run dev -- --host</code></p>
          )}
          <LinkField link={link} />
          <h3>{t('share.qrHeading')}</h3>
          <QrCode text={link} />
        </div>
      </div>
    </div>
  );
}

function LandingFields({ landing, onChange }: { landing: Landing; onChange(next: Landing): void }) {
  const { t } = useT();
  const focusLabel = (f: FocusTarget) => (f === '' ? t('share.focusNone') : t(`share.focusTargets.${f}`));
  return (
    <fieldset className="share-landing">
      <legend>{t('share.landHeading')}</legend>
      <label className="toggle">
        <input type="checkbox" checked={landing.present} onChange={(e) => onChange({ ...landing, present: e.target.checked })} data-testid="share-present" />
        <span>{t('share.present')}</span>
      </label>
      <label className="field inline">
        <span>{t('share.step')}</span>
        <select value={landing.step} onChange={(e) => onChange({ ...landing, step: e.target.value as PipelineStep })} data-testid="share-step">
          {PIPELINE_STEPS.map((s) => <option key={s} value={s}>{t(`lesson.steps.${s}`)}</option>)}
        </select>
      </label>
      <label className="field inline">
        <span>{t('share.focus')}</span>
        <select value={landing.focus} onChange={(e) => onChange({ ...landing, focus: e.target.value as FocusTarget })} data-testid="share-focus">
          {FOCUS_TARGETS.map((f) => <option key={f} value={f}>{focusLabel(f)}</option>)}
        </select>
      </label>
    </fieldset>
  );
}

function LinkField({ link }: { link: string }) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'' | 'copied' | 'failed'>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('failed');
    }
  };
  return (
    <div className="share-link">
      <label className="field">
        <span>{t('share.linkLabel')}</span>
        <input ref={input} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void copy()} data-testid="share-copy">{t('share.copy')}</button>
        <a href={link} data-testid="share-open-link">{t('share.open')}</a>
      </div>
      <p className="hint" role="status" aria-live="polite">{status === 'copied' ? t('share.copied') : status === 'failed' ? t('share.copyFailed') : ''}</p>
    </div>
  );
}
