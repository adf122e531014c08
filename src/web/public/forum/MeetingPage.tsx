import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AgendaItem, Meeting } from '../../../shared/forum/schemas/meetings.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageTitle } from '../../components/page.ts';
import { RECORD_ID, useMeeting } from './api.ts';
import { EvidenceList, Loaded, RecordNotFound } from './parts.tsx';

/**
 * `/meetings/:id`: one meeting on the record: its body, date and place, who sat at the table (civil-society seats
 * counted), the agenda with the organisations heard on each item, their public positions and how the chair
 * recorded they were taken into account, the decisions, and the minutes with their approvals.
 */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const back = t('forumPortal.meetings.back');
  if (!RECORD_ID.test(id)) return <RecordNotFound back="/meetings" backLabel={back} />;
  return <MeetingRecord id={id} />;
}

function MeetingRecord({ id }: { id: string }) {
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  usePageTitle(meeting.data?.title ?? t('forumPortal.meetings.title'));
  if (meeting.data === null) return <RecordNotFound back="/meetings" backLabel={t('forumPortal.meetings.back')} />;
  return <Loaded query={meeting}>{(data) => (data ? <MeetingSections meeting={data} /> : null)}</Loaded>;
}

function MeetingSections({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="xl">
      <section aria-labelledby="meeting-title">
        <Anchor component={Link} to="/meetings" size="sm">
          {t('forumPortal.meetings.back')}
        </Anchor>
        <Title id="meeting-title" order={1} mt="xs" dir="auto">
          {meeting.title}
        </Title>
        <Text mt="xs">
          {meeting.body.name} · {format.date(meeting.heldOn)} · {t(`forumPortal.channel.${meeting.channel}`)}
          {meeting.place ? ` · ${meeting.place}` : ''}
        </Text>
        <Text>{t(`forumPortal.meetingStatus.${meeting.status}`)}</Text>
      </section>

      <section aria-labelledby="participants-title">
        <Title id="participants-title" order={2} size="h3" mb="xs">
          {t('forumPortal.meeting.participants')}
        </Title>
        <Text mb="xs">
          {t('forumPortal.meetings.seats', {
            participants: meeting.participants,
            civilSociety: meeting.civilSocietySeats,
          })}
        </Text>
        <List>
          {meeting.participantList.map((participant) => (
            <List.Item key={participant.organisation.id}>
              {participant.organisation.name} · {t(`forumPortal.seat.${participant.seat}`)}
              {meeting.status !== 'planned' && !participant.attended ? ` · ${t('forumPortal.meeting.absent')}` : ''}
            </List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="agenda-title">
        <Title id="agenda-title" order={2} size="h3" mb="xs">
          {t('forumPortal.meeting.agenda')}
        </Title>
        <Stack component="ol" gap="md" style={{ paddingInlineStart: '1.25rem', margin: 0 }}>
          {meeting.agenda.map((item) => (
            <AgendaEntry key={item.id} item={item} />
          ))}
        </Stack>
      </section>

      <section aria-labelledby="decisions-title">
        <Title id="decisions-title" order={2} size="h3" mb="xs">
          {t('forumPortal.meeting.decisions')}
        </Title>
        {meeting.decisionList.length === 0 ? (
          <Text>{t('forumPortal.meeting.noDecisions')}</Text>
        ) : (
          <List>
            {meeting.decisionList.map((decision) => (
              <List.Item key={decision.id}>
                <Text dir="auto">
                  {format.date(decision.decidedOn)}: {decision.text}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby="minutes-title">
        <Title id="minutes-title" order={2} size="h3" mb="xs">
          {t('forumPortal.meeting.minutes')}
        </Title>
        {meeting.minutes ? (
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.minutes}
          </Text>
        ) : (
          <Text>
            {t(meeting.status === 'held' ? 'forumPortal.meeting.minutesAwaiting' : 'forumPortal.meeting.noMinutes')}
          </Text>
        )}
        {meeting.approvals.length > 0 ? (
          <Text mt="xs" size="sm">
            {t('forumPortal.meeting.approvedBy', {
              names: format.list(meeting.approvals.map((approval) => approval.organisation.name)),
            })}
          </Text>
        ) : null}
        {meeting.awaitingApproval.length > 0 && meeting.status === 'held' ? (
          <Text mt="xs" size="sm">
            {t('forumPortal.meeting.awaiting', {
              names: format.list(meeting.awaitingApproval.map((organisation) => organisation.name)),
            })}
          </Text>
        ) : null}
      </section>
    </Stack>
  );
}

function AgendaEntry({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <li>
      <Text fw={600} dir="auto">
        {item.title}
      </Text>
      <Text size="sm">
        {item.heard.length === 0
          ? t('forumPortal.meeting.heardNone')
          : t('forumPortal.meeting.heard', { names: format.list(item.heard.map((organisation) => organisation.name)) })}
      </Text>
      {item.positions.map((position) => (
        <Card key={position.id} withBorder padding="sm" mt="xs">
          <Text size="sm" fw={600}>
            {t('forumPortal.meeting.positionBy', { name: position.organisation.name })}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {position.text}
          </Text>
          <EvidenceList evidence={position.evidence} />
          {position.attachments.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {t('forumPortal.meeting.files')}
              </Text>
              <List size="sm">
                {position.attachments.map((file) => (
                  <List.Item key={file.id} style={{ overflowWrap: 'anywhere' }}>
                    <Anchor href={file.href} dir="auto">
                      {file.fileName}
                    </Anchor>{' '}
                    ({t('forumPortal.meeting.fileSize', { kilobytes: format.number(Math.ceil(file.byteSize / 1024)) })})
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
          {position.treatment ? (
            <Text size="sm" mt="xs">
              <strong>{t('forumPortal.meeting.treatment')}</strong> {t(`forumPortal.treatment.${position.treatment}`)}
            </Text>
          ) : null}
        </Card>
      ))}
      {item.membersOnly > 0 ? (
        <Text size="sm" mt="xs">
          {t('forumPortal.meeting.membersOnly', { count: item.membersOnly })}
        </Text>
      ) : null}
      {item.treatment ? (
        <Text size="sm" mt="xs" dir="auto">
          <strong>{t('forumPortal.meeting.takenIntoAccount')}</strong> {item.treatment}
        </Text>
      ) : null}
    </li>
  );
}
