import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A calendar day (`2026-03-14`) in the reader's language, read in UTC: a due date is a day, not a moment, and
 * must not move to the day before for a reader west of Greenwich.
 */
export function useDayFormat(): (day: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  }, [i18n.language]);
}
