/**
 * A link as a QR code (the `qrcode` package, bundled as a chunk of its own, loaded when a code is
 * first drawn: it is not needed for the first paint), drawn on a <canvas> — no HTML strings, as
 * the page's Trusted Types policy requires. Error correction M (15 % of the code may be
 * damaged), at least QR_MIN_PX CSS px so that it scans from the back of a classroom, and a
 * "show large" view that fills the screen. A link past a QR code's capacity (about 2 300 bytes
 * at level M) gets a message instead.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from './i18n/useT';

/** Smallest edge of the QR code, CSS px. */
export const QR_MIN_PX = 320;

/** Draws `text` on `canvas` at `size` CSS px (sharp on high-density screens); false when it does not fit a QR code. */
async function drawQr(canvas: HTMLCanvasElement, text: string, size: number): Promise<boolean> {
  const { default: QRCode } = await import('qrcode'); // a failed load is not "too long": it rejects
  try {
    await QRCode.toCanvas(canvas, text, { errorCorrectionLevel: 'M', margin: 4, width: Math.round(size * (window.devicePixelRatio || 1)) });
    canvas.style.width = `${size}px`;
    canvas.style.height = `${size}px`;
    return true;
  } catch {
    return false;
  }
}

function QrCanvas({ text, size, testId, onFail }: { text: string; size: number; testId: string; onFail(text: string): void }) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState('');
  useEffect(() => {
    let live = true;
    if (canvas.current) {
      void drawQr(canvas.current, text, size).then((ok) => {
        if (!live) return;
        if (ok) setDrawn(text);
        else onFail(text);
      }, () => undefined); // the code's chunk did not load: the canvas stays empty, the link above it still copies
    }
    return () => { live = false; };
  }, [text, size, onFail]);
  return <canvas ref={canvas} className="qr-canvas" role="img" aria-label={t('share.qrAlt')} data-testid={testId} data-text={drawn === text ? text : undefined} />;
}

export function QrCode({ text }: { text: string }) {
  const { t } = useT();
  const [failedFor, setFailedFor] = useState('');
  const [large, setLarge] = useState(false);
  const fail = useCallback((failed: string) => setFailedFor(failed), []);
  if (failedFor === text) {
    return <p className="banner warning" role="status" data-testid="qr-too-long">{t('share.qrTooLong', { count: text.length })}</p>;
  }
  const largeSize = Math.max(QR_MIN_PX, Math.floor(Math.min(window.innerWidth, window.innerHeight) * 0.9));
  return (
    <div className="qr">
      <QrCanvas text={text} size={QR_MIN_PX} testId="qr-code" onFail={fail} />
      <button type="button" onClick={() => setLarge(true)} data-testid="qr-show-large">{t('share.showLarge')}</button>
      {large && (
        <div className="qr-large" role="group" aria-label={t('share.qrAlt')} data-testid="qr-large"
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); e.preventDefault(); setLarge(false); } }}
        >
          <QrCanvas text={text} size={largeSize} testId="qr-code-large" onFail={fail} />
          <button type="button" autoFocus onClick={() => setLarge(false)}>{t('share.closeLarge')}</button>
        </div>
      )}
    </div>
  );
}
