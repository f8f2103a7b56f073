/** The viz layer's public API (DESIGN.md §2): pure d3 drawing of attention heatmaps. */
export {
  BLOCKED_COLOR,
  BLOCKED_HATCH_COLOR,
  FLAGGED_ROW_COLOR,
  INVALID_COLOR,
  PADDED_ROW_GREY,
  divergingScale,
  finiteExtent,
  interpolateBuRd,
  maxAbsFinite,
  sequentialScale,
} from './colorScales';
export { drawHeatmap } from './heatmap';
export { drawLegend } from './legend';
export type { LegendHandle, LegendSpec } from './legend';
export { chooseCellSize, labelStep, pointToCell, thinLabels, truncateLabel } from './layout';
export { moveCell } from './keyboard';
export type { ColorScale, HeatmapCell, HeatmapHandle, HeatmapSpec } from './types';
