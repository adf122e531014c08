import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { indicatorByCode } from './frameworkFor.ts';
import type { FrameworkDefinition } from './types.ts';
import { useLocalName, useRangeText, useThresholdsText } from './ui.tsx';

/**
 * An indicator of the active framework, grouped by criterion; once chosen, its unit and thresholds show under it
 * (so the person sees what status a value would give before sending it).
 */
export function IndicatorSelect({
  framework,
  value,
  onChange,
  error,
}: {
  framework: FrameworkDefinition;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  const thresholds = useThresholdsText();
  const range = useRangeText();
  const chosen = indicatorByCode(framework, value)?.indicator;
  return (
    <NativeSelect
      label={t('zones.observe.indicator')}
      name="indicator"
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      description={
        chosen
          ? t('zones.observe.indicatorHint', {
              unit: t(`zones.unit.${chosen.unit}`),
              thresholds: thresholds(chosen),
              range: range(chosen.unit),
            })
          : undefined
      }
    >
      <option value="">{t('zones.choose')}</option>
      {framework.criteria.map((criterion) => (
        <optgroup key={criterion.code} label={nameOf(criterion.name, criterion.code)}>
          {criterion.indicators.map((indicator) => (
            <option key={indicator.code} value={indicator.code}>
              {t('zones.observe.indicatorOption', {
                name: nameOf(indicator.name, indicator.code),
                unit: t(`zones.unit.${indicator.unit}`),
              })}
            </option>
          ))}
        </optgroup>
      ))}
    </NativeSelect>
  );
}
