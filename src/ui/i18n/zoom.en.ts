/**
 * English strings of the zoom bar (ZoomBar.tsx) and the zoom hint over the stage heatmaps, the
 * `zoom.` namespace: merge as `zoom: zoomEn` into en.ts. Keys are shared with zoom.zh.ts.
 */
export const zoomEn = {
  label: 'Zoom of the heatmaps',
  range: 'Rows {{r0}}–{{r1}} of {{rows}} · Keys {{c0}}–{{c1}} of {{cols}}',
  in: 'Zoom in',
  out: 'Zoom out',
  reset: 'Reset zoom',
  hint: 'Ctrl/⌘ + wheel over a heatmap zooms there; or focus a heatmap and press + or −, 0 resets. Drag to pan (Shift + drag while painting). On a touch screen: pinch with two fingers; Zoom in zooms around a tapped cell.',
  wheelHint: 'Ctrl/⌘ + wheel to zoom',
};
