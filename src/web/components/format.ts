import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers and dates in the person's language (digits, separators and calendar words as they read them). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    const number = new Intl.NumberFormat(language);
    const list = new Intl.ListFormat(language, { type: 'conjunction' });
    const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);
    return {
      dateTime: (value: Date | string) => dateTime.format(toDate(value)),
      date: (value: Date | string) => date.format(toDate(value)),
      number: (value: number) => number.format(value),
      list: (values: readonly string[]) => list.format(values),
    };
  }, [language]);
}
