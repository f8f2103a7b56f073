/**
 * The page's icon is public/favicon.png (index.html): a 32 × 32 drawing of public/favicon.svg
 * (the manifest's icon), because Chromium decodes an SVG page icon again on the main thread at
 * every history write (measured in a trace: ~20 ms per link write). Each pixel is checked against
 * the SVG's own rectangles, so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { color } from 'd3';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

/** The PNG's size and its rows of RGB bytes (8-bit RGB, filter type 0 on every row, as written). */
function decodePng(bytes: Buffer): { width: number; height: number; rows: Buffer[] } {
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25]]).toEqual([8, 2]); // bit depth 8, colour type 2 (RGB)
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + 3 * width;
  const rows = Array.from({ length: height }, (_, y) => {
    expect(raw[y * stride]).toBe(0);
    return raw.subarray(y * stride + 1, (y + 1) * stride);
  });
  return { width, height, rows };
}

/** The SVG's colour at (x, y) in its own units (as #rrggbb): the last of its rectangles that holds the point. */
function svgColourAt(svg: string, x: number, y: number): string {
  let colour = '';
  const groupFill = /<g fill="(#[0-9a-f]+)"/.exec(svg)?.[1];
  for (const m of svg.matchAll(/<rect ([^>]*)\/>/g)) {
    const attr = (name: string) => /(?:^| )NAME="([^"]+)"/.source.replace('NAME', name);
    const read = (name: string, fallback: string) => new RegExp(attr(name)).exec(m[1]!)?.[1] ?? fallback;
    const [rx, ry, w, h] = ['x', 'y', 'width', 'height'].map((n) => Number(read(n, '0')));
    if (x >= rx! && x < rx! + w! && y >= ry! && y < ry! + h!) colour = read('fill', groupFill ?? '');
  }
  return color(colour)?.formatHex() ?? `no colour at (${x}, ${y})`;
}

describe('favicon.png', () => {
  it('is public/favicon.svg drawn at 32 × 32, pixel for pixel, and is the icon index.html links', () => {
    const svg = readFileSync(new URL('public/favicon.svg', root), 'utf8');
    const { width, height, rows } = decodePng(readFileSync(new URL('public/favicon.png', root)));
    expect([width, height]).toEqual([32, 32]);
    const scale = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]) / width;
    const hex = (row: Buffer, x: number) => `#${row.subarray(3 * x, 3 * x + 3).toString('hex')}`;
    const seen = new Set<string>();
    rows.forEach((row, y) => {
      for (let x = 0; x < width; x++) {
        const expected = svgColourAt(svg, (x + 0.5) * scale, (y + 0.5) * scale);
        seen.add(expected);
        expect(hex(row, x), `pixel (${x}, ${y})`).toBe(expected);
      }
    });
    expect([...seen].sort()).toEqual(['#3b5bdb', '#ffffff']);
    expect(readFileSync(new URL('index.html', root), 'utf8')).toMatch(/<link rel="icon" type="image\/png" sizes="32x32" href="\.\/favicon\.png" \/>/);
  });
});
