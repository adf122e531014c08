import { Group, Radio, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from './types.ts';
import { useRangeText } from './ui.tsx';

/**
 * The observed value: for a yes/no indicator a choice between yes and no (sent as 1 and 0); otherwise a number,
 * typed in any script, with the unit's range said beside it.
 */
export function ValueField({
  unit,
  value,
  onChange,
  error,
}: {
  unit: Unit | undefined;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const range = useRangeText();
  if (unit === 'yes_no') {
    return (
      <Radio.Group label={t('zones.value')} name="value" required value={value} onChange={onChange} error={error}>
        <Group gap="lg" mt="xs">
          <Radio value="1" label={t('zones.yes')} />
          <Radio value="0" label={t('zones.no')} />
        </Group>
      </Radio.Group>
    );
  }
  return (
    <TextInput
      label={unit ? t('zones.observe.valueIn', { unit: t(`zones.unit.${unit}`) }) : t('zones.value')}
      description={unit ? range(unit) : t('zones.observe.valueHint')}
      name="value"
      required
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      w={{ base: '100%', sm: 320 }}
    />
  );
}
