import { NativeSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { UNITS } from '../../../shared/zones/constants.ts';
import { localName, valueText } from '../../zones/explain.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { periodStart } from './periods.ts';
import { CLASS_TONE, STATUS_TONE } from './status.ts';
import type { IndicatorDefinition, LocalizedText, Unit, ZoneClass } from './types.ts';

/** A zone's class; without one, "Not assessed". */
export function ClassBadge({ zoneClass }: { zoneClass: ZoneClass | null | undefined }) {
  const { t } = useTranslation();
  if (!zoneClass) return <StatusBadge tone="unknown">{t('zones.notAssessed')}</StatusBadge>;
  return <StatusBadge tone={CLASS_TONE[zoneClass]}>{t(`zoneTerms.class.${zoneClass}`)}</StatusBadge>;
}

/** The status of an indicator (green, amber, red, missing) or a criterion (… insufficient). */
export function AssessmentBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATUS_TONE[status] ?? 'unknown'}>{t(`zoneTerms.status.${status}`)}</StatusBadge>;
}

/** Months as the reader names them ("April 2025", "avril 2025", "أبريل ٢٠٢٥"; short: "Apr 25"). */
export function usePeriodName(style: 'long' | 'short' = 'long') {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, {
      month: style,
      year: style === 'long' ? 'numeric' : '2-digit',
      timeZone: 'UTC',
    });
    return (period: string) => {
      try {
        return format.format(periodStart(period));
      } catch {
        return period;
      }
    };
  }, [i18n.language, style]);
}

/** A zone's, criterion's or indicator's name in the reader's language. */
export function useLocalName() {
  const { i18n } = useTranslation();
  return (name: LocalizedText | undefined, fallback = '') => localName(name, i18n.language, fallback);
}

/** "Green at 80% or more; red below 50%; amber between." */
export function useThresholdsText() {
  const { t } = useTranslation();
  return (indicator: Pick<IndicatorDefinition, 'unit' | 'direction' | 'green' | 'red'>) =>
    t(`zones.thresholds.${indicator.direction}`, {
      green: valueText(t, indicator.unit, indicator.green),
      red: valueText(t, indicator.unit, indicator.red),
    });
}

/** The values a unit admits, in words: "A whole number from 0 to 1,000,000,000". */
export function useRangeText() {
  const { t } = useTranslation();
  return (unit: Unit) => {
    const range = UNITS[unit];
    return t('zones.range', {
      integer: range.integer ? 'yes' : 'no',
      min: valueText(t, unit, range.min),
      max: valueText(t, unit, range.max),
    });
  };
}

/** A month to look at, from the months offered (newest first); `anyLabel` adds a first "any" choice. */
export function PeriodSelect({
  label,
  value,
  periods,
  onChange,
  anyLabel,
  error,
  description,
  name,
  required,
}: {
  label: string;
  value: string;
  periods: readonly string[];
  onChange: (period: string) => void;
  anyLabel?: string;
  error?: string | undefined;
  description?: string;
  name?: string;
  required?: boolean;
}) {
  const periodName = usePeriodName();
  const offered = value && !periods.includes(value) ? [value, ...periods] : periods;
  return (
    <NativeSelect
      label={label}
      name={name}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      description={description}
      required={required}
    >
      {anyLabel ? <option value="">{anyLabel}</option> : null}
      {offered.map((period) => (
        <option key={period} value={period}>
          {periodName(period)}
        </option>
      ))}
    </NativeSelect>
  );
}
