/** "Export JSON" (downloads the current computation) and "Copy link" (the URL reproduces the view). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionShape } from '../engine/types';

/** Rough size of an export in bytes: ~10 characters per number for every stage array. */
export function estimateExportBytes(s: AttentionShape): number {
  const cells = s.batch * s.heads * s.queryLength * s.keyLength;
  const vectors = s.batch * s.heads * (s.queryLength * (s.dK + s.dV) + s.keyLength * (s.dK + s.dV));
  return 10 * (3 * cells + vectors);
}

/** Above this, the user is asked before the export is built. */
export const LARGE_EXPORT_BYTES = 50e6;

/** `shape` null disables the button; `hint` then says why (as its title). */
export function ExportButton({ build, shape, hint }: { build(): unknown; shape: AttentionShape | null; hint?: string }) {
  const { t } = useTranslation();
  const onClick = () => {
    if (!shape) return;
    const megabytes = Math.round(estimateExportBytes(shape) / 1e6);
    if (megabytes * 1e6 > LARGE_EXPORT_BYTES && !window.confirm(t('export.large', { megabytes }))) return;
    const blob = new Blob([JSON.stringify(build())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `maskscope-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" onClick={onClick} disabled={!shape} title={shape ? undefined : hint} data-testid="export-json">
      {t('export.button')}
    </button>
  );
}

export function CopyLinkButton() {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const onClick = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt(t('export.copyLink'), window.location.href);
    }
  };
  return (
    <button type="button" onClick={() => void onClick()}>
      {copied ? t('export.copied') : t('export.copyLink')}
    </button>
  );
}
