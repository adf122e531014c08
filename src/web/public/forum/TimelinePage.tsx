import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { TIMELINE_KINDS } from '../../../shared/forum/constants.ts';
import type { TimelineEntry } from '../../../shared/forum/schemas/timeline.ts';
import { timelineSentence } from '../../../shared/forum/timeline-text.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/page.ts';
import { timelineFilters, useTimeline } from './api.ts';

/** The forum's other public pages, each a record the timeline's entries point into. */
const FORUM_PAGES = [
  ['/meetings', 'forumPortal.meetings.title'],
  ['/commitments', 'forumPortal.commitments.title'],
  ['/consultations', 'forumPortal.consultations.title'],
  ['/flags', 'forumPortal.flags.title'],
  ['/scorecard', 'forumPortal.scorecard.title'],
] as const;

/**
 * `/timeline`: one public timeline of the mechanism's decisions (criteria versions and consultations, zone class
 * publications, agreements, meetings and their decisions, commitments made, kept or broken, flags raised and
 * answered), newest first, each line linked to its transparency-log entry. The filters are a plain GET form and
 * "Older entries" a link, so it all works without JavaScript; the Atom feed has the same entries.
 */
export default function TimelinePage() {
  const { t } = useTranslation();
  usePageTitle(t('forum.timeline.title'));
  const { search } = useLocation();
  const filters = timelineFilters(search);
  const timeline = useTimeline(search);
  const { cursor: _, ...kept } = filters;
  const older = timeline.data?.nextCursor
    ? `/timeline?${new URLSearchParams({ ...kept, cursor: timeline.data.nextCursor }).toString()}`
    : null;
  return (
    <Stack gap="xl">
      <section aria-labelledby="timeline-title">
        <Title id="timeline-title" order={1} mb="md">
          {t('forum.timeline.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('forum.timeline.lead')}
        </Text>
        <Anchor href="/timeline.atom" size="sm">
          {t('forum.timeline.feed')}
        </Anchor>
        <Group component="nav" aria-label={t('forumPortal.nav')} gap="md" mt="sm">
          {FORUM_PAGES.map(([to, label]) => (
            <Anchor key={to} component={Link} to={to}>
              {t(label)}
            </Anchor>
          ))}
        </Group>
      </section>
      <form method="get" action="/timeline" aria-label={t('forum.timeline.filters')}>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <NativeSelect
            name="kind"
            label={t('forum.timeline.kind')}
            defaultValue={filters.kind ?? ''}
            data={[
              { value: '', label: t('forum.timeline.anyKind') },
              ...TIMELINE_KINDS.map((kind) => ({ value: kind, label: t(`forum.timeline.kind.${kind}`) })),
            ]}
          />
          <TextInput
            name="state"
            label={t('forum.timeline.state')}
            defaultValue={filters.state ?? ''}
            maxLength={2}
            w={90}
          />
          <TextInput
            name="zone"
            label={t('forum.timeline.zone')}
            defaultValue={filters.zone ?? ''}
            maxLength={14}
            w={150}
          />
          <TextInput
            name="body"
            label={t('forum.timeline.body')}
            defaultValue={filters.body ?? ''}
            maxLength={60}
            w={200}
          />
          <Button type="submit">{t('forum.timeline.show')}</Button>
        </Group>
      </form>
      {timeline.isPending ? (
        <PageLoader />
      ) : timeline.isError ? (
        <ErrorPanel error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.items.length === 0 ? (
        <Text>{t('forum.timeline.none')}</Text>
      ) : (
        <section aria-label={t('forum.timeline.entries')}>
          <Stack component="ol" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {timeline.data.items.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </Stack>
          {older ? (
            <Anchor component={Link} to={older} mt="lg" display="inline-block">
              {t('forum.timeline.older')}
            </Anchor>
          ) : null}
        </section>
      )}
    </Stack>
  );
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  return (
    <li>
      <Text size="sm" c="dimmed">
        {format.date(entry.occurredAt)} · {t(`forum.timeline.kind.${entry.kind}`)}
      </Text>
      <Text dir="auto" style={{ overflowWrap: 'anywhere' }}>
        {entry.link ? (
          <Anchor component={Link} to={entry.link}>
            {timelineSentence(entry, i18n.language)}
          </Anchor>
        ) : (
          timelineSentence(entry, i18n.language)
        )}
      </Text>
      <Anchor href={entry.log.proof} size="xs">
        {t('forum.timeline.logEntry', { seq: entry.log.seq })}
      </Anchor>
    </li>
  );
}
