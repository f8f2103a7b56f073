/** CSV, Markdown and plain text of one matrix (src/ui/matrixFormats.ts), on hand-computed small matrices. */
import { describe, expect, test } from 'vitest';
import { copyable, csvField, csvNumber, matrixCsv, matrixMarkdown, matrixText, MAX_COPY_SIDE, type MatrixData } from '../../src/ui/matrixFormats';

const tokens = ['a', 'b', 'c'];
const matrix = (values: number[], rows: number, cols: number, kind: MatrixData['kind'] = 'number'): MatrixData => ({
  rows, cols, values, rowLabels: tokens.slice(0, rows), colLabels: tokens.slice(0, cols), rowTitle: 'query', colTitle: 'key', kind,
});

describe('CSV', () => {
  test('matrixCsv of a 3 × 3 causal mask: a header of keys, one row per query led by its token, 1 / 0', () => {
    // mask [3×3]:
    //   [1 0 0]
    //   [1 1 0]
    //   [1 1 1]
    const csv = matrixCsv(matrix([1, 0, 0, 1, 1, 0, 1, 1, 1], 3, 3, 'mask'));
    expect(csv).toBe('query\\key,a,b,c\r\na,1,0,0\r\nb,1,1,0\r\nc,1,1,1\r\n');
  });
  test('matrixCsv of masked scores writes −∞ as -Infinity and float32 values at full precision, as JSON.stringify does', () => {
    const f = Math.fround;
    // masked [2×2]: [[0.1, −∞], [−1.3, 2.5]] as float32
    const values = Float32Array.from([0.1, -Infinity, -1.3, 2.5]);
    const csv = matrixCsv(matrix(Array.from(values), 2, 2));
    expect(csv.split('\r\n')).toEqual(['query\\key,a,b', `a,${JSON.stringify(f(0.1))},-Infinity`, `b,${JSON.stringify(f(-1.3))},2.5`, '']);
    expect(csv).toContain('a,0.10000000149011612,-Infinity');
    // every number reads back as the very float32 value
    const back = csv.trim().split('\r\n').slice(1).flatMap((line) => line.split(',').slice(1).map(Number));
    expect(back).toEqual(Array.from(values));
  });
  test('the Masked scores drawn from the logits: blockedValue −∞ is written in the blocked cells, in CSV and text alike', () => {
    // logits [2×2] = [[0.5, 3], [−1, 2]] with key 1 of query 0 blocked → masked [[0.5, −∞], [−1, 2]]
    const m = { ...matrix([0.5, 3, -1, 2], 2, 2), blocked: [0, 1, 0, 0], blockedValue: -Infinity };
    expect(matrixCsv(m)).toBe('query\\key,a,b\r\na,0.5,-Infinity\r\nb,-1,2\r\n');
    expect(matrixText(m)).toContain('-inf');
    expect(matrixCsv({ ...m, blockedValue: undefined })).toContain('a,0.5,3'); // without it, the values as they are
  });
  test('matrixCsv of a fully masked row of weights writes zeros (no NaN)', () => {
    // weights [2×2], row 0 fully masked: [[0, 0], [0.25, 0.75]]
    expect(matrixCsv(matrix([0, 0, 0.25, 0.75], 2, 2))).toBe('query\\key,a,b\r\na,0,0\r\nb,0.25,0.75\r\n');
  });
  test('csvNumber: −0 as 0, ±∞ and NaN spelled out', () => {
    expect([csvNumber(-0), csvNumber(Infinity), csvNumber(-Infinity), csvNumber(Number.NaN), csvNumber(1e-7)]).toEqual(['0', 'Infinity', '-Infinity', 'NaN', '1e-7']);
  });
  test('csvField quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-')).toBe("'-");
    expect(csvField('<pad>')).toBe('<pad>');
    expect(csvField(' x')).toBe('" x"');
  });
  test('matrixCsv of tokens that need quoting keeps one field per token', () => {
    const m = { ...matrix([1, 2, 3, 4], 2, 2), rowLabels: ['x,y', '"'], colLabels: ['@k', 'k'] };
    expect(matrixCsv(m)).toBe(`query\\key,'@k,k\r\n"x,y",1,2\r\n"""",3,4\r\n`);
  });
});

describe('text and Markdown', () => {
  test('matrixText of a 4 × 4 causal mask: rows like 1 1 0 0', () => {
    const mask = [1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1];
    expect(matrixText({ ...matrix(mask, 4, 4, 'mask'), rowLabels: [], colLabels: [] })).toBe('1 0 0 0\n1 1 0 0\n1 1 1 0\n1 1 1 1\n');
  });
  test('matrixText of scores with −∞: 4 decimals, -inf, right-aligned to the widest', () => {
    // widest "-0.5000" (7 characters)
    expect(matrixText(matrix([2, -Infinity, -0.5, 1.25], 2, 2))).toBe(' 2.0000    -inf\n-0.5000  1.2500\n');
  });
  test('matrixText of weights with a fully masked row: zeros', () => {
    expect(matrixText(matrix([0, 0, 0.475, 0.525], 2, 2))).toBe('0.0000 0.0000\n0.4750 0.5250\n');
  });
  test('matrixMarkdown: the header of keys, right-aligned numbers, −∞ and negatives with one minus sign (U+2212), labels escaped', () => {
    const m = { ...matrix([1, -Infinity, -0.5, 0.25], 2, 2), rowLabels: ['<pad>', 'a|b'], colLabels: ['x', '*y*'] };
    expect(matrixMarkdown(m)).toBe(
      '| query \\\\ key | x | \\*y\\* |\n' +
      '| --- | ---: | ---: |\n' +
      '| \\<pad\\> | 1.0000 | −∞ |\n' +
      '| a\\|b | −0.5000 | 0.2500 |\n',
    );
  });
  test('copies are for matrices up to 32 × 32; larger ones throw, saying the size', () => {
    expect(copyable({ rows: MAX_COPY_SIDE, cols: MAX_COPY_SIDE })).toBe(true);
    expect(copyable({ rows: 33, cols: 2 })).toBe(false);
    const big = matrix(new Array(33 * 2).fill(0), 33, 2);
    expect(() => matrixText(big)).toThrow(/33 × 2 is larger than 32 × 32/);
    expect(() => matrixMarkdown(big)).toThrow(RangeError);
    expect(matrixCsv(big).split('\r\n')).toHaveLength(33 + 2);
  });
});
