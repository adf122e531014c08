import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '../../../shared/forum/schemas/meetings.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageTitle } from '../../components/page.ts';
import { useMeetings } from './api.ts';
import { Loaded } from './parts.tsx';

/**
 * `/meetings`: the meetings of the return mechanism (the steering committee, the tripartite commissions, the
 * working groups and the consultations with civil society), newest first, each with its seats for civil society.
 */
export default function MeetingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('forumPortal.meetings.title'));
  const meetings = useMeetings();
  return (
    <Stack gap="xl">
      <section aria-labelledby="meetings-title">
        <Title id="meetings-title" order={1} mb="md">
          {t('forumPortal.meetings.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('forumPortal.meetings.lead')}
        </Text>
      </section>
      <Loaded query={meetings}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('forumPortal.meetings.none')}</Text>
          ) : (
            <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((meeting) => (
                <MeetingCard key={meeting.id} meeting={meeting} />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Stack>
  );
}

function MeetingCard({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card component="li" withBorder padding="md">
      <Text size="sm" c="dimmed">
        {format.date(meeting.heldOn)} · {meeting.body.name}
      </Text>
      <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600} dir="auto">
        {meeting.title}
      </Anchor>
      <Group gap="lg" mt="xs">
        <Text size="sm">{t(`forumPortal.meetingStatus.${meeting.status}`)}</Text>
        <Text size="sm">
          {t('forumPortal.meetings.seats', {
            participants: meeting.participants,
            civilSociety: meeting.civilSocietySeats,
          })}
        </Text>
        <Text size="sm">{t('forumPortal.meetings.decisions', { count: meeting.decisions })}</Text>
      </Group>
    </Card>
  );
}
