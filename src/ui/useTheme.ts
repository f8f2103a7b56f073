/** React's view of the colour theme (theme.ts): the choice, the theme shown, and a setter. */
import { useSyncExternalStore } from 'react';
import { PADDED_ROW_GREY, PADDED_ROW_GREY_DARK } from '../viz/colorScales';
import { setThemeChoice, subscribeTheme, themeSnapshot, type Theme, type ThemeState } from './theme';

export function useTheme(): ThemeState & { setChoice: typeof setThemeChoice } {
  const state = useSyncExternalStore(subscribeTheme, themeSnapshot, themeSnapshot);
  return { ...state, setChoice: setThemeChoice };
}

/** The grey that padded rows of a heatmap fade toward in `theme` (canvas cells cannot read CSS). */
export function fadeColorOf(theme: Theme): string {
  return theme === 'dark' ? PADDED_ROW_GREY_DARK : PADDED_ROW_GREY;
}
