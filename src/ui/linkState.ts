/**
 * Which part of a URL holds the Scenario: the fragment when it has anything after '#', else the
 * query string (links made before the state moved to the fragment, v=1). docs/url-format.md.
 * @param hash `location.hash` ('' or '#…').
 * @param search `location.search` ('' or '?…').
 * @returns the string to pass to decodeScenario (with its leading '#' or '?').
 * @throws never.
 */
export function linkState(hash: string, search: string): string {
  return hash.length > 1 ? hash : search;
}

/**
 * The address a link is tidied to at start-up, before tfjs loads (initialUrl.ts): the query string
 * goes, and an old link's state moves whole into the fragment (`?v=1&heads=2` → `#v=1&heads=2`).
 * decodeScenario ignores the leading '#' or '?', so both read the same; a reload before the app
 * writes its own fragment (after the first paint) therefore opens the same view.
 * @param pathname `location.pathname`.
 * @param hash `location.hash` ('' or '#…').
 * @param search `location.search` ('' or '?…').
 * @returns the path and fragment to pass to history.replaceState, or null when there is no query
 *   string (nothing to tidy). A link with both keeps its fragment, which is the one read.
 * @throws never.
 */
export function tidiedLink(pathname: string, hash: string, search: string): string | null {
  if (!search) return null;
  return `${pathname}#${linkState(hash, search).slice(1)}`;
}
