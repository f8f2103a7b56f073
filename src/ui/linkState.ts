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
