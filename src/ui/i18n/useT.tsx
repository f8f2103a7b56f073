/**
 * Translation for every component, from one subscription. `TranslationProvider` calls react-i18next's
 * `useTranslation()` once (default namespace) and hands its result down with `t` wrapped by `memoT`
 * (the same strings, made once per language); `useT()` reads it back. A hundred components each
 * calling `useTranslation()` cost about 2 ms per render of the page (its external-store
 * subscription and memos); a context read costs next to nothing. On a language change the provider
 * re-renders with a new `t`, and so does every component that reads it, as before.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { memoT } from './memoT';

type Translation = ReturnType<typeof useTranslation>;

const Provided = createContext<Translation | null>(null);

export function TranslationProvider({ children }: { children: ReactNode }) {
  const { t, i18n, ready } = useTranslation();
  const lng = i18n.language;
  const value = useMemo(() => {
    const memo = memoT(t, lng);
    return Object.assign([memo, i18n, ready], { t: memo, i18n, ready }) as unknown as Translation;
  }, [t, i18n, ready, lng]);
  return <Provided.Provider value={value}>{children}</Provided.Provider>;
}

/**
 * `{ t, i18n, ready }` as `useTranslation()` returns them, `t` memoised.
 * @throws Error when no `TranslationProvider` is above the component (src/ui/main.tsx puts one at the root).
 */
export function useT(): Translation {
  const value = useContext(Provided);
  if (value === null) throw new Error('useT: no <TranslationProvider> above this component (wrap the root in it, as src/ui/main.tsx does)');
  return value;
}
