/** The theme choice in the header: System (prefers-color-scheme), Light or Dark; remembered in localStorage (theme.ts). */
import { useT } from './i18n/useT';
import { parseThemeChoice, THEME_CHOICES, type ThemeChoice } from './theme';
import { useTheme } from './useTheme';

const LABEL_KEYS: Record<ThemeChoice, 'look.themeSystem' | 'look.themeLight' | 'look.themeDark'> = {
  system: 'look.themeSystem',
  light: 'look.themeLight',
  dark: 'look.themeDark',
};

export function ThemeToggle() {
  const { t } = useT();
  const { choice, setChoice } = useTheme();
  return (
    <>
      <label className="lang" htmlFor="theme-select">
        {t('look.theme')}
      </label>
      <select id="theme-select" value={choice} title={t('look.themeHint')} data-testid="theme-select" onChange={(e) => setChoice(parseThemeChoice(e.target.value))}>
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>{t(LABEL_KEYS[c])}</option>
        ))}
      </select>
    </>
  );
}
