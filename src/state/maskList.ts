/**
 * The extra masks of a Scenario, as canonical text: a `;`-separated list of items, where an item
 * is a catalogue mask `id(name=value,…)` or a group `and(item,…)` / `or(item,…)`, and a leading
 * `!` negates an item. Example: `window(W=4);or(!prefix-lm(P=3),document)`. The Scenario's
 * `maskJoin` combines the top-level list with AND or OR; the result is and-ed with causal and key
 * padding. Which ids and parameters exist is the engine catalogue's business (state/ does not
 * import the engine): here only the syntax is checked; the UI checks ids and ranges.
 */

/** One chosen mask: a catalogue id and its integer parameters. */
export interface MaskChoice {
  id: string;
  params: Record<string, number>;
  /** NOT of the mask. */
  negate?: boolean;
}

/** AND or OR of items (a node of the composition tree). */
export interface MaskGroup {
  op: 'and' | 'or';
  children: MaskItem[];
  negate?: boolean;
}

export type MaskItem = MaskChoice | MaskGroup;

/** At most this many masks (leaves) in the whole tree, and this many nested groups. */
export const MAX_MASKS = 8;
export const MAX_DEPTH = 4;

export function isGroup(item: MaskItem): item is MaskGroup {
  return 'children' in item;
}

/** Every mask (leaf) of a tree, in order. */
export function maskLeaves(items: readonly MaskItem[]): MaskChoice[] {
  return items.flatMap((item) => (isGroup(item) ? maskLeaves(item.children) : [item]));
}

/**
 * Reads a mask list. Top-level pieces that do not parse (or would pass MAX_MASKS) are dropped
 * and returned in `rejected`.
 * Example: `window(W=4);or(prefix-lm(P=3),!doc)` → [window{W:4}, or(prefix-lm{P:3}, NOT doc)].
 * @param text any string; '' is the empty list. Never throws.
 */
export function parseMaskList(text: string): { items: MaskItem[]; rejected: string[] } {
  const items: MaskItem[] = [];
  const rejected: string[] = [];
  for (const piece of splitTopLevel(text)) {
    const item = parsePiece(piece);
    if (item && maskLeaves([...items, item]).length <= MAX_MASKS) items.push(item);
    else rejected.push(piece);
  }
  return { items, rejected };
}

/** Writes a mask list canonically; `parseMaskList(formatMaskList(items)).items` equals `items`. */
export function formatMaskList(items: readonly MaskItem[]): string {
  return items.map(formatItem).join(';');
}

function formatItem(item: MaskItem): string {
  const not = item.negate ? '!' : '';
  if (isGroup(item)) return `${not}${item.op}(${item.children.map(formatItem).join(',')})`;
  const parts = Object.entries(item.params).map(([name, value]) => `${name}=${value}`);
  return `${not}${parts.length ? `${item.id}(${parts.join(',')})` : item.id}`;
}

function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (i === text.length || (c === ';' && depth === 0)) {
      const piece = text.slice(start, i).trim();
      if (piece) pieces.push(piece);
      start = i + 1;
    }
  }
  return pieces;
}

const ID = /^[a-z][a-z0-9-]{0,31}/;
const PARAM = /^([A-Za-z][A-Za-z0-9]{0,15})\s*=\s*(-?\d{1,9})/;

/** Recursive descent over one piece; null unless the whole piece is one well-formed item. */
function parsePiece(piece: string): MaskItem | null {
  let pos = 0;
  const rest = () => piece.slice(pos);
  const skip = () => {
    while (piece[pos] === ' ') pos++;
  };
  const eat = (c: string) => {
    skip();
    if (piece[pos] !== c) return false;
    pos++;
    return true;
  };
  const item = (depth: number): MaskItem | null => {
    skip();
    const negate = eat('!');
    skip();
    const id = ID.exec(rest())?.[0];
    if (!id) return null;
    pos += id.length;
    if ((id === 'and' || id === 'or') && eat('(')) {
      if (depth >= MAX_DEPTH) return null;
      const children: MaskItem[] = [];
      skip();
      // An empty group is kept (the user is about to fill it); it adds nothing to the mask.
      if (piece[pos] !== ')') {
        do {
          const child = item(depth + 1);
          if (!child) return null;
          children.push(child);
        } while (eat(','));
      }
      return eat(')') ? withNegate({ op: id, children }, negate) : null;
    }
    const params: Record<string, number> = {};
    if (eat('(')) {
      skip();
      while (piece[pos] !== ')') {
        const m = PARAM.exec(rest());
        if (!m || m[1] === undefined || m[2] === undefined || m[1] in params) return null;
        params[m[1]] = Number(m[2]);
        pos += m[0].length;
        if (!eat(',')) break;
        skip();
      }
      if (!eat(')')) return null;
    }
    return withNegate({ id, params }, negate);
  };
  const result = item(0);
  skip();
  return result && pos === piece.length ? result : null;
}

function withNegate<T extends MaskItem>(item: T, negate: boolean): T {
  return negate ? { ...item, negate: true } : item;
}
