/**
 * Captures the link's state before anything else runs: the URL fragment (`#v=2&…`, the current
 * form, never sent to a server) or, for an old link, the query string (`?v=1&…`). The query
 * string is then removed from the address bar; the app writes its state back as a fragment
 * (useScenarioUrl.ts), so an old link is rewritten to the new form (history.replaceState).
 *
 * Why the query string goes at once: TensorFlow.js reads `location.search` when it loads (its
 * `tfjsflags` debug parameter), with `decodeURIComponent`, which throws on malformed
 * percent-encoding (a blank page), and lets a link change engine flags behind the user's back.
 * Maskscope's own codec reads the captured string instead, keeps malformed text literally and
 * warns about unknown keys such as `tfjsflags`.
 *
 * Import this module first in main.tsx: ES modules evaluate in import order, so it runs before
 * tfjs is evaluated.
 */
import { linkState } from './linkState';

const search = window.location.search;

/** The state string of the link the page was opened with (fragment first, else query string). */
export const initialState: string = linkState(window.location.hash, search);

if (search) {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.hash}`);
}
