import { useTranslation } from 'react-i18next';
import type { EligibilityRow } from '../../../../shared/cases/schemas.ts';
import { formatPeriod } from '../../../public/zones/format.ts';

/**
 * An eligibility row's reason in the reader's words: the rule's reason code with its parameters (dates, classes,
 * counts), each in the reader's language. A reason this screen does not know is shown as its code.
 */
export function useReasonText(): (row: EligibilityRow) => string {
  const { t, i18n } = useTranslation();
  const dayText = useDay();
  return (row) => {
    const params = row.params ?? {};
    const values: Record<string, unknown> = { ...params };
    for (const key of ['until', 'coolingOffEndedOn'] as const) {
      const day = params[key];
      if (typeof day === 'string') values[key] = dayText(day);
    }
    if (typeof params.step === 'string') values.step = t(`casesChoice.step.${params.step}`);
    if (typeof params.zoneClass === 'string') values.zoneClass = t(`zoneTerms.class.${params.zoneClass}`);
    values.period = typeof params.period === 'string' ? formatPeriod(params.period, i18n.language) : '';
    const key = `casesChoice.reason.${row.rule}.${row.reason}`;
    return i18n.exists(key) ? t(key, values) : row.reason;
  };
}

/** A date (`YYYY-MM-DD`) in the reader's calendar words, read as the day it names wherever the reader is. */
export function useDay(): (day: string) => string {
  const { i18n } = useTranslation();
  const formatter = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
  return (day) => formatter.format(new Date(`${day}T00:00:00Z`));
}

/** Today as `YYYY-MM-DD`, in the browser's own day (what a counsellor means by "today"). */
export function todayLocal(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
