import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Moves through a list read a page at a time. With `pages` it counts them ("Page 2 of 5", Previous / Next);
 * without, the list is newest first and its length unknown ("Page 2", Newer / Older).
 */
export function Pager({
  page,
  pages,
  hasNext,
  loading,
  onPrevious,
  onNext,
}: {
  page: number;
  pages?: number;
  hasNext: boolean;
  loading: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const counted = pages !== undefined;
  if (counted && pages <= 1) return null;
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={t('staff.kit.pages')} wrap="wrap">
      <Button variant="default" onClick={onPrevious} disabled={page <= 1 || loading}>
        {t(counted ? 'staff.kit.previous' : 'staff.kit.newer')}
      </Button>
      <Text size="sm" aria-live="polite">
        {counted ? t('staff.kit.pageOf', { page, pages }) : t('staff.kit.page', { page })}
      </Text>
      <Button variant="default" onClick={onNext} disabled={!hasNext || loading}>
        {t(counted ? 'staff.kit.next' : 'staff.kit.older')}
      </Button>
    </Group>
  );
}

/** A pager for a list read by offset, whose total is known. */
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
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  return (
    <Pager
      page={page}
      pages={pages}
      hasNext={page < pages}
      loading={loading}
      onPrevious={() => onChange(Math.max(0, offset - limit))}
      onNext={() => onChange(offset + limit)}
    />
  );
}
