/**
 * Row notes of a heatmap (`spec.rowNotes`): a column of short texts right of the matrix, after
 * the "∅" marker band — e.g. each row's sum of weights, "1.00" or "0" — one per row, centred on
 * its row, under a title such as "Σ" at the level of the column labels. The layout reserves the
 * column (layout.ts `rowNotesWidth`); only rows in view are drawn.
 */
import type { Selection } from 'd3';
import { labelFont, MUTED_TEXT_COLOR, TEXT_COLOR, THEME_CLASS } from './heatmapAxes';
import { rowTop } from './layout';
import type { HeatmapLayout } from './layout';
import { maxTextWidth } from './text';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Smallest row height (CSS px) that shows notes: below it a note would not be legible. */
export const MIN_NOTE_ROW_PX = 11;

/** True when rows of `cellHeight` CSS px are tall enough for their notes. */
export function rowNotesShown(cellHeight: number): boolean {
  return cellHeight >= MIN_NOTE_ROW_PX;
}

/** Font weight of the column's title. */
const TITLE_WEIGHT = 700;

/** One note as drawn: right-aligned at x, centred on y (CSS px from the SVG origin). */
export interface RowNoteItem {
  row: number;
  text: string;
  x: number;
  y: number;
}

/**
 * The notes of the rows in the layout's window, right-aligned in the notes column and centred on
 * their rows; none when rows are under MIN_NOTE_ROW_PX or the layout has no notes column.
 * A missing note is ''.
 * @param notes [rows] of the whole matrix
 * @example 2 rows of 40 px from top 50, notesLeft 300, notesWidth 30:
 *          rowNoteItems(['1.00', '0'], L) // → [{ row 0, '1.00', x 330, y 70 }, { row 1, '0', x 330, y 110 }]
 */
export function rowNoteItems(notes: readonly string[], L: HeatmapLayout): RowNoteItem[] {
  if (L.notesWidth <= 0 || !rowNotesShown(L.cellHeight)) return [];
  const x = L.notesLeft + L.notesWidth;
  const end = Math.min(L.row0 + L.rows, notes.length);
  const out: RowNoteItem[] = [];
  for (let row = L.row0; row < end; row++) out.push({ row, text: notes[row] ?? '', x, y: rowTop(L, row) + L.cellHeight / 2 });
  return out;
}

/** Widths of notes columns already measured, per notes array, then per "font|title". */
const widths = new WeakMap<readonly string[], Map<string, number>>();

/**
 * Width (CSS px) of the notes column: its widest note (every row's, so the column does not move
 * while zooming) or its title, whichever is wider. Memoised per notes array.
 */
export function rowNotesWidth(notes: readonly string[], title: string, fontSize: number, doc: Document): number {
  const perKey = widths.get(notes) ?? new Map<string, number>();
  widths.set(notes, perKey);
  const key = `${fontSize}|${title}`;
  let w = perKey.get(key);
  if (w === undefined) {
    w = Math.max(maxTextWidth([...new Set(notes)], labelFont(fontSize), doc), title === '' ? 0 : maxTextWidth([title], labelFont(fontSize, TITLE_WEIGHT), doc));
    perKey.set(key, w);
  }
  return w;
}

/**
 * Draws the notes (or removes them, when `notes` is undefined or rows are too small) into `g`,
 * the `g.ms-row-notes` layer: <text data-row={row}> per row in view and the title.
 * @param greyRows [rows] flags of padded query rows: their notes are muted and italic, like their labels
 */
export function drawRowNotes(g: G, L: HeatmapLayout, notes: readonly string[] | undefined, title: string, greyRows?: ArrayLike<number>): void {
  const items = notes === undefined ? [] : rowNoteItems(notes, L);
  const grey = (row: number) => greyRows !== undefined && (greyRows[row] ?? 0) !== 0;
  g.selectAll<SVGTextElement, RowNoteItem>('text.ms-row-note')
    .data(items, (d) => d.row)
    .join((enter) => enter.append('text').attr('class', 'ms-row-note'))
    .attr('data-row', (d) => d.row)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('text-anchor', 'end')
    .attr('dominant-baseline', 'central')
    .attr('font-size', Math.min(L.fontSize, L.cellHeight))
    .attr('fill', (d) => (grey(d.row) ? MUTED_TEXT_COLOR : TEXT_COLOR))
    .classed(THEME_CLASS.muted, (d) => grey(d.row))
    .classed(THEME_CLASS.ink, (d) => !grey(d.row))
    .attr('font-style', (d) => (grey(d.row) ? 'italic' : null))
    .text((d) => d.text);
  const titles = items.length > 0 && title !== '' ? [title] : [];
  g.selectAll<SVGTextElement, string>('text.ms-row-notes-title')
    .data(titles)
    .join((enter) => enter.append('text').attr('class', 'ms-row-notes-title'))
    .attr('x', L.notesLeft + L.notesWidth / 2)
    .attr('y', L.top - L.labelGap)
    .attr('text-anchor', 'middle')
    .attr('font-weight', TITLE_WEIGHT)
    .attr('fill', TEXT_COLOR)
    .classed(THEME_CLASS.ink, true)
    .text((d) => d);
  g.style('user-select', 'text');
}
