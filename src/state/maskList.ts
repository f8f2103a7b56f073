/**
 * The list of extra masks in a Scenario, as canonical text: `id(name=value,…);id(…)`, e.g.
 * `window(W=4);!prefix-lm(P=3)` — a leading `!` negates a mask. The Scenario's `maskJoin` says
 * whether the list is combined with AND or OR; the result is and-ed with causal and key padding. Which ids and
 * parameters exist is the engine's catalogue's business (state/ does not import the engine):
 * here only the syntax is checked; the UI checks ids and ranges and says what it changed.
 */

/** One chosen mask: a catalogue id and its integer parameters. */
export interface MaskChoice {
  id: string;
  params: Record<string, number>;
  /** NOT of the mask. */
  negate?: boolean;
}

/** At most this many extra masks. */
export const MAX_MASKS = 8;

const ID = /^[a-z][a-z0-9-]{0,31}$/;
const PARAM = /^([A-Za-z][A-Za-z0-9]{0,15})=(-?\d{1,9})$/;

/**
 * Reads a mask list. Items that do not parse are dropped and returned in `rejected`.
 * Example: `window(W=4);prefix-lm(P=3)` → [{id:'window', params:{W:4}}, {id:'prefix', params:{P:3}}].
 * @param text any string; '' is the empty list.
 * @returns the items in order (at most MAX_MASKS) and the rejected pieces; never throws.
 */
export function parseMaskList(text: string): { items: MaskChoice[]; rejected: string[] } {
  const items: MaskChoice[] = [];
  const rejected: string[] = [];
  for (const piece of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const item = parseItem(piece);
    if (item && items.length < MAX_MASKS) items.push(item);
    else rejected.push(piece);
  }
  return { items, rejected };
}

function parseItem(text: string): MaskChoice | null {
  const negate = text.startsWith('!');
  const piece = negate ? text.slice(1).trim() : text;
  const match = /^([^()]+)\(([^()]*)\)$/.exec(piece) ?? /^([^()]+)$/.exec(piece);
  const id = match?.[1]?.trim() ?? '';
  if (!ID.test(id)) return null;
  const params: Record<string, number> = {};
  for (const part of (match?.[2] ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = PARAM.exec(part);
    if (!m || m[1] === undefined || m[2] === undefined || m[1] in params) return null;
    params[m[1]] = Number(m[2]);
  }
  return negate ? { id, params, negate } : { id, params };
}

/**
 * Writes a mask list canonically: parameters in the given order, `id()` without parameters
 * written as `id`. `parseMaskList(formatMaskList(items)).items` equals `items` for valid items.
 */
export function formatMaskList(items: readonly MaskChoice[]): string {
  return items
    .map(({ id, params, negate }) => {
      const parts = Object.entries(params).map(([name, value]) => `${name}=${value}`);
      return `${negate ? '!' : ''}${parts.length ? `${id}(${parts.join(',')})` : id}`;
    })
    .join(';');
}
