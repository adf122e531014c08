import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MovementStatus, Suspension } from '../../../../shared/cases/schemas.ts';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';

const TONE: Record<MovementStatus, Tone> = {
  planned: 'neutral',
  departed: 'fair',
  arrived: 'good',
  suspended: 'bad',
  cancelled: 'unknown',
};

/** A movement's (or a household's place on it) status in words, with its tone. */
export function MovementStatusBadge({ status }: { status: MovementStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONE[status]}>{t(`cases.movements.status.${status}`)}</StatusBadge>;
}

/** A zone class in words, or the code when it is unknown (a class the screens have no word for yet). */
export function useClassName() {
  const { t } = useTranslation();
  return (zoneClass: unknown) =>
    typeof zoneClass === 'string' && zoneClass !== ''
      ? t(`zoneTerms.class.${zoneClass}`)
      : t('cases.movements.unknownClass');
}

/**
 * Why a movement stopped, in a sentence: the zone and its classes before and after for a downgrade, the code of
 * the closed transit point or corridor, the rules a household failed on the day.
 */
export function SuspensionText({ suspension }: { suspension: Suspension }) {
  const { t } = useTranslation();
  const className = useClassName();
  const detail = suspension.detail;
  const text = (() => {
    switch (suspension.reason) {
      case 'zone_downgraded':
        return t('cases.movements.reason.zone_downgraded', {
          pcode: String(detail.pcode ?? ''),
          from: className(detail.from),
          to: className(detail.to),
        });
      case 'transit_point_closed':
      case 'corridor_closed':
        return t(`cases.movements.reason.${suspension.reason}`, { code: String(detail.code ?? '') });
      case 'zone_class_stale':
        return t('cases.movements.reason.zone_class_stale', { pcode: String(detail.pcode ?? '') });
      case 'departure_refused':
        return t('cases.movements.reason.departure_refused');
      case 'eligibility_failed':
        return t('cases.movements.reason.eligibility_failed', {
          rules: String(detail.failedRules ?? '')
            .split(',')
            .filter(Boolean)
            .map((rule) => t(`cases.movements.rule.${rule}`))
            .join(', '),
        });
    }
  })();
  return (
    <Text size="sm" c="red.9">
      {text}
    </Text>
  );
}

/**
 * Days (YYYY-MM-DD: departures, arrivals, follow-ups) in the reader's language, read as the calendar day they
 * name wherever the reader is (formatted in UTC, as they are stored). Tables take the shorter `medium` style.
 */
export function useDayFormat(style: 'long' | 'medium' = 'long') {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: style, timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  }, [i18n.language, style]);
}

/** Today as YYYY-MM-DD (UTC, as the server counts departure days). */
export const today = (): string => new Date().toISOString().slice(0, 10);
