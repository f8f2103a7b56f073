/**
 * fast-check arbitraries of whole random Scenarios (issue #11 §5's property test): self- and
 * cross-attention, text with ragged lines (padding on either side, key and query padding) or
 * plain lengths, causal masks in both alignments, catalogue masks composed with AND/OR/NOT and
 * groups, custom formulas, temperature, ALiBi, soft-capping, heads, dK and seeds. Sizes are
 * bounded by `maxLength` so that thousands of runs stay cheap.
 */
import fc from 'fast-check';
import { MASK_CATALOGUE } from '../../src/engine/mask/catalogue';
import { formatMaskList, type MaskItem } from '../../src/state/maskList';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/state/scenario';

/** Custom mask formulas (the `cm` field): comparisons, arithmetic, and/or/not, a masked-everything one. */
export const CUSTOM_FORMULAS = [
  '', '', '', 'k <= q', 'abs(q - k) <= 2', 'k % 2 == 0 || k == 0', '!(k > q + 1)', 'false', 'k >= Lk - 2 && q >= 1', '(q + k) % 3 != 1',
] as const;

const maskChoiceArb: fc.Arbitrary<MaskItem> = fc.tuple(fc.constantFrom(...MASK_CATALOGUE), fc.boolean(), fc.nat()).map(([entry, negate, salt]) => {
  const params: Record<string, number> = {};
  entry.params.forEach((spec, i) => {
    // a value in range, drawn from the salt: small values, where masks change most
    const span = Math.min(spec.max, spec.min + 8) - spec.min + 1;
    params[spec.name] = spec.min + (Math.floor(salt / 7 ** i) % span);
  });
  return negate ? { id: entry.id, params, negate } : { id: entry.id, params };
});

const maskItemArb: fc.Arbitrary<MaskItem> = fc.oneof(
  { arbitrary: maskChoiceArb, weight: 4 },
  {
    arbitrary: fc.tuple(fc.constantFrom<'and' | 'or'>('and', 'or'), fc.array(maskChoiceArb, { minLength: 2, maxLength: 3 }), fc.boolean())
      .map(([op, children, negate]): MaskItem => (negate ? { op, children, negate } : { op, children })),
    weight: 1,
  },
);

const word = fc.constantFrom('a', 'b', 'cat', '猫', '.', 'the', '|', 'x');
const lineArb = (maxLength: number) => fc.array(word, { minLength: 1, maxLength }).map((w) => w.join(' '));
const textArb = (maxLength: number) => fc.array(lineArb(maxLength), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

/** A random Scenario; every field is within its documented range. */
export function scenarioArb(maxLength = 8): fc.Arbitrary<Scenario> {
  return fc.record({
    inputMode: fc.constantFrom<Scenario['inputMode']>('text', 'text', 'lengths'),
    attention: fc.constantFrom<Scenario['attention']>('self', 'cross'),
    queryText: textArb(maxLength),
    keyText: textArb(maxLength),
    queryLength: fc.integer({ min: 1, max: maxLength }),
    keyLength: fc.integer({ min: 1, max: maxLength }),
    paddingSide: fc.constantFrom<Scenario['paddingSide']>('right', 'left'),
    causal: fc.boolean(),
    causalAlignment: fc.constantFrom<Scenario['causalAlignment']>('bottom-right', 'top-left'),
    keyPadding: fc.boolean(),
    queryPadding: fc.boolean(),
    masks: fc.array(maskItemArb, { maxLength: 3 }).map(formatMaskList),
    maskJoin: fc.constantFrom<Scenario['maskJoin']>('and', 'or'),
    customMask: fc.constantFrom(...CUSTOM_FORMULAS),
    temperature: fc.constantFrom(1, 1, 0.01, 0.5, 2, 100),
    alibi: fc.boolean(),
    softcap: fc.constantFrom(0, 0, 1e-6, 0.5, 5, 1000),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    dK: fc.integer({ min: 2, max: 8 }),
    heads: fc.integer({ min: 1, max: 3 }),
  }).map((fields) => ({ ...DEFAULT_SCENARIO, ...fields }));
}
