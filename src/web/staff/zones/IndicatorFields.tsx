import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, UNIT_NAMES } from '../../../shared/zones/constants.ts';
import { endonym, LANGUAGES } from '../../i18n/languages.ts';
import { parseNumber } from './numbers.ts';
import type { IndicatorForm } from './requests.ts';
import { thresholdsAgree } from './status.ts';
import { useLocalName, useThresholdsText } from './ui.tsx';

type Problem = (field: keyof IndicatorForm | 'name.en', numeric?: boolean) => string | undefined;

/** The thresholds in words as they stand, once both are numbers that agree. */
function ThresholdsPreview({ indicator }: { indicator: IndicatorForm }) {
  const thresholds = useThresholdsText();
  const green = parseNumber(indicator.green);
  const red = parseNumber(indicator.red);
  if (!indicator.unit || !indicator.direction || green === undefined || red === undefined) return null;
  const numbers = { unit: indicator.unit, direction: indicator.direction, green, red };
  if (!thresholdsAgree(numbers)) return null;
  return (
    <Text size="sm" aria-live="polite">
      {thresholds(numbers)}
    </Text>
  );
}

/** What an added indicator needs besides: its code, names, unit and direction. */
function IdentityFields({
  indicator,
  onChange,
  problem,
}: {
  indicator: IndicatorForm;
  onChange: (next: IndicatorForm) => void;
  problem: Problem;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="sm">
      <TextInput
        label={t('zones.framework.code')}
        description={t('zones.framework.codeHint')}
        required
        dir="ltr"
        value={indicator.code}
        onChange={(event) => onChange({ ...indicator, code: event.currentTarget.value })}
        error={problem('code')}
      />
      {LANGUAGES.map((language) => (
        <TextInput
          key={language}
          label={t('zones.framework.nameIn', { language: endonym(language) })}
          required={language === 'en'}
          lang={language}
          value={indicator.name[language] ?? ''}
          onChange={(event) =>
            onChange({ ...indicator, name: { ...indicator.name, [language]: event.currentTarget.value } })
          }
          error={language === 'en' ? problem('name.en') : undefined}
        />
      ))}
      <NativeSelect
        label={t('zones.framework.unit')}
        required
        value={indicator.unit}
        onChange={(event) => onChange({ ...indicator, unit: event.currentTarget.value as IndicatorForm['unit'] })}
        error={problem('unit')}
      >
        <option value="">{t('zones.choose')}</option>
        {UNIT_NAMES.map((unit) => (
          <option key={unit} value={unit}>
            {t(`zones.unit.${unit}`)}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        label={t('zones.framework.direction')}
        required
        value={indicator.direction}
        onChange={(event) =>
          onChange({ ...indicator, direction: event.currentTarget.value as IndicatorForm['direction'] })
        }
        error={problem('direction')}
      >
        <option value="">{t('zones.choose')}</option>
        {DIRECTIONS.map((direction) => (
          <option key={direction} value={direction}>
            {t(`zones.direction.${direction}`)}
          </option>
        ))}
      </NativeSelect>
    </SimpleGrid>
  );
}

/**
 * One indicator of the draft. Indicators taken over from the published version change only their thresholds,
 * weight, hard flag and freshness; an added one sets everything.
 */
export function IndicatorFields({
  indicator,
  onChange,
  onRemove,
  removable,
  problem,
}: {
  indicator: IndicatorForm;
  onChange: (next: IndicatorForm) => void;
  onRemove: () => void;
  removable: boolean;
  problem: Problem;
}) {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  const name = indicator.added ? indicator.name.en || t('zones.framework.newIndicator') : nameOf(indicator.name);
  const unit = indicator.unit ? t(`zones.unit.${indicator.unit}`) : '';
  const number = (field: 'green' | 'red' | 'weight' | 'freshnessMonths', label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      required
      inputMode="decimal"
      autoComplete="off"
      value={indicator[field]}
      onChange={(event) => onChange({ ...indicator, [field]: event.currentTarget.value })}
      error={problem(field, true)}
    />
  );
  return (
    <Fieldset legend={name} p="sm">
      {indicator.added ? (
        <IdentityFields indicator={indicator} onChange={onChange} problem={problem} />
      ) : (
        <Text size="sm" mb="sm">
          {t('zones.framework.identityLine', {
            code: indicator.code,
            unit,
            direction: indicator.direction ? t(`zones.direction.${indicator.direction}`) : '',
          })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {number('green', t('zones.framework.greenThreshold'), unit)}
        {number('red', t('zones.framework.redThreshold'), unit)}
        {number('weight', t('zones.framework.weight'), t('zones.framework.weightHint'))}
        {number('freshnessMonths', t('zones.framework.freshnessMonths'), t('zones.framework.freshnessHint'))}
      </SimpleGrid>
      <ThresholdsPreview indicator={indicator} />
      <Group justify="space-between" mt="sm" wrap="wrap">
        <Checkbox
          label={t('zones.framework.hardLabel')}
          description={t('zones.framework.hardHint')}
          checked={indicator.hard}
          onChange={(event) => onChange({ ...indicator, hard: event.currentTarget.checked })}
        />
        <Button
          variant="outline"
          color="red.9"
          size="xs"
          onClick={onRemove}
          disabled={!removable}
          aria-label={t('zones.framework.removeNamed', { name })}
        >
          {t('zones.framework.remove')}
        </Button>
      </Group>
    </Fieldset>
  );
}
