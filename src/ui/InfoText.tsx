/**
 * A translated text with two marks: `…` is code (an identifier, an argument, an expression), shown
 * as <code>; «…» is a title or a name cited in English (a paper, its authors), shown as
 * <cite lang="en">, so that a reader, a screen reader and a translation tool all know its language.
 */
import { Fragment } from 'react';

const MARKS = /(`[^`]+`|«[^»]+»)/;

export function InfoText({ text }: { text: string }) {
  return (
    <>
      {text.split(MARKS).map((piece, i) => {
        if (piece.startsWith('`') && piece.endsWith('`') && piece.length > 1) return <code key={i}>{piece.slice(1, -1)}</code>;
        if (piece.startsWith('«') && piece.endsWith('»')) return <cite key={i} lang="en">{piece.slice(1, -1)}</cite>;
        return <Fragment key={i}>{piece}</Fragment>;
      })}
    </>
  );
}
