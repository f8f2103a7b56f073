/**
 * Captures the page's query string before anything else runs, then removes it from the address
 * bar until the app writes its own canonical one.
 *
 * Why: TensorFlow.js reads `location.search` when it loads (its `tfjsflags` debug parameter),
 * with `decodeURIComponent`, which throws on malformed percent-encoding (a blank page), and lets
 * a link change engine flags behind the user's back. Maskscope's own codec reads the captured
 * string instead, keeps malformed text literally and warns about unknown keys such as `tfjsflags`.
 *
 * Import this module first in main.tsx: ES modules evaluate in import order, so it runs before
 * tfjs is evaluated.
 */
export const initialSearch: string = window.location.search;

if (initialSearch) {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.hash}`);
}
