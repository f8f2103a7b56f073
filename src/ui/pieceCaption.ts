/** The caption under a GPT-2 piece that holds part of a character: "我 1–2/3" (bytes 1 and 2 of 3). */
import type { TFunction } from 'i18next';
import type { Gpt2Piece } from '../engine/gpt2Pieces';

/** Caption and its longer title (for a tooltip and screen readers), or null for whole characters. */
export function pieceCaption(t: TFunction, piece: Gpt2Piece | undefined): { text: string; title: string } | null {
  if (!piece || piece.partial.length === 0) return null;
  const parts = piece.partial.map((p) => ({ char: p.char, of: p.of, bytes: p.from === p.to ? String(p.from) : `${p.from}–${p.to}` }));
  return {
    text: parts.map((p) => t('tokenizer.bytesOf', p)).join(' · '),
    title: parts.map((p) => t('tokenizer.bytesTitle', p)).join('; '),
  };
}
