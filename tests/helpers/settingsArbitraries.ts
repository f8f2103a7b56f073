/**
 * fast-check arbitraries driven by the settings table (src/state/settings.ts): a valid value for
 * any row, whatever its kind, and a whole valid Scenario. A new row gets an arbitrary for free.
 * Structured text (mask lists, positions, painted cells, panels) is drawn from its pieces, good
 * and bad, and then written canonically by sanitizeScenario, as a link that was read would be.
 */
import fc from 'fast-check';
import { PANELS, type Scenario } from '../../src/state/scenario';
import { SHAPE_IDS } from '../../src/state/controls';
import { SETTING_FIELDS, settingOf, type SettingRow } from '../../src/state/settings';
import { sanitizeScenario } from '../../src/state/validate';

/** Well-formed text (no lone surrogates), newlines only between lines. */
const textPiece = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength }).map((s) => s.replace(/[\r\n]/g, ' '));

const maskPiece = fc.constantFrom('window(W=4)', 'causal', 'prefix-lm(P=3)', '!document', 'or(window(W=2),sink)', 'bigbird(r=2)', 'junk(', '');
const paintPiece = fc.tuple(fc.nat({ max: 4200 }), fc.nat({ max: 40 }), fc.constantFrom('0', '1', 'x')).map(([q, k, v]) => `${q}.${k}.${v}`);

/** Raw text for a structured kind, before it is written canonically. */
function rawStructured(row: SettingRow): fc.Arbitrary<string> {
  switch (row.kind) {
    case 'maskList':
      return fc.array(maskPiece, { maxLength: 4 }).map((p) => p.join(';'));
    case 'positions':
      return fc.oneof(fc.constant('none'), fc.array(fc.nat({ max: 4200 }), { maxLength: 5 }).map((p) => p.join(',')));
    case 'paint':
      return fc.array(paintPiece, { maxLength: 5 }).map((p) => p.join(','));
    case 'panels':
      return fc.array(fc.constantFrom(...PANELS, 'nope'), { maxLength: 6 }).map((p) => p.join(','));
    case 'controls':
      return fc.array(fc.constantFrom(...SHAPE_IDS, 'nope'), { maxLength: 6 }).map((p) => p.join(','));
    default:
      throw new Error(`no arbitrary for settings of kind ${row.kind}: add one here`);
  }
}

/** A valid value of `field` (what sanitizeScenario keeps unchanged, with no warning). */
export function settingValueArb(field: keyof Scenario): fc.Arbitrary<unknown> {
  const row = settingOf(field);
  switch (row.kind) {
    case 'enum':
      return fc.constantFrom(...row.values);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return row.allowed ? fc.constantFrom(...row.allowed) : fc.integer({ min: row.min, max: row.max });
    case 'decimal': {
      const inRange = fc.double({ min: row.min, max: row.max, noNaN: true }).map((x) => x + 0);
      return fc.oneof(inRange, fc.constant(row.default), ...(row.off === undefined ? [] : [fc.constant(row.off)]));
    }
    case 'text':
      return fc.oneof(fc.constant(row.default), fc.array(textPiece(12), { maxLength: 4 }).map((lines) => lines.join('\n')));
    case 'formula':
      return fc.oneof(fc.constant(row.default), textPiece(40));
    default:
      return rawStructured(row).map((raw) => sanitizeScenario({ [field]: raw }).scenario[field]);
  }
}

/** A whole valid Scenario, every field drawn by settingValueArb. */
export function tableScenarioArb(): fc.Arbitrary<Scenario> {
  const record = Object.fromEntries(SETTING_FIELDS.map((field) => [field, settingValueArb(field)]));
  return (fc.record(record) as unknown as fc.Arbitrary<Scenario>).map(viewWithinData);
}

/** The batch items a scenario's settings give: batchSize, or the non-blank lines (of the side with fewer unless self-attention), 1 to 4. */
export function batchOf(s: Scenario): number {
  const lines = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
  if (s.inputMode === 'lengths') return s.batchSize;
  return Math.min(4, Math.max(1, s.attention === 'self' ? lines(s.queryText) : Math.min(lines(s.queryText), lines(s.keyText))));
}

/** `s` with the batch item and head on screen among those the data has (a valid link never names another). */
export function viewWithinData(s: Scenario): Scenario {
  return { ...s, viewBatch: Math.min(s.viewBatch, batchOf(s) - 1), viewHead: Math.min(s.viewHead, s.heads - 1) };
}
