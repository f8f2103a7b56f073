/**
 * One matrix of the head on screen as text (issue #12 §3): CSV for a spreadsheet or a script,
 * a Markdown table and plain rows (`1 1 0 0`, the form library docs and pull requests use) for
 * small matrices. Pure: no DOM. Rows are queries, columns keys (or dimensions), as everywhere.
 */

/** A matrix with its axis labels, [rows × cols] row-major. */
export interface MatrixData {
  rows: number;
  cols: number;
  values: ArrayLike<number>;
  /** Row (query token) labels, [rows]; a missing one is the row index. */
  rowLabels: readonly string[];
  /** Column (key token or dimension) labels, [cols]; a missing one is the column index. */
  colLabels: readonly string[];
  /** Axis titles for the corner cell, e.g. "query" and "key". */
  rowTitle: string;
  colTitle: string;
  /** 'mask': values are 1 (may attend) or 0, written as such; 'number': any float. */
  kind: 'mask' | 'number';
  /** With `blocked` ([rows × cols], non-zero = blocked): the number written in a blocked cell instead of its value (the Masked scores: −∞). */
  blockedValue?: number;
  blocked?: ArrayLike<number>;
}

/** The number written for cell i: its value, or `blockedValue` where it is blocked. */
function cellValue(m: MatrixData, i: number): number {
  return m.blockedValue !== undefined && m.blocked !== undefined && m.blocked[i] ? m.blockedValue : (m.values[i] as number);
}

/** Largest side of a matrix that "Copy as Markdown" and "Copy as text" take. */
export const MAX_COPY_SIDE = 32;

/** True when the matrix is small enough to copy as Markdown or text (≤ MAX_COPY_SIDE each way). */
export function copyable(m: Pick<MatrixData, 'rows' | 'cols'>): boolean {
  return m.rows <= MAX_COPY_SIDE && m.cols <= MAX_COPY_SIDE;
}

/**
 * A number as CSV writes it: the shortest decimal that reads back as the same double — the
 * float32 value exactly, as JSON.stringify writes it in the JSON export (e.g. 0.1 stored as
 * float32 is 0.10000000149011612) — and −∞ as `-Infinity`, +∞ as `Infinity`, NaN as `NaN`
 * (what JavaScript's Number() and Python's float() read back).
 * @example csvNumber(Math.fround(0.1)) // → '0.10000000149011612';  csvNumber(-Infinity) // → '-Infinity'
 */
export function csvNumber(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/**
 * A text field of CSV (RFC 4180): quoted when it holds a comma, a quote, a line break or
 * leading/trailing spaces, quotes doubled; a field that a spreadsheet would run as a formula
 * (starting with =, +, −, @, a tab or a carriage return) gets a leading apostrophe (OWASP "CSV
 * injection"), since tokens come from text anyone can put in a link.
 * @example csvField('a,b') // → '"a,b"';  csvField('=1+1') // → "'=1+1"
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The matrix as CSV: a header row (the corner "query\key", then the column labels), then one row
 * per query: its label, then its values (csvNumber: full precision, −∞ as -Infinity; a mask as
 * 1 / 0). Lines end with CRLF (RFC 4180), the last one too.
 * @example 2 × 2 causal mask, tokens a b:
 *   query\key,a,b
 *   a,1,0
 *   b,1,1
 */
export function matrixCsv(m: MatrixData): string {
  const lines = [[csvField(`${m.rowTitle}\\${m.colTitle}`), ...range(m.cols).map((c) => csvField(label(m.colLabels, c)))].join(',')];
  for (let r = 0; r < m.rows; r++) {
    const cells = range(m.cols).map((c) => (m.kind === 'mask' ? maskDigit(m.values[r * m.cols + c]) : csvNumber(cellValue(m, r * m.cols + c))));
    lines.push([csvField(label(m.rowLabels, r)), ...cells].join(','));
  }
  return lines.map((l) => `${l}\r\n`).join('');
}

/**
 * A value as "Copy as text" and "Copy as Markdown" write it: a mask as 1 / 0; a number with 4
 * decimals (PyTorch's default print precision). Text writes PyTorch's ASCII (`-0.5000`, `-inf`);
 * Markdown, read as a document, the minus sign of the heatmap's cells (`−0.5000`, `−∞`, U+2212).
 */
export function shortNumber(v: number, style: 'text' | 'markdown'): string {
  if (v === -Infinity) return style === 'text' ? '-inf' : '−∞';
  if (v === Infinity) return style === 'text' ? 'inf' : '∞';
  if (Number.isNaN(v)) return 'nan';
  const fixed = v.toFixed(4);
  return style === 'markdown' && fixed.startsWith('-') ? `−${fixed.slice(1)}` : fixed;
}

/**
 * The values as plain rows, one line per query, values separated by one space and right-aligned
 * to the widest (a mask's rows read `1 1 0 0`); no labels. Lines end with "\n".
 * @throws RangeError when the matrix is larger than MAX_COPY_SIDE either way
 * @example weights [[1, 0], [0.475, 0.525]] → "1.0000 0.0000\n0.4750 0.5250\n";
 *          scores [[2, −∞]] → "2.0000   -inf\n"
 */
export function matrixText(m: MatrixData): string {
  checkCopyable(m, 'matrixText');
  const cells = grid(m, 'text');
  const width = Math.max(0, ...cells.flat().map((t) => t.length));
  return cells.map((row) => `${row.map((t) => t.padStart(width)).join(' ')}\n`).join('');
}

/**
 * The matrix as a GitHub-flavoured Markdown table: the corner "query \ key" and the column
 * labels as the header, numbers right-aligned, each row led by its label. Labels are escaped
 * (`\`, `|`, `*`, `_`, backquote, `<`, `>`, `[`, `]`), so `<pad>` shows as written.
 * @throws RangeError when the matrix is larger than MAX_COPY_SIDE either way
 */
export function matrixMarkdown(m: MatrixData): string {
  checkCopyable(m, 'matrixMarkdown');
  const cells = grid(m, 'markdown');
  const row = (items: string[]) => `| ${items.join(' | ')} |\n`;
  const header = row([markdownText(`${m.rowTitle} \\ ${m.colTitle}`), ...range(m.cols).map((c) => markdownText(label(m.colLabels, c)))]);
  const rule = row(['---', ...range(m.cols).map(() => '---:')]);
  return header + rule + cells.map((values, r) => row([markdownText(label(m.rowLabels, r)), ...values])).join('');
}

/** Text in a Markdown table cell: Markdown's special characters escaped, line breaks as spaces. */
export function markdownText(text: string): string {
  return text.replace(/[\\|*_`<>[\]]/g, (ch) => `\\${ch}`).replace(/[\r\n]+/g, ' ');
}

function grid(m: MatrixData, style: 'text' | 'markdown'): string[][] {
  return range(m.rows).map((r) => range(m.cols).map((c) => (m.kind === 'mask' ? maskDigit(m.values[r * m.cols + c]) : shortNumber(cellValue(m, r * m.cols + c), style))));
}

function checkCopyable(m: MatrixData, op: string): void {
  if (!copyable(m)) throw new RangeError(`${op}: ${m.rows} × ${m.cols} is larger than ${MAX_COPY_SIDE} × ${MAX_COPY_SIDE}`);
}

function maskDigit(v: number | undefined): string {
  return v ? '1' : '0';
}

function label(labels: readonly string[], i: number): string {
  return labels[i] ?? String(i);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
