import type { BaseType, Selection } from 'd3';

/**
 * The child <g class={cls}> of `parent`, created on first use. Calling it in z-order once at
 * set-up fixes the stacking order; later calls return the same group.
 */
export function svgLayer<P extends BaseType>(
  parent: Selection<P, unknown, null, undefined>,
  cls: string,
): Selection<SVGGElement, unknown, null, undefined> {
  const existing = parent.select<SVGGElement>(`:scope > g.${cls}`);
  if (!existing.empty()) return existing as Selection<SVGGElement, unknown, null, undefined>;
  return parent.append('g').attr('class', cls) as unknown as Selection<SVGGElement, unknown, null, undefined>;
}
