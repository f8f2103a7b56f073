/**
 * The palette and the themes (issue #12 §3): the scales' ends and centre, lightness that orders
 * the values without colour, the contrast of numbers written on every colour a heatmap can draw,
 * the contrast of every text colour of both themes, and the theme choice's rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { interpolateRdBu, interpolateViridis } from 'd3';
import { computeCellRgba, FADE_AMOUNT, mixPacked, packCssColor } from '../../src/viz/cellColors';
import { textColorForLuminance } from '../../src/viz/cellText';
import {
  ALLOWED_COLOR,
  BLOCKED_COLOR,
  contrastRatio,
  divergingScale,
  maskColor,
  PADDED_ROW_GREY,
  PADDED_ROW_GREY_DARK,
  relativeLuminanceRgb,
  sequentialScale,
} from '../../src/viz/colorScales';
import { AXIS_TITLE_COLOR, MUTED_TEXT_COLOR, TEXT_COLOR } from '../../src/viz/heatmapAxes';
import { parseThemeChoice, resolveTheme } from '../../src/ui/theme';

const hex = (packed: number) => `#${packed.toString(16).padStart(6, '0')}`;
const luminance = (css: string) => {
  const p = packCssColor(css) as number;
  return relativeLuminanceRgb(p >> 16, (p >> 8) & 255, p & 255);
};
/** n + 1 evenly spaced points of [lo, hi]. */
const samples = (lo: number, hi: number, n: number) => Array.from({ length: n + 1 }, (_, k) => lo + ((hi - lo) * k) / n);

describe('weights scale (viridis)', () => {
  test('sequentialScale ends at viridis(0) for weight 0 and viridis(1) for weight 1; the mask\'s allowed colour is viridis(0.4)', () => {
    expect(sequentialScale()(0)).toBe(interpolateViridis(0));
    expect(sequentialScale()(1)).toBe(interpolateViridis(1));
    expect(ALLOWED_COLOR).toBe(interpolateViridis(0.4));
    expect(maskColor()).toBe(ALLOWED_COLOR);
  });
  test('lightness rises with the weight over the whole scale: a greyscale print still orders the weights', () => {
    const l = samples(0, 1, 100).map((v) => luminance(sequentialScale()(v)));
    for (let k = 1; k < l.length; k++) expect(l[k]).toBeGreaterThan(l[k - 1] as number);
  });
  test('sequentialScale is one shared object (one colour table for every weights heatmap)', () => {
    expect(sequentialScale()).toBe(sequentialScale());
  });
});

describe('scores scale (RdBu, diverging at 0)', () => {
  test('0 maps to the centre of RdBu whatever the extent; ±m to its ends (positive red)', () => {
    for (const values of [[-3, 1], [0.01, -0.002], [-700, 700]]) {
      const c = divergingScale(values);
      const m = Math.max(...values.map(Math.abs));
      expect(c.domain()).toEqual([-m, 0, m]);
      expect(c(0)).toBe(interpolateRdBu(0.5));
      expect(c(m)).toBe(interpolateRdBu(0));
      expect(c(-m)).toBe(interpolateRdBu(1));
    }
  });
  test('lightness falls from about 0 toward both ends (|value| reads without colour); the sign is the hue', () => {
    const c = divergingScale([-1, 1]);
    // d3's RdBu is a spline: its lightest point lies a little off the centre (within 0.05 m)
    const lightest = Math.max(...samples(-1, 1, 400).map((v) => luminance(c(v))));
    expect(lightest - luminance(c(0))).toBeLessThan(0.01);
    const up = samples(0.05, 1, 50).map((v) => luminance(c(v)));
    const down = samples(-0.05, -1, 50).map((v) => luminance(c(v)));
    for (const l of [up, down]) for (let k = 1; k < l.length; k++) expect(l[k]).toBeLessThan(l[k - 1] as number);
  });
});

describe('numbers written in cells', () => {
  /** Every colour a heatmap can paint: each scale sampled densely (through the lookup table, as drawn), plain and faded toward both greys, the allowed and blocked colours. */
  function drawnColours(): string[] {
    const sampled = [sequentialScale(), divergingScale([-1, 1])].flatMap((scale) => {
      const d = scale.domain();
      const values = samples(d[0] as number, d[d.length - 1] as number, 2048);
      const colours: string[] = [];
      for (const fadeColor of [undefined, PADDED_ROW_GREY_DARK]) {
        const rgba = computeCellRgba({ values, rows: 2, cols: values.length / 2, color: scale, greyRows: [0, 1], fadeColor });
        for (let i = 0; i < rgba.length; i += 4) colours.push(`rgb(${rgba[i]}, ${rgba[i + 1]}, ${rgba[i + 2]})`);
      }
      return colours;
    });
    const allowed = packCssColor(ALLOWED_COLOR) as number;
    const faded = [PADDED_ROW_GREY, PADDED_ROW_GREY_DARK].map((g) => hex(mixPacked(allowed, packCssColor(g) as number, FADE_AMOUNT)));
    return [...sampled, ALLOWED_COLOR, BLOCKED_COLOR, ...faded];
  }

  test('the text colour chosen for each of ~8,000 drawable cell colours contrasts ≥ 4.5:1 (WCAG AA) with it', () => {
    let worst = Infinity;
    for (const bg of drawnColours()) {
      const text = textColorForLuminance(luminance(bg));
      worst = Math.min(worst, contrastRatio(text, bg));
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });
  test('the mask\'s allowed colour takes white text at ≥ 4.5:1', () => {
    expect(textColorForLuminance(luminance(ALLOWED_COLOR))).toBe('#fff');
    expect(contrastRatio('#fff', ALLOWED_COLOR)).toBeGreaterThanOrEqual(4.5);
  });
});

/** The custom properties declared in the first rule of `css` whose selector is exactly `selector`. */
function customProperties(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule "${selector}"`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1] as string, (m[2] as string).trim()]));
}

describe('theme colours', () => {
  const styles = readFileSync(new URL('../../src/ui/styles.css', import.meta.url), 'utf8');
  const look = readFileSync(new URL('../../src/ui/look.css', import.meta.url), 'utf8');
  const light = { ...customProperties(styles, ':root'), ...customProperties(look, ':root') };
  const dark = { ...light, ...customProperties(look, ":root[data-theme='dark']") };
  const texts = ['ink', 'muted', 'accent', 'danger', 'chart-ink', 'chart-muted', 'chart-axis', 'chart-highlight'];

  test('the light chart colours are the viz constants (a standalone SVG looks as the page does)', () => {
    expect(light['chart-ink']).toBe(TEXT_COLOR);
    expect(light['chart-muted']).toBe(MUTED_TEXT_COLOR);
    expect(light['chart-axis']).toBe(AXIS_TITLE_COLOR);
  });
  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    test(`${name} theme: every text colour is ≥ 4.5:1 on the panel and on the page background`, () => {
      for (const text of texts) {
        for (const bg of ['panel', 'bg']) {
          const ratio = contrastRatio(theme[text] as string, theme[bg] as string);
          expect(ratio, `--${text} on --${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });
  }
  test('the dark theme is dark and the light one light (page background luminance)', () => {
    expect(luminance(dark.bg as string)).toBeLessThan(0.02);
    expect(luminance(light.bg as string)).toBeGreaterThan(0.9);
  });
  test('padded rows dim in the dark theme and pale in the light one, and stay apart from the blocked grey', () => {
    expect(luminance(PADDED_ROW_GREY_DARK)).toBeLessThan(luminance(dark.panel as string) + 0.1);
    expect(luminance(PADDED_ROW_GREY)).toBeGreaterThan(0.7);
    for (const grey of [PADDED_ROW_GREY, PADDED_ROW_GREY_DARK]) expect(contrastRatio(grey, BLOCKED_COLOR)).toBeGreaterThan(1.5);
  });
});

describe('theme choice', () => {
  test('parseThemeChoice keeps light and dark; anything else (missing, garbage) is system', () => {
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('dark')).toBe('dark');
    for (const v of [null, undefined, '', 'DARK', 'blue', 1]) expect(parseThemeChoice(v)).toBe('system');
  });
  test('resolveTheme: light and dark win over the system; system follows prefers-color-scheme', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });
});
