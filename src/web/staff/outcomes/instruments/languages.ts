/** Languages as forms name them by code, in their own script, for the language switch of a form's preview. */
const NATIVE: Record<string, string> = {
  en: 'English',
  ar: 'العربية',
  fr: 'Français',
  ku: 'Kurdî',
  kmr: 'Kurmancî',
  ckb: 'کوردی',
  es: 'Español',
  pt: 'Português',
  sw: 'Kiswahili',
  so: 'Soomaali',
  ti: 'ትግርኛ',
  am: 'አማርኛ',
  fa: 'فارسی',
  prs: 'دری',
  ps: 'پښتو',
  tr: 'Türkçe',
  ur: 'اردو',
};

export const languageName = (code: string, fallback: string): string =>
  code === 'default' ? fallback : (NATIVE[code] ?? code);
