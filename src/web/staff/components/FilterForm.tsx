import { Button, Group, SimpleGrid } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The filters above a list: its fields in a grid that narrows to one column on a phone, then "Apply filters"
 * and "Clear filters". The fields hold a draft; the list changes only when the person applies it.
 */
export function FilterForm({
  label,
  onApply,
  onClear,
  columns = 3,
  children,
}: {
  label: string;
  onApply: () => void;
  onClear: () => void;
  columns?: 3 | 4;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <SimpleGrid cols={columns === 4 ? { base: 1, sm: 2, lg: 4 } : { base: 1, sm: 2, lg: 3 }} spacing="sm">
        {children}
      </SimpleGrid>
      <Group gap="sm" mt="sm" wrap="wrap">
        <Button type="submit">{t('staff.kit.applyFilters')}</Button>
        <Button variant="default" onClick={onClear}>
          {t('staff.kit.clearFilters')}
        </Button>
      </Group>
    </form>
  );
}
