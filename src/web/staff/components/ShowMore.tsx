import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The foot of a list read a page at a time and shown as one: how many rows are shown of how many, and a button
 * that reads the next page (none on the last).
 */
export function ShowMore({
  shown,
  total,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {t('staff.kit.shownOf', { shown, total })}
      </Text>
      {hasMore ? (
        <Button variant="default" onClick={onMore} loading={loading}>
          {t('staff.kit.showMore')}
        </Button>
      ) : null}
    </Group>
  );
}
