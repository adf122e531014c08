import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MEETING_CHANNELS, MEETING_STATUSES, type MeetingChannel } from '../../../../shared/forum/constants.ts';
import type { Body, MeetingRequest } from '../../../../shared/forum/schemas/meetings.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ActionBar } from '../../components/Dialog.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { useFilters } from '../../components/filters.ts';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { useCan, useMe } from '../../session.ts';
import { isolate, MeetingStatusText, today, useDayFormat, WhereText } from './labels.tsx';
import { type MeetingFilters, useBodies, useMeetings, useScheduleMeeting } from './queries.ts';

const NO_FILTERS: MeetingFilters = { bodyId: '', status: '' };
const TITLE_MAX = 200;
const ITEM_MAX = 300;
const AGENDA_MAX = 30;

/**
 * `forum/meetings`: the meetings of the mechanism's bodies, newest first, each with its civil-society seats
 * counted; filters (body, status) kept in the address. The chair's people schedule a meeting of a body their
 * organisation chairs, with its agenda.
 */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const day = useDayFormat();
  const can = useCan();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const [scheduling, setScheduling] = useState(false);
  const meetings = useMeetings(filters);
  const bodies = useBodies();
  const field = (name: keyof MeetingFilters) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <>
      <ScreenHeader
        title={t('forumMeetings.list.title')}
        description={t('forumMeetings.list.intro')}
        actions={
          can('meeting:manage') && !scheduling ? (
            <Button onClick={() => setScheduling(true)}>{t('forumMeetings.schedule.open')}</Button>
          ) : null
        }
      />
      {scheduling ? <ScheduleForm bodies={bodies.data?.items ?? []} onClose={() => setScheduling(false)} /> : null}
      <FilterForm
        label={t('forumMeetings.list.filters')}
        onApply={() => setFilters(draft)}
        onClear={() => {
          setDraft(NO_FILTERS);
          setFilters(NO_FILTERS);
        }}
      >
        <NativeSelect label={t('forumMeetings.filter.body')} {...field('bodyId')}>
          <option value="">{t('forumMeetings.filter.anyBody')}</option>
          {(bodies.data?.items ?? []).map((body) => (
            <option key={body.id} value={body.id}>
              {body.name}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect label={t('forumMeetings.filter.status')} {...field('status')}>
          <option value="">{t('forumMeetings.filter.anyStatus')}</option>
          {MEETING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`forumMeetings.status.${status}`)}
            </option>
          ))}
        </NativeSelect>
      </FilterForm>
      {meetings.isPending ? (
        <PageLoader />
      ) : meetings.isError ? (
        <ErrorPanel error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.data.items.length === 0 ? (
        <Text mt="md">{t('forumMeetings.list.none')}</Text>
      ) : (
        <StackTable striped captionSide="top" verticalSpacing="sm" mt="md" aria-busy={meetings.isFetching}>
          <Table.Caption ta="start">
            {t('forumMeetings.list.caption', { count: meetings.data.items.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('forumMeetings.column.meeting')}</Table.Th>
              <Table.Th scope="col">{t('forumMeetings.column.body')}</Table.Th>
              <Table.Th scope="col">{t('forumMeetings.column.date')}</Table.Th>
              <Table.Th scope="col">{t('forumMeetings.column.where')}</Table.Th>
              <Table.Th scope="col">{t('forumMeetings.column.status')}</Table.Th>
              <Table.Th scope="col">{t('forumMeetings.column.civilSociety')}</Table.Th>
              <Table.Th scope="col">{t('forumMeetings.column.decisions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meetings.data.items.map((meeting) => (
              <Table.Tr key={meeting.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/staff/forum/meetings/${meeting.id}`} fw={600} dir="auto">
                    {meeting.title}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <span dir="auto">{meeting.body.name}</span>
                </Table.Td>
                <Table.Td>{day(meeting.heldOn)}</Table.Td>
                <Table.Td>
                  <WhereText meeting={meeting} />
                </Table.Td>
                <Table.Td>
                  <MeetingStatusText status={meeting.status} />
                </Table.Td>
                <Table.Td>
                  {t('forumMeetings.seats', {
                    seats: meeting.civilSocietySeats,
                    participants: meeting.participants,
                  })}
                </Table.Td>
                <Table.Td>{format.number(meeting.decisions)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </>
  );
}

interface Draft {
  bodyId: string;
  title: string;
  heldOn: string;
  channel: MeetingChannel;
  place: string;
  positionsDueOn: string;
  agenda: { key: number; title: string }[];
}

/** Scheduling a meeting of a body the person's organisation chairs: its day, channel, place and agenda. */
function ScheduleForm({ bodies, onClose }: { bodies: Body[]; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const schedule = useScheduleMeeting();
  const chaired = bodies.filter((body) => body.chair.id === me.organisation.id);
  const [nextKey, setNextKey] = useState(1);
  const [draft, setDraft] = useState<Draft>({
    bodyId: '',
    title: '',
    heldOn: '',
    channel: 'in_person',
    place: '',
    positionsDueOn: '',
    agenda: [{ key: 0, title: '' }],
  });
  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const agenda = draft.agenda.map((item) => item.title.trim()).filter(Boolean);
  const ready = Boolean(draft.bodyId && draft.title.trim() && draft.heldOn && agenda.length > 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: MeetingRequest = {
      bodyId: draft.bodyId,
      title: draft.title.trim(),
      heldOn: draft.heldOn,
      channel: draft.channel,
      ...(draft.place.trim() ? { place: draft.place.trim() } : {}),
      ...(draft.positionsDueOn ? { positionsDueOn: draft.positionsDueOn } : {}),
      agenda: agenda.map((title) => ({ title })),
    };
    schedule.mutate(body, {
      onSuccess: (meeting) =>
        void navigate(`/staff/forum/meetings/${meeting.id}`, {
          state: { done: t('forumMeetings.schedule.done', { title: isolate(meeting.title) }) },
        }),
    });
  };
  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="meeting-schedule">
      <Title order={2} size="h4" id="meeting-schedule" mb="sm">
        {t('forumMeetings.schedule.title')}
      </Title>
      {chaired.length === 0 ? (
        <Stack gap="sm">
          <Text>{t('forumMeetings.schedule.noBody')}</Text>
          <ActionBar justify="flex-start">
            <Button variant="default" onClick={onClose}>
              {t('forumMeetings.schedule.cancel')}
            </Button>
          </ActionBar>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" maw={720}>
            <FormError error={schedule.error} />
            <NativeSelect
              label={t('forumMeetings.schedule.body')}
              description={t('forumMeetings.schedule.bodyHint')}
              value={draft.bodyId}
              onChange={(event) => set({ bodyId: event.currentTarget.value })}
              error={fieldError(t, schedule.error, 'bodyId')}
              required
            >
              <option value="">{t('forumMeetings.schedule.chooseBody')}</option>
              {chaired.map((body) => (
                <option key={body.id} value={body.id}>
                  {body.name}
                </option>
              ))}
            </NativeSelect>
            <TextInput
              label={t('forumMeetings.schedule.meetingTitle')}
              value={draft.title}
              onChange={(event) => set({ title: event.currentTarget.value })}
              maxLength={TITLE_MAX}
              error={fieldError(t, schedule.error, 'title')}
              required
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                type="date"
                label={t('forumMeetings.schedule.heldOn')}
                value={draft.heldOn}
                min={today()}
                onChange={(event) => set({ heldOn: event.currentTarget.value })}
                error={fieldError(t, schedule.error, 'heldOn')}
                required
              />
              <TextInput
                type="date"
                label={t('forumMeetings.schedule.positionsDueOn')}
                description={t('forumMeetings.schedule.positionsDueOnHint')}
                value={draft.positionsDueOn}
                max={draft.heldOn || undefined}
                onChange={(event) => set({ positionsDueOn: event.currentTarget.value })}
                error={fieldError(t, schedule.error, 'positionsDueOn')}
              />
              <NativeSelect
                label={t('forumMeetings.schedule.channel')}
                value={draft.channel}
                onChange={(event) => set({ channel: event.currentTarget.value as MeetingChannel })}
                error={fieldError(t, schedule.error, 'channel')}
              >
                {MEETING_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`forumMeetings.channel.${channel}`)}
                  </option>
                ))}
              </NativeSelect>
              <TextInput
                label={t('forumMeetings.schedule.place')}
                description={t('forumMeetings.schedule.placeHint')}
                value={draft.place}
                onChange={(event) => set({ place: event.currentTarget.value })}
                maxLength={TITLE_MAX}
                error={fieldError(t, schedule.error, 'place')}
              />
            </SimpleGrid>
            <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Text component="legend" fw={600} mb={4}>
                {t('forumMeetings.schedule.agenda')}
              </Text>
              <Text size="sm" c="dimmed" mb="xs">
                {t('forumMeetings.schedule.agendaHint')}
              </Text>
              <Stack gap="xs">
                {draft.agenda.map((item, i) => (
                  <Group key={item.key} gap="xs" align="flex-end" wrap="nowrap">
                    <TextInput
                      label={t('forumMeetings.schedule.item', { number: i + 1 })}
                      value={item.title}
                      onChange={(event) => {
                        const title = event.currentTarget.value;
                        set({ agenda: draft.agenda.map((one) => (one.key === item.key ? { ...one, title } : one)) });
                      }}
                      maxLength={ITEM_MAX}
                      error={fieldError(t, schedule.error, `agenda.${i}.title`)}
                      style={{ flex: '1 1 auto', minWidth: 0 }}
                    />
                    {draft.agenda.length > 1 ? (
                      <ActionIcon
                        variant="default"
                        size="input-sm"
                        aria-label={t('forumMeetings.schedule.removeItem', { number: i + 1 })}
                        onClick={() => set({ agenda: draft.agenda.filter((one) => one.key !== item.key) })}
                      >
                        <span aria-hidden="true">×</span>
                      </ActionIcon>
                    ) : null}
                  </Group>
                ))}
              </Stack>
              {draft.agenda.length < AGENDA_MAX ? (
                <Button
                  variant="default"
                  mt="xs"
                  onClick={() => {
                    set({ agenda: [...draft.agenda, { key: nextKey, title: '' }] });
                    setNextKey(nextKey + 1);
                  }}
                >
                  {t('forumMeetings.schedule.addItem')}
                </Button>
              ) : null}
            </fieldset>
            <ActionBar justify="flex-start">
              <Button type="submit" loading={schedule.isPending} disabled={!ready}>
                {t('forumMeetings.schedule.submit')}
              </Button>
              <Button variant="default" onClick={onClose} disabled={schedule.isPending}>
                {t('forumMeetings.schedule.cancel')}
              </Button>
            </ActionBar>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
