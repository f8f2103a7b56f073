/**
 * "A new version is ready — Reload / Later": shown when a new deployment's service worker is
 * installed and waits (registerOffline.ts). A prompt rather than an automatic reload, so that a
 * teacher mid-lesson decides when the page changes; until then the page keeps running its own
 * version, online or offline. Polite (role="status"), in a corner, out of print.
 */
import { useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n/useT';
import { getOfflineState, subscribeOffline } from './offlineState';
import { applyUpdate } from './registerOffline';
import './offline.css';

export function UpdatePrompt() {
  const { t } = useT();
  const { status } = useSyncExternalStore(subscribeOffline, getOfflineState);
  const [later, setLater] = useState(false);
  if (status !== 'update' || later) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <p>
        <strong>{t('offline.updateReady')}</strong> {t('offline.updateHint')}
      </p>
      <div className="update-prompt-actions">
        <button type="button" className="primary" onClick={() => void applyUpdate()}>{t('offline.reload')}</button>
        <button type="button" onClick={() => setLater(true)}>{t('offline.later')}</button>
      </div>
    </div>
  );
}
