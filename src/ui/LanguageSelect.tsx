/**
 * The language select (English / 中文), `Control id="lang"` (so `hide=lang` and `lock=lang` act on
 * it): in the page header with its visible label, and in presentation mode's bar without one
 * (named by aria-label), so a teacher can switch language without leaving the projector view.
 */
import { useT } from './i18n/useT';
import type { Scenario } from '../state/scenario';
import { Control } from './Control';

interface Props {
  language: Scenario['language'];
  update(patch: Partial<Scenario>): void;
  /** Presentation mode's bar: no visible label, and "EN" for English (the bar fits a 1024 px projector). */
  compact?: boolean;
}

export function LanguageSelect({ language, update, compact = false }: Props) {
  const { t } = useT();
  const id = compact ? 'present-language-select' : 'language-select';
  return (
    <Control id="lang">
      {!compact && (
        <label className="lang" htmlFor={id}>
          {t('app.language')}
        </label>
      )}
      <select id={id} className={compact ? 'present-language' : undefined} aria-label={compact ? t('app.language') : undefined} value={language}
        onChange={(e) => update({ language: e.target.value === 'zh' ? 'zh' : 'en' })} data-testid={compact ? 'present-language' : undefined}>
        <option value="en" lang="en">{compact ? 'EN' : 'English'}</option>
        <option value="zh" lang="zh-CN">中文</option>
      </select>
    </Control>
  );
}
