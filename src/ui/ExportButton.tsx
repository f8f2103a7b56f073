/** "Export JSON" (downloads the current computation) and "Copy link" (the URL reproduces the view). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ExportButton({ build, disabled }: { build(): unknown; disabled: boolean }) {
  const { t } = useTranslation();
  const onClick = () => {
    const blob = new Blob([JSON.stringify(build(), null, 1)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `maskscope-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" onClick={onClick} disabled={disabled} data-testid="export-json">
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
