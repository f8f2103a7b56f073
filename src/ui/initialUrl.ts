/**
 * Captures the link's state before anything else runs: the URL fragment (`#v=2&…`, the current
 * form, never sent to a server) or, for an old link, the query string (`?v=1&…`). The query
 * string is then moved into the fragment at once (`?v=1&…` → `#v=1&…`, history.replaceState), so
 * a reload before the app's first write still opens the same view; the app then writes its state
 * as a current fragment (useScenarioUrl.ts), so an old link ends in the new form.
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
import { linkState, tidiedLink } from './linkState';

const search = window.location.search;

/** The state string of the link the page was opened with (fragment first, else query string). */
export const initialState: string = linkState(window.location.hash, search);

const tidied = tidiedLink(window.location.pathname, window.location.hash, search);
if (tidied !== null) window.history.replaceState(window.history.state, '', tidied);
