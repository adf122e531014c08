import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyWork, WorkEntry, WorkItem } from '../../../shared/work.ts';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useMe } from '../session.ts';
import { useLocalName, usePeriodName } from '../zones/ui.tsx';
import { arrangeWork, entryKey, moreEntries, staffPath } from './work.ts';

/** The person's pending work, read again whenever the home is opened (it changes with every decision). */
export const workKey = (organisationId: string) => ['me', 'work', organisationId] as const;

/** What one entry says, by the kind of work it belongs to. */
function useEntryText() {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const format = useFormatters();
  return (kind: string, entry: WorkEntry) => {
    const values = {
      zone: entry.subject ? nameOf(entry.subject.name, entry.subject.code) : '',
      name: entry.subject ? nameOf(entry.subject.name, entry.subject.code) : '',
      code: entry.subject?.code ?? '',
      indicator: nameOf(entry.indicatorName ?? undefined, entry.indicator ?? ''),
      period: entry.period ? periodName(entry.period) : '',
      organisation: entry.organisation ?? '',
      count: entry.count ?? 0,
      date: entry.period && entry.period.length === 10 ? format.date(entry.period) : '',
    };
    return t(`staff.work.${kind}.entry`, values);
  };
}

/** One kind of pending work: how many, the first of them (each a link to where it is done), and the whole list. */
function WorkPanel({ item }: { item: WorkItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const entryText = useEntryText();
  const headingId = `work-${item.kind.replace(/\W/g, '-')}`;
  const more = moreEntries(item);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {t(`staff.work.${item.kind}.title`)}
        </Title>
        <Text fz="xl" fw={700} lh={1} aria-hidden>
          {format.number(item.count)}
        </Text>
      </Group>
      <Text mb="xs">{t(`staff.work.${item.kind}.count`, { count: item.count })}</Text>
      {/* An item may come with no entries (the cases module gives counts only): its link to the screen stays. */}
      <Stack gap="xs">
        {item.entries.length > 0 ? (
          <List spacing={6}>
            {item.entries.map((entry) => (
              <List.Item key={entryKey(entry)}>
                <Anchor component={Link} to={staffPath(entry.href)}>
                  {entryText(item.kind, entry)}
                </Anchor>
                {entry.reason ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {t(`staff.work.${item.kind}.reason`, { reason: entry.reason })}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Anchor component={Link} to={staffPath(item.href)} fw={600}>
          {more > 0 ? t(`staff.work.${item.kind}.openMore`, { count: more }) : t(`staff.work.${item.kind}.open`)}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/**
 * The workspace's first page: where the person acts, and what waits for them in each of their roles, with
 * counts and links to where each thing is done (the navigation lists the screens themselves).
 */
export function StaffHome() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const work = useQuery({
    queryKey: workKey(me.organisation.id),
    queryFn: ({ signal }) => api.get<MyWork>('/me/work', { signal }),
    staleTime: 0,
  });
  const items = work.data?.items ?? [];
  const { waiting, clear, total } = arrangeWork(items);
  return (
    <>
      <ScreenHeader
        title={t('staff.home.welcome', { name: me.user.displayName })}
        description={t('staff.home.actingAs', {
          organisation: me.organisation.name,
          roles: format.list(me.roles.map((role) => t(`role.${role}`))),
        })}
      />
      {work.isPending ? (
        <PageLoader />
      ) : work.isError ? (
        <ErrorPanel error={work.error} onRetry={() => void work.refetch()} />
      ) : (
        <Stack gap="md">
          <Text aria-live="polite" fw={600}>
            {items.length === 0 ? t('staff.home.noWorkKinds') : t('staff.home.waiting', { count: total })}
          </Text>
          {waiting.length > 0 ? (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {waiting.map((item) => (
                <WorkPanel key={item.kind} item={item} />
              ))}
            </SimpleGrid>
          ) : null}
          {clear.length > 0 ? (
            <section aria-labelledby="work-clear">
              <Title order={2} size="h5" id="work-clear" mb={4}>
                {t('staff.home.clearTitle')}
              </Title>
              <List spacing={4}>
                {clear.map((item) => (
                  <List.Item key={item.kind}>{t(`staff.work.${item.kind}.none`)}</List.Item>
                ))}
              </List>
            </section>
          ) : null}
        </Stack>
      )}
    </>
  );
}
