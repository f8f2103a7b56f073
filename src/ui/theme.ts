/**
 * The page's colour theme: the user's choice (light, dark, or follow the system's
 * `prefers-color-scheme`), remembered in localStorage (a per-device preference, not part of a
 * shared link), and the theme it resolves to, written on <html> as `data-theme="light|dark"`
 * with the matching CSS `color-scheme`. look.css defines each theme's custom properties.
 * A small store (subscribe / snapshot) that React reads with useSyncExternalStore (useTheme.ts).
 */

/** What the user picked in the header. */
export type ThemeChoice = 'light' | 'dark' | 'system';
/** What the page shows. */
export type Theme = 'light' | 'dark';

/** The choices, in the order the header lists them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** localStorage key of the choice. */
export const THEME_STORAGE_KEY = 'maskscope.theme';
/** The media query of a system that prefers dark. */
export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A stored value as a choice: 'light' or 'dark' as they are, anything else (missing, garbage) 'system'. */
export function parseThemeChoice(value: unknown): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The theme a choice shows: the choice itself, or for 'system' dark when the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  return choice === 'system' ? (systemPrefersDark ? 'dark' : 'light') : choice;
}

/** The choice and the theme it resolves to (one object per change, for useSyncExternalStore). */
export interface ThemeState {
  choice: ThemeChoice;
  theme: Theme;
}

let state: ThemeState = { choice: 'system', theme: 'light' };
let media: MediaQueryList | null = null;
const listeners = new Set<() => void>();

/** Reads the stored choice; 'system' when storage is missing or refuses (private mode, sandbox). */
function readChoice(): ThemeChoice {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

function update(choice: ThemeChoice): void {
  const theme = resolveTheme(choice, media?.matches ?? false);
  if (theme !== state.theme || choice !== state.choice) state = { choice, theme };
  const root = document.documentElement;
  root.dataset.theme = state.theme;
  root.style.colorScheme = state.theme;
  for (const listener of listeners) listener();
}

/**
 * Reads the stored choice, applies it to <html> and follows the system's scheme while the choice
 * is 'system'. Call once, before the first render (main.tsx), so the page never flashes the
 * other theme. Calling again does nothing.
 */
export function initTheme(): void {
  if (media !== null) return;
  media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  media?.addEventListener('change', () => update(state.choice));
  update(readChoice());
}

/** Sets and remembers the choice (storage failures are ignored: the choice then lasts this page only). */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // storage full or refused: keep the choice for this page
  }
  update(choice);
}

/** The current state (the same object until something changes). */
export function themeSnapshot(): ThemeState {
  return state;
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
