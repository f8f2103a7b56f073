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
  contrastRatio,
  sequentialScale,
} from './colorScales';
export { drawHeatmap } from './heatmap';
export { drawLegend } from './legend';
export type { LegendHandle, LegendSpec } from './legend';
export { drawBarChart } from './barChart';
export type { BarChartHandle, BarChartSpec } from './barChart';
export { chooseCellDims, chooseCellSize, labelStep, pointToCell, thinLabels, truncateLabel } from './layout';
export type { CellDims, CellDimsOptions } from './layout';
export { fitHeatmapLayout } from './fitLayout';
export { formatCellValue } from './cellFormat';
export { textColorOn } from './cellText';
export { poolCells } from './pool';
export type { PooledCells } from './pool';
export { moveCell } from './keyboard';
export {
  MIN_VIEW_CELLS,
  ZOOM_STEP,
  applyViewAction,
  canZoomIn,
  clampView,
  fullView,
  isFullView,
  panView,
  revealCell,
  sameView,
  zoomView,
} from './viewport';
export type { CellRange, ColorScale, HeatmapCell, HeatmapHandle, HeatmapSpec, ViewAction } from './types';
