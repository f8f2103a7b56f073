/** "Export JSON" (downloads the current computation) and "Copy link" (the URL reproduces the view). */
import { useEffect, useRef, useState } from 'react';
import { useT } from './i18n/useT';
import type { AttentionShape } from '../engine/types';
import type { Scenario } from '../state/scenario';
import { encodeScenario } from '../state/urlCodec';

/**
 * Rough size of an export in bytes: about 20 characters per number (JSON of float32 values such
 * as "-0.12345678,") for the four [B,H,Lq,Lk] stages of numbers and the vectors, and 6 for each
 * cell of the mask ("false,").
 */
export function estimateExportBytes(s: AttentionShape): number {
  const cells = s.batch * s.heads * s.queryLength * s.keyLength;
  const vectors = s.batch * s.heads * (s.queryLength * (s.dK + s.dV) + s.keyLength * (s.dK + s.dV));
  return 20 * (4 * cells + vectors) + 6 * cells;
}

/** Above this, the user is asked before the export is built. */
export const LARGE_EXPORT_BYTES = 50e6;
/** Above this, no export: exports of ~140 MB were seen to fail silently in Chromium (string and Blob sizes). */
export const MAX_EXPORT_BYTES = 100e6;
/** How long a note saying why there is no file stays, in ms. */
const NOTE_MS = 10_000;

/**
 * Downloads `build()` as JSON. `shape` (of the current settings) null, when there is nothing to
 * export, disables it; `problem` (e.g. only some heads computed) keeps it focusable and says what
 * to change when pressed; so does an export over MAX_EXPORT_BYTES. Pressed while `busy` (the
 * current settings are still being computed), it says so and exports once they are (or drops the
 * wait if the inputs turn invalid). A failure is said next to the button, never silent.
 */
export function ExportButton({ build, shape, problem, busy = false }: { build(): unknown; shape: AttentionShape | null; problem?: string; busy?: boolean }) {
  const { t } = useT();
  // Pressed during a compute: the export runs when the result is current.
  const [queued, setQueued] = useState(false);
  // A note saying a `problem` is shown only while that problem lasts (e.g. "still computing").
  const [note, setNote] = useState<{ text: string; problem?: string } | null>(null);
  const shownNote = note && (note.problem === undefined || note.problem === problem) ? note.text : null;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  /** Shows why there is no file, for NOTE_MS. */
  const explain = (text: string, about?: string) => {
    setNote({ text, problem: about });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setNote(null), NOTE_MS);
  };
  /** True (and says so) when an export of `s` would be over MAX_EXPORT_BYTES. */
  const tooLarge = (s: AttentionShape) => {
    const megabytes = Math.round(estimateExportBytes(s) / 1e6);
    if (megabytes * 1e6 <= MAX_EXPORT_BYTES) return false;
    explain(t('export.tooLarge', { megabytes, limit: MAX_EXPORT_BYTES / 1e6 }));
    return true;
  };
  const exportNow = () => {
    if (!shape) return setNote(null);
    if (problem) return explain(problem, problem);
    if (tooLarge(shape)) return;
    const megabytes = Math.round(estimateExportBytes(shape) / 1e6);
    if (megabytes * 1e6 > LARGE_EXPORT_BYTES && !window.confirm(t('export.large', { megabytes }))) return;
    setNote({ text: t('export.preparing') });
    // after a frame, so that "preparing" shows before the page is busy building the file
    setTimeout(() => (download(build) ? setNote(null) : explain(t('export.failed'))), 50);
  };
  // After every render on purpose: a queued export fires in the first commit where its compute is done.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!queued || (shape && busy)) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setQueued(false);
    // the inputs turned invalid meanwhile (no shape): nothing to wait for, no late surprise download
    if (shape) exportNow();
    else setNote(null);
  });
  const onClick = () => {
    if (!shape) return;
    if (!busy) return exportNow();
    if (tooLarge(shape)) return; // known from the new settings' shape before their compute ends
    setQueued(true);
    setNote({ text: t('export.computing') });
  };
  return (
    <span className="export">
      <button type="button" onClick={onClick} disabled={!shape} aria-describedby="export-note" data-testid="export-json">
        {t('export.button')}
      </button>
      <span id="export-note" className="export-note" role="status" data-testid="export-note">
        {shownNote}
      </span>
    </span>
  );
}

/** Serialises and downloads; false when the browser could not (e.g. the string was too long). */
function download(build: () => unknown): boolean {
  try {
    const blob = new Blob([JSON.stringify(build())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `maskscope-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies the page's link for `scenario`: the address useScenarioUrl writes, built here rather than
 * read from the address bar, whose replace can still be waiting for the next frame (linkWrite.ts).
 */
export function CopyLinkButton({ scenario }: { scenario: Scenario }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const onClick = async () => {
    const link = `${window.location.origin}${window.location.pathname}#${encodeScenario(scenario)}`;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt(t('export.copyLink'), link);
    }
  };
  return (
    <button type="button" onClick={() => void onClick()}>
      {copied ? t('export.copied') : t('export.copyLink')}
    </button>
  );
}
