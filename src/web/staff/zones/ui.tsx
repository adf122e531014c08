import { Badge, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { UNITS } from '../../../shared/zones/constants.ts';
import { INK } from '../administration/ui.tsx';
import { valueText } from './explain.ts';
import { localName } from './names.ts';
import { periodStart } from './periods.ts';
import { CLASS_TONE, STATUS_TONE, type Tone } from './status.ts';
import type { IndicatorDefinition, LocalizedText, Unit, ZoneClass } from './types.ts';

/** Colours that keep 4.5:1 for their text on their own light tint; the shape repeats the words. */
const TONES: Record<Tone, { color: string; ink: string }> = {
  good: { color: 'green', ink: INK.green },
  fair: { color: 'yellow', ink: '#6b4200' },
  bad: { color: 'red', ink: INK.red },
  unknown: { color: 'gray', ink: INK.gray },
  neutral: { color: 'gray', ink: INK.gray },
};

/** A tick, an exclamation mark, a cross, a question mark: the badge still reads in grey or for colour-blind eyes. */
function ToneIcon({ tone }: { tone: Tone }) {
  const common = { fill: 'none', stroke: 'currentColor', strokeWidth: 2.2, strokeLinecap: 'round' } as const;
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {tone === 'good' ? <path d="M2 6.5 5 9.5 10 3" {...common} strokeLinejoin="round" /> : null}
      {tone === 'fair' ? (
        <>
          <path d="M6 1.5v6" {...common} />
          <circle cx="6" cy="10.2" r="1.1" fill="currentColor" />
        </>
      ) : null}
      {tone === 'bad' ? <path d="M2.5 2.5l7 7M9.5 2.5l-7 7" {...common} /> : null}
      {tone === 'neutral' ? <circle cx="6" cy="6" r="2.4" fill="currentColor" /> : null}
      {tone === 'unknown' ? (
        <>
          <path d="M3.8 4.2a2.2 2.2 0 1 1 3.2 2c-.7.4-1 .9-1 1.6" {...common} />
          <circle cx="6" cy="10.4" r="1.1" fill="currentColor" />
        </>
      ) : null}
    </svg>
  );
}

/** A state in words with its icon; the colour only repeats them. It wraps rather than being cut. */
export function ToneBadge({ tone, children }: { tone: Tone; children: string }) {
  const { color, ink } = TONES[tone];
  return (
    <Badge
      color={color}
      variant="light"
      component="span"
      c={ink}
      leftSection={<ToneIcon tone={tone} />}
      styles={{
        root: { textTransform: 'none', height: 'auto', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
      }}
    >
      {children}
    </Badge>
  );
}

/** A zone's class; without one, "Not assessed". */
export function ClassBadge({ zoneClass }: { zoneClass: ZoneClass | null | undefined }) {
  const { t } = useTranslation();
  if (!zoneClass) return <ToneBadge tone="unknown">{t('zones.notAssessed')}</ToneBadge>;
  return <ToneBadge tone={CLASS_TONE[zoneClass]}>{t(`zones.class.${zoneClass}`)}</ToneBadge>;
}

/** The status of an indicator (green, amber, red, missing) or a criterion (… insufficient). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <ToneBadge tone={STATUS_TONE[status] ?? 'unknown'}>{t(`zones.status.${status}`)}</ToneBadge>;
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

/** Moves through a list read a page at a time by offset. */
export function OffsetPager({
  offset,
  limit,
  total,
  loading,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  loading: boolean;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  if (pages <= 1) return null;
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={t('zones.pages')}>
      <Button variant="default" onClick={() => onChange(Math.max(0, offset - limit))} disabled={page <= 1 || loading}>
        {t('zones.previousPage')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('zones.pageOf', { page, pages })}
      </Text>
      <Button variant="default" onClick={() => onChange(offset + limit)} disabled={page >= pages || loading}>
        {t('zones.nextPage')}
      </Button>
    </Group>
  );
}

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is a named region that takes keyboard focus,
 * so people who do not use a pointer can scroll it too.
 */
export function ScrollTable({
  minWidth,
  label,
  mt,
  children,
}: {
  minWidth: number;
  label: string;
  mt?: string;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      mt={mt}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}

/** After a refused submission, focus goes to the first field at fault (on a long form it may be far off screen). */
export function focusFirstProblem(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
