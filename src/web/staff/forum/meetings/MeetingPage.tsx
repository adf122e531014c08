import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  EVIDENCE_KINDS,
  type EvidenceKind,
  POSITION_TREATMENTS,
  type PositionTreatment,
  type PositionVisibility,
} from '../../../../shared/forum/constants.ts';
import type { Evidence } from '../../../../shared/forum/schemas/common.ts';
import type { AgendaItem, Meeting, Position } from '../../../../shared/forum/schemas/meetings.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ActionBar } from '../../components/Dialog.tsx';
import { Done } from '../../components/Done.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan, useMe } from '../../session.ts';
import { isolate, MeetingStatusText, TreatmentText, today, useDayFormat, WhereText } from './labels.tsx';
import { PositionFiles } from './PositionFiles.tsx';
import { useBodies, useMakeCommitment, useMeeting, useMeetingCommitments, useMeetingWrites } from './queries.ts';

const POSITION_MAX = 20_000;
const TREATMENT_MAX = 20_000;
const DECISION_MAX = 5_000;
const COMMITMENT_MAX = 2_000;
const MINUTES_MAX = 100_000;
const EVIDENCE_MAX = 20;
const REF_MAX = 500;

type SetDone = (message: string) => void;

/**
 * `forum/meetings/:id`: one meeting: its agenda, and on each item the positions submitted (the members-only ones
 * for the body's members), who was heard and the chair's account of how the positions were taken into account;
 * the participants with the civil-society seats counted; the decisions; the minutes and the members' approvals.
 * Each form shows to those who may use it; the server checks again and its refusals are shown in words.
 */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const meeting = useMeeting(id);
  const navigate = useNavigate();
  // The scheduling form's message, brought along from the list; taken off the history entry, so a reload drops it.
  const [done, setDone] = useState<string>(() => (location.state as { done?: string } | null)?.done ?? '');
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  if (meeting.isPending) return <PageLoader />;
  if (meeting.isError) return <ErrorPanel error={meeting.error} onRetry={() => void meeting.refetch()} />;
  return <MeetingView meeting={meeting.data} done={done} setDone={setDone} />;
}

function MeetingView({ meeting, done, setDone }: { meeting: Meeting; done: string; setDone: SetDone }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const day = useDayFormat();
  const can = useCan();
  const me = useMe();
  const bodies = useBodies();
  const body = bodies.data?.items.find((one) => one.id === meeting.body.id);
  // The chair's forms show to the people of the organisation that chairs the body (the server checks again).
  const chair = can('meeting:manage') && body?.chair.id === me.organisation.id;
  const positionsOpen = today() <= meeting.positionsDueOn;
  return (
    <>
      <ScreenHeader title={meeting.title} description={meeting.body.name} />
      <Anchor component={Link} to="/staff/forum/meetings" mb="md" display="inline-block">
        {t('forumMeetings.meeting.back')}
      </Anchor>
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        <Group gap="xs">
          <MeetingStatusText status={meeting.status} />
        </Group>
        <Facts columns={3}>
          <Fact label={t('forumMeetings.column.body')}>
            <span dir="auto">{meeting.body.name}</span>
          </Fact>
          <Fact label={t('forumMeetings.column.date')}>{day(meeting.heldOn)}</Fact>
          <Fact label={t('forumMeetings.column.where')}>
            <WhereText meeting={meeting} />
          </Fact>
          <Fact label={t('forumMeetings.meeting.positionsDueOn')}>
            {day(meeting.positionsDueOn)}
            {positionsOpen ? null : ` · ${t('forumMeetings.meeting.positionsClosed')}`}
          </Fact>
          <Fact label={t('forumMeetings.column.civilSociety')}>
            {t('forumMeetings.seats', { seats: meeting.civilSocietySeats, participants: meeting.participants })}
          </Fact>
          <Fact label={t('forumMeetings.column.decisions')}>{format.number(meeting.decisions)}</Fact>
        </Facts>
        <Section title={t('forumMeetings.agenda.title')} id="meeting-agenda">
          <Stack gap="md">
            {meeting.agenda.map((item) => (
              <AgendaItemView key={item.id} meeting={meeting} item={item} chair={chair} setDone={setDone} />
            ))}
          </Stack>
        </Section>
        {can('position:submit') && positionsOpen ? <PositionForm meeting={meeting} setDone={setDone} /> : null}
        <Participants meeting={meeting} />
        {chair && meeting.status !== 'minutes_approved' ? <HeldForm meeting={meeting} setDone={setDone} /> : null}
        <Decisions meeting={meeting} chair={chair} setDone={setDone} />
        <Commitments meeting={meeting} setDone={setDone} />
        <Minutes meeting={meeting} setDone={setDone} />
      </Stack>
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const prose = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** One agenda item: who was heard, the positions the reader may see, and the chair's account. */
function AgendaItemView({
  meeting,
  item,
  chair,
  setDone,
}: {
  meeting: Meeting;
  item: AgendaItem;
  chair: boolean;
  setDone: SetDone;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = `agenda-item-${item.id}`;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId} data-testid="agenda-item">
      <Title order={3} size="h5" id={headingId} mb="xs">
        {t('forumMeetings.agenda.item', { number: item.position, title: item.title })}
      </Title>
      {item.frameworkVersion !== null ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('forumMeetings.agenda.framework', { version: item.frameworkVersion })}
        </Text>
      ) : null}
      <Text size="sm" mb="xs">
        {item.heard.length === 0
          ? t('forumMeetings.agenda.heardNone')
          : t('forumMeetings.agenda.heard', { organisations: format.list(item.heard.map((one) => isolate(one.name))) })}
      </Text>
      <Title order={4} size="h6" mt="sm" mb="xs">
        {t('forumMeetings.positions.title')}
      </Title>
      {item.positions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('forumMeetings.positions.none')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {item.positions.map((position) => (
            <PositionView key={position.id} meeting={meeting} position={position} />
          ))}
        </Stack>
      )}
      {item.membersOnly > 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('forumMeetings.positions.membersOnly', { count: item.membersOnly })}
        </Text>
      ) : null}
      <Title order={4} size="h6" mt="sm" mb="xs">
        {t('forumMeetings.treatment.title')}
      </Title>
      {item.treatment ? (
        <Text size="sm" dir="auto" style={prose} data-testid="item-treatment">
          {item.treatment}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('forumMeetings.treatment.notYet')}
        </Text>
      )}
      {chair ? <TreatmentForm meeting={meeting} item={item} setDone={setDone} /> : null}
    </Paper>
  );
}

function PositionView({ meeting, position }: { meeting: Meeting; position: Position }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useMe();
  const can = useCan();
  const canAttach =
    can('position:submit') && position.organisation.id === me.organisation.id && meeting.positionsDueOn >= today();
  return (
    <Paper component="li" withBorder p="sm" bg="gray.0" data-testid="position">
      <Group gap="xs" mb={4} wrap="wrap">
        <Text size="sm" fw={700} dir="auto">
          {position.organisation.name}
        </Text>
        <StatusBadge tone={position.visibility === 'public' ? 'neutral' : 'fair'}>
          {t(`forumMeetings.visibility.${position.visibility}`)}
        </StatusBadge>
        <TreatmentText treatment={position.treatment} />
      </Group>
      <Text size="xs" c="dimmed" mb={4}>
        {t('forumMeetings.positions.submittedAt', { at: format.dateTime(position.submittedAt) })}
      </Text>
      <Text size="sm" dir="auto" style={prose}>
        {position.text}
      </Text>
      {position.evidence.length > 0 ? (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('forumMeetings.evidence.title')}
          </Text>
          <List size="sm" spacing={2}>
            {position.evidence.map((evidence, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence has no id and its order never changes
              <List.Item key={i}>
                <EvidenceView evidence={evidence} />
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      <PositionFiles meetingId={meeting.id} position={position} canAttach={canAttach} />
    </Paper>
  );
}

/** An address or a key: left to right inside right-to-left text, broken anywhere rather than running off a phone. */
const LTR_BREAKING = { unicodeBidi: 'isolate', overflowWrap: 'anywhere' } as const;

/** A piece of evidence: a link opens (https only, checked by the server), a record of another module is named. */
function EvidenceView({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation();
  const note = evidence.note ? (
    <>
      {' · '}
      <span dir="auto">{evidence.note}</span>
    </>
  ) : null;
  if (evidence.kind === 'link' && evidence.ref.startsWith('https://')) {
    return (
      <>
        <Anchor href={evidence.ref} target="_blank" rel="noopener noreferrer" dir="ltr" style={LTR_BREAKING}>
          {evidence.ref}
        </Anchor>
        {note}
      </>
    );
  }
  return (
    <>
      {t(`forumMeetings.evidence.kind.${evidence.kind}`)}:{' '}
      <span dir="ltr" style={LTR_BREAKING}>
        {evidence.ref}
      </span>
      {note}
    </>
  );
}

interface EvidenceDraft {
  key: number;
  kind: EvidenceKind;
  ref: string;
  note: string;
}

/** A position of the person's organisation on one agenda item, with its evidence, before the due date. */
function PositionForm({ meeting, setDone }: { meeting: Meeting; setDone: SetDone }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { position } = useMeetingWrites(meeting.id);
  const [itemId, setItemId] = useState('');
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<PositionVisibility>('public');
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([]);
  const [nextKey, setNextKey] = useState(0);
  const change = (key: number, changes: Partial<EvidenceDraft>) =>
    setEvidence(evidence.map((one) => (one.key === key ? { ...one, ...changes } : one)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    position.mutate(
      {
        agendaItemId: itemId,
        text: text.trim(),
        visibility,
        evidence: evidence
          .filter((one) => one.ref.trim())
          .map((one) => ({
            kind: one.kind,
            ref: one.ref.trim(),
            ...(one.note.trim() ? { note: one.note.trim() } : {}),
          })),
      },
      {
        onSuccess: () => {
          setText('');
          setEvidence([]);
          setDone(t('forumMeetings.positionForm.done'));
        },
      },
    );
  };
  return (
    <Section title={t('forumMeetings.positionForm.title')} id="meeting-position">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={720}>
          <Text size="sm">{t('forumMeetings.positionForm.intro', { date: day(meeting.positionsDueOn) })}</Text>
          <FormError error={position.error} />
          <NativeSelect
            label={t('forumMeetings.positionForm.item')}
            value={itemId}
            onChange={(event) => setItemId(event.currentTarget.value)}
            error={fieldError(t, position.error, 'agendaItemId')}
            required
          >
            <option value="">{t('forumMeetings.positionForm.chooseItem')}</option>
            {meeting.agenda.map((item) => (
              <option key={item.id} value={item.id}>
                {t('forumMeetings.agenda.item', { number: item.position, title: item.title })}
              </option>
            ))}
          </NativeSelect>
          <Textarea
            label={t('forumMeetings.positionForm.text')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={POSITION_MAX}
            autosize
            minRows={4}
            error={fieldError(t, position.error, 'text')}
            required
          />
          <Radio.Group
            label={t('forumMeetings.positionForm.visibility')}
            value={visibility}
            onChange={(value) => setVisibility(value as PositionVisibility)}
          >
            <Stack gap={6} mt={4}>
              <Radio value="public" label={t('forumMeetings.positionForm.public')} />
              <Radio value="members" label={t('forumMeetings.positionForm.members')} />
            </Stack>
          </Radio.Group>
          <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Text component="legend" fw={600} mb={4}>
              {t('forumMeetings.evidence.title')}
            </Text>
            <Text size="sm" c="dimmed" mb="xs">
              {t('forumMeetings.evidence.hint')}
            </Text>
            <Stack gap="sm">
              {evidence.map((one, i) => (
                <Paper key={one.key} withBorder p="xs">
                  <Stack gap="xs">
                    <NativeSelect
                      label={t('forumMeetings.evidence.kindLabel', { number: i + 1 })}
                      value={one.kind}
                      onChange={(event) => change(one.key, { kind: event.currentTarget.value as EvidenceKind })}
                    >
                      {EVIDENCE_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`forumMeetings.evidence.kind.${kind}`)}
                        </option>
                      ))}
                    </NativeSelect>
                    <TextInput
                      label={one.kind === 'link' ? t('forumMeetings.evidence.link') : t('forumMeetings.evidence.ref')}
                      value={one.ref}
                      onChange={(event) => change(one.key, { ref: event.currentTarget.value })}
                      maxLength={REF_MAX}
                      dir="ltr"
                      type={one.kind === 'link' ? 'url' : 'text'}
                      error={fieldError(t, position.error, `evidence.${i}.ref`)}
                    />
                    <TextInput
                      label={t('forumMeetings.evidence.note')}
                      value={one.note}
                      onChange={(event) => change(one.key, { note: event.currentTarget.value })}
                      maxLength={REF_MAX}
                    />
                    <div>
                      <Button
                        variant="default"
                        size="xs"
                        onClick={() => setEvidence(evidence.filter((other) => other.key !== one.key))}
                      >
                        {t('forumMeetings.evidence.remove', { number: i + 1 })}
                      </Button>
                    </div>
                  </Stack>
                </Paper>
              ))}
            </Stack>
            {evidence.length < EVIDENCE_MAX ? (
              <Button
                variant="default"
                mt="xs"
                onClick={() => {
                  setEvidence([...evidence, { key: nextKey, kind: 'link', ref: '', note: '' }]);
                  setNextKey(nextKey + 1);
                }}
              >
                {t('forumMeetings.evidence.add')}
              </Button>
            ) : null}
          </fieldset>
          <ActionBar justify="flex-start">
            <Button type="submit" loading={position.isPending} disabled={!itemId || !text.trim()}>
              {t('forumMeetings.positionForm.submit')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Section>
  );
}

/** The chair's account of how the item's positions were taken into account, and each position's treatment. */
function TreatmentForm({ meeting, item, setDone }: { meeting: Meeting; item: AgendaItem; setDone: SetDone }) {
  const { t } = useTranslation();
  const { treatment } = useMeetingWrites(meeting.id);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(item.treatment ?? '');
  const [given, setGiven] = useState<Record<string, PositionTreatment | ''>>(() =>
    Object.fromEntries(item.positions.map((position) => [position.id, position.treatment ?? ''])),
  );
  const label = t('forumMeetings.agenda.item', { number: item.position, title: item.title });
  if (!open) {
    return (
      <ActionBar justify="flex-start">
        <Button variant="default" mt="sm" onClick={() => setOpen(true)} aria-describedby={`agenda-item-${item.id}`}>
          {item.treatment ? t('forumMeetings.treatment.edit') : t('forumMeetings.treatment.open')}
        </Button>
      </ActionBar>
    );
  }
  const missing = item.positions.some((position) => !given[position.id]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    treatment.mutate(
      {
        itemId: item.id,
        body: {
          treatment: text.trim(),
          positions: item.positions.flatMap((position) => {
            const value = given[position.id];
            return value ? [{ positionId: position.id, treatment: value }] : [];
          }),
        },
      },
      {
        onSuccess: () => {
          setOpen(false);
          setDone(t('forumMeetings.treatment.done', { item: isolate(item.title) }));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('forumMeetings.treatment.formLabel', { item: isolate(label) })}>
      <Stack gap="sm" mt="sm" maw={720}>
        <FormError error={treatment.error} />
        {item.positions.map((position, i) => (
          <NativeSelect
            key={position.id}
            label={t('forumMeetings.treatment.position', { organisation: isolate(position.organisation.name) })}
            value={given[position.id] ?? ''}
            onChange={(event) =>
              setGiven({ ...given, [position.id]: event.currentTarget.value as PositionTreatment | '' })
            }
            error={fieldError(t, treatment.error, `positions.${i}.treatment`)}
            required
          >
            <option value="">{t('forumMeetings.treatment.choose')}</option>
            {POSITION_TREATMENTS.map((value) => (
              <option key={value} value={value}>
                {t(`forumMeetings.treatment.${value}`)}
              </option>
            ))}
          </NativeSelect>
        ))}
        <Textarea
          label={t('forumMeetings.treatment.text')}
          description={t('forumMeetings.treatment.textHint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={TREATMENT_MAX}
          autosize
          minRows={3}
          error={fieldError(t, treatment.error, 'treatment')}
          required
        />
        <ActionBar justify="flex-start">
          <Button type="submit" loading={treatment.isPending} disabled={!text.trim() || missing}>
            {t('forumMeetings.treatment.submit')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)} disabled={treatment.isPending}>
            {t('forumMeetings.cancel')}
          </Button>
        </ActionBar>
      </Stack>
    </form>
  );
}

/** Who takes part, with their seats; the civil-society seats counted; who attended once the meeting is held. */
function Participants({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const held = meeting.status !== 'planned';
  return (
    <Section title={t('forumMeetings.participants.title')} id="meeting-participants">
      <Text mb="sm" data-testid="civil-society-seats">
        {t('forumMeetings.participants.count', {
          seats: meeting.civilSocietySeats,
          participants: meeting.participants,
        })}
      </Text>
      {meeting.participantList.length === 0 ? (
        <Text c="dimmed">{t('forumMeetings.participants.none')}</Text>
      ) : (
        <StackTable verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('forumMeetings.participants.organisation')}</Table.Th>
              <Table.Th scope="col">{t('forumMeetings.participants.seat')}</Table.Th>
              {held ? <Table.Th scope="col">{t('forumMeetings.participants.attended')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meeting.participantList.map((participant) => (
              <Table.Tr key={participant.organisation.id}>
                <Table.Th scope="row">
                  <span dir="auto">{participant.organisation.name}</span>
                </Table.Th>
                <Table.Td>
                  {participant.seat === 'civil_society' ? (
                    <StatusBadge tone="good">{t(`forumMeetings.seat.${participant.seat}`)}</StatusBadge>
                  ) : (
                    t(`forumMeetings.seat.${participant.seat}`)
                  )}
                </Table.Td>
                {held ? (
                  <Table.Td>
                    {participant.attended ? t('forumMeetings.participants.yes') : t('forumMeetings.participants.no')}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </Section>
  );
}

/** The chair records the meeting as held: who attended among those invited, and the minutes. */
function HeldForm({ meeting, setDone }: { meeting: Meeting; setDone: SetDone }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { held } = useMeetingWrites(meeting.id);
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [attended, setAttended] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(
      meeting.participantList.map((p) => [p.organisation.id, meeting.status === 'planned' ? true : p.attended]),
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    held.mutate(
      {
        participants: meeting.participantList.map((p) => ({
          organisationId: p.organisation.id,
          seat: p.seat,
          attended: attended[p.organisation.id] ?? false,
        })),
        minutes: minutes.trim(),
      },
      {
        onSuccess: () => {
          setOpen(false);
          setDone(t('forumMeetings.held.done'));
        },
      },
    );
  };
  return (
    <Section title={t('forumMeetings.held.title')} id="meeting-held">
      <Stack gap="sm" maw={720}>
        <Text size="sm">
          {meeting.status === 'planned'
            ? today() < meeting.heldOn
              ? t('forumMeetings.held.notYet', { date: day(meeting.heldOn) })
              : t('forumMeetings.held.intro')
            : t('forumMeetings.held.again')}
        </Text>
        {open ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <FormError error={held.error} />
              <Checkbox.Group
                label={t('forumMeetings.held.attended')}
                description={t('forumMeetings.held.attendedHint')}
                value={Object.entries(attended)
                  .filter(([, yes]) => yes)
                  .map(([organisationId]) => organisationId)}
                onChange={(ids) =>
                  setAttended(
                    Object.fromEntries(
                      meeting.participantList.map((p) => [p.organisation.id, ids.includes(p.organisation.id)]),
                    ),
                  )
                }
              >
                <Stack gap={6} mt={4}>
                  {meeting.participantList.map((p) => (
                    <Checkbox
                      key={p.organisation.id}
                      value={p.organisation.id}
                      label={`${isolate(p.organisation.name)} · ${t(`forumMeetings.seat.${p.seat}`)}`}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Textarea
                label={t('forumMeetings.held.minutes')}
                description={t('forumMeetings.held.minutesHint')}
                value={minutes}
                onChange={(event) => setMinutes(event.currentTarget.value)}
                maxLength={MINUTES_MAX}
                autosize
                minRows={6}
                error={fieldError(t, held.error, 'minutes')}
                required
              />
              <ActionBar justify="flex-start">
                <Button type="submit" loading={held.isPending} disabled={!minutes.trim()}>
                  {t('forumMeetings.held.submit')}
                </Button>
                <Button variant="default" onClick={() => setOpen(false)} disabled={held.isPending}>
                  {t('forumMeetings.cancel')}
                </Button>
              </ActionBar>
            </Stack>
          </form>
        ) : (
          <ActionBar justify="flex-start">
            <Button variant={meeting.status === 'planned' ? 'filled' : 'default'} onClick={() => setOpen(true)}>
              {meeting.status === 'planned' ? t('forumMeetings.held.open') : t('forumMeetings.held.openAgain')}
            </Button>
          </ActionBar>
        )}
      </Stack>
    </Section>
  );
}

/** The decisions made at the meeting, and the chair's form to record one once the meeting is held. */
function Decisions({ meeting, chair, setDone }: { meeting: Meeting; chair: boolean; setDone: SetDone }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { decision } = useMeetingWrites(meeting.id);
  const [itemId, setItemId] = useState('');
  const [text, setText] = useState('');
  const itemLabel = (id: string | null) => {
    const item = meeting.agenda.find((one) => one.id === id);
    return item
      ? t('forumMeetings.agenda.item', { number: item.position, title: item.title })
      : t('forumMeetings.decisions.wholeMeeting');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decision.mutate(
      { ...(itemId ? { agendaItemId: itemId } : {}), text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setItemId('');
          setDone(t('forumMeetings.decisions.done'));
        },
      },
    );
  };
  return (
    <Section title={t('forumMeetings.decisions.title')} id="meeting-decisions">
      {meeting.decisionList.length === 0 ? (
        <Text c="dimmed">{t('forumMeetings.decisions.none')}</Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {meeting.decisionList.map((one) => (
            <li key={one.id}>
              <Text size="sm" c="dimmed">
                {t('forumMeetings.decisions.line', {
                  item: isolate(itemLabel(one.agendaItemId)),
                  date: day(one.decidedOn),
                })}
              </Text>
              <Text dir="auto" style={prose}>
                {one.text}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {chair && meeting.status !== 'planned' ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" mt="md" maw={720}>
            <Title order={3} size="h5">
              {t('forumMeetings.decisions.formTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('forumMeetings.decisions.commitmentsHint')}
            </Text>
            <FormError error={decision.error} />
            <NativeSelect
              label={t('forumMeetings.decisions.item')}
              value={itemId}
              onChange={(event) => setItemId(event.currentTarget.value)}
              error={fieldError(t, decision.error, 'agendaItemId')}
            >
              <option value="">{t('forumMeetings.decisions.wholeMeeting')}</option>
              {meeting.agenda.map((item) => (
                <option key={item.id} value={item.id}>
                  {itemLabel(item.id)}
                </option>
              ))}
            </NativeSelect>
            <Textarea
              label={t('forumMeetings.decisions.text')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              maxLength={DECISION_MAX}
              autosize
              minRows={3}
              error={fieldError(t, decision.error, 'text')}
              required
            />
            <ActionBar justify="flex-start">
              <Button type="submit" loading={decision.isPending} disabled={!text.trim()}>
                {t('forumMeetings.decisions.submit')}
              </Button>
            </ActionBar>
          </Stack>
        </form>
      ) : null}
      {chair && meeting.status === 'planned' ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('forumMeetings.decisions.afterHeld')}
        </Text>
      ) : null}
    </Section>
  );
}

/** The commitments made at the meeting, and the form to record one once the meeting is held. */
function Commitments({ meeting, setDone }: { meeting: Meeting; setDone: SetDone }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const can = useCan();
  const commitments = useMeetingCommitments(meeting.id);
  const make = useMakeCommitment(meeting.id);
  const [draft, setDraft] = useState({ decisionId: '', text: '', ownerOrganisationId: '', dueOn: '' });
  const set = (changes: Partial<typeof draft>) => setDraft({ ...draft, ...changes });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    make.mutate(
      {
        text: draft.text.trim(),
        ownerOrganisationId: draft.ownerOrganisationId,
        dueOn: draft.dueOn,
        indicatorKind: 'none',
        ...(draft.decisionId ? { decisionId: draft.decisionId } : {}),
      },
      {
        onSuccess: () => {
          setDraft({ decisionId: '', text: '', ownerOrganisationId: '', dueOn: '' });
          setDone(t('forumMeetings.commitments.done'));
        },
      },
    );
  };
  return (
    <Section title={t('forumMeetings.commitments.title')} id="meeting-commitments">
      {commitments.isPending ? (
        <PageLoader />
      ) : commitments.isError ? (
        <ErrorPanel error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : commitments.data.length === 0 ? (
        <Text c="dimmed">{t('forumMeetings.commitments.none')}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {commitments.data.map((commitment) => (
            <li key={commitment.id}>
              <Text dir="auto" style={prose}>
                {commitment.text}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {t('forumMeetings.commitments.line', {
                    owner: isolate(commitment.owner.name),
                    due: day(commitment.dueOn),
                  })}
                </Text>
                <StatusBadge
                  tone={commitment.status === 'kept' ? 'good' : commitment.status === 'broken' ? 'bad' : 'neutral'}
                >
                  {t(`forumMeetings.commitments.status.${commitment.status}`)}
                </StatusBadge>
                {commitment.overdue ? (
                  <StatusBadge tone="bad">{t('forumMeetings.commitments.overdue')}</StatusBadge>
                ) : null}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {can('commitment:manage') && meeting.status !== 'planned' ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" mt="md" maw={720}>
            <Title order={3} size="h5">
              {t('forumMeetings.commitments.formTitle')}
            </Title>
            <FormError error={make.error} />
            <NativeSelect
              label={t('forumMeetings.commitments.decision')}
              value={draft.decisionId}
              onChange={(event) => set({ decisionId: event.currentTarget.value })}
              error={fieldError(t, make.error, 'decisionId')}
            >
              <option value="">{t('forumMeetings.commitments.noDecision')}</option>
              {meeting.decisionList.map((decision) => (
                <option key={decision.id} value={decision.id}>
                  {decision.text.length > 80 ? `${decision.text.slice(0, 80)}…` : decision.text}
                </option>
              ))}
            </NativeSelect>
            <Textarea
              label={t('forumMeetings.commitments.text')}
              value={draft.text}
              onChange={(event) => set({ text: event.currentTarget.value })}
              maxLength={COMMITMENT_MAX}
              autosize
              minRows={2}
              error={fieldError(t, make.error, 'text')}
              required
            />
            <NativeSelect
              label={t('forumMeetings.commitments.owner')}
              description={t('forumMeetings.commitments.ownerHint')}
              value={draft.ownerOrganisationId}
              onChange={(event) => set({ ownerOrganisationId: event.currentTarget.value })}
              error={fieldError(t, make.error, 'ownerOrganisationId')}
              required
            >
              <option value="">{t('forumMeetings.commitments.chooseOwner')}</option>
              {meeting.participantList.map((p) => (
                <option key={p.organisation.id} value={p.organisation.id}>
                  {p.organisation.name}
                </option>
              ))}
            </NativeSelect>
            <TextInput
              type="date"
              label={t('forumMeetings.commitments.dueOn')}
              value={draft.dueOn}
              onChange={(event) => set({ dueOn: event.currentTarget.value })}
              error={fieldError(t, make.error, 'dueOn')}
              required
              w={{ base: '100%', sm: 220 }}
            />
            <ActionBar justify="flex-start">
              <Button
                type="submit"
                loading={make.isPending}
                disabled={!draft.text.trim() || !draft.ownerOrganisationId || !draft.dueOn}
              >
                {t('forumMeetings.commitments.submit')}
              </Button>
            </ActionBar>
          </Stack>
        </form>
      ) : null}
    </Section>
  );
}

/** The minutes, the members' approvals and who has not approved yet; the button for one's own organisation. */
function Minutes({ meeting, setDone }: { meeting: Meeting; setDone: SetDone }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const me = useMe();
  const { approve } = useMeetingWrites(meeting.id);
  const awaitingMine = meeting.awaitingApproval.some((one) => one.id === me.organisation.id);
  return (
    <Section title={t('forumMeetings.minutes.title')} id="meeting-minutes">
      {meeting.minutes === null ? (
        <Text c="dimmed">{t('forumMeetings.minutes.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text dir="auto" style={prose} data-testid="minutes">
            {meeting.minutes}
          </Text>
          {meeting.status === 'minutes_approved' ? (
            <Alert variant="light" color="green" title={t('forumMeetings.minutes.approvedTitle')}>
              {t('forumMeetings.minutes.approvedText')}
            </Alert>
          ) : null}
          <Title order={3} size="h5">
            {t('forumMeetings.minutes.approvals')}
          </Title>
          {meeting.approvals.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('forumMeetings.minutes.noApprovals')}
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {meeting.approvals.map((approval) => (
                <List.Item key={approval.organisation.id}>
                  {t('forumMeetings.minutes.approvedBy', {
                    organisation: isolate(approval.organisation.name),
                    at: format.dateTime(approval.approvedAt),
                  })}
                </List.Item>
              ))}
            </List>
          )}
          {meeting.awaitingApproval.length > 0 ? (
            <Text size="sm">
              {t('forumMeetings.minutes.awaiting', {
                organisations: format.list(meeting.awaitingApproval.map((one) => isolate(one.name))),
              })}
            </Text>
          ) : null}
          {can('minutes:approve') && awaitingMine ? (
            <Stack gap="sm" maw={720}>
              <FormError error={approve.error} />
              <Text size="sm">
                {t('forumMeetings.minutes.approveIntro', { organisation: isolate(me.organisation.name) })}
              </Text>
              <ActionBar justify="flex-start">
                <Button
                  loading={approve.isPending}
                  onClick={() =>
                    approve.mutate(undefined, { onSuccess: () => setDone(t('forumMeetings.minutes.done')) })
                  }
                >
                  {t('forumMeetings.minutes.approve')}
                </Button>
              </ActionBar>
            </Stack>
          ) : null}
        </Stack>
      )}
    </Section>
  );
}
