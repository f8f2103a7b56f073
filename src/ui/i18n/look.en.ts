/**
 * English strings of the page's look and accessibility (issue #12 §3 colours and themes, §6):
 * the theme choice in the header (ThemeToggle.tsx), the skip link (SkipLink.tsx) and the legend
 * swatch of padded rows. Merged as `look: lookEn` into en.ts; keys shared with look.zh.ts.
 */
export const lookEn = {
  theme: 'Theme',
  themeSystem: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeHint: 'Light, dark, or as the system is set. Remembered on this device.',
  skip: 'Skip to the heatmaps',
};
