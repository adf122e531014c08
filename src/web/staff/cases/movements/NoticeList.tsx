import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Suspension } from '../../../../shared/cases/schemas.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { SuspensionText } from './labels.tsx';
import { useMarkNoticeRead, useNotices } from './queries.ts';

/**
 * The organisation's unread notices: which household's movement stopped, and why in words (the zone's classes
 * before and after, the closed point or corridor, the rules failed on the day), until someone marks it read.
 * Newest first, a page at a time: how many there are, and "Show more" for the next page (a zone downgrade can
 * send thousands at once).
 */
export function NoticeList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const notices = useNotices();
  const rows = notices.data?.pages.flatMap((page) => page.items) ?? [];
  const total = notices.data?.pages[0]?.total ?? 0;
  const markRead = useMarkNoticeRead();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="movement-notices">
      <Title order={2} size="h4" id="movement-notices" mb="sm">
        {t('cases.movements.notices.title')}
      </Title>
      <FormError error={markRead.error} />
      {notices.isPending ? (
        <PageLoader />
      ) : notices.isError ? (
        <ErrorPanel error={notices.error} onRetry={() => void notices.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('cases.movements.notices.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" aria-live="polite">
            {t('cases.movements.notices.count', { count: total })}
          </Text>
          {rows.map((notice) => {
            const { reason, ...detail } = notice.detail;
            return (
              <Group key={notice.id} justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ flex: '1 1 16rem' }}>
                  <Text size="sm" fw={700}>
                    {t('cases.movements.notices.household')} <span className="ltr-value">{notice.reference}</span>
                    {' · '}
                    {format.dateTime(notice.createdAt)}
                  </Text>
                  <SuspensionText
                    suspension={{ reason: reason as Suspension['reason'], at: notice.createdAt, detail }}
                  />
                </Stack>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => markRead.mutate(notice.id)}
                  loading={markRead.isPending && markRead.variables === notice.id}
                >
                  {t('cases.movements.notices.markRead')}
                </Button>
              </Group>
            );
          })}
          <ShowMore
            shown={rows.length}
            total={total}
            hasMore={notices.hasNextPage}
            loading={notices.isFetchingNextPage}
            onMore={() => void notices.fetchNextPage()}
          />
        </Stack>
      )}
    </Paper>
  );
}
