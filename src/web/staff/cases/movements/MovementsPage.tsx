import {
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_STATUSES, type MovementStatus } from '../../../../shared/cases/constants.ts';
import type { MovementSummary } from '../../../../shared/cases/schemas.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { FormError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ActionBar, ConfirmDialog } from '../../components/Dialog.tsx';
import { Done } from '../../components/Done.tsx';
import { OffsetPager } from '../../components/Pager.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { zoneLabel } from '../../components/ZoneName.tsx';
import { useCan } from '../../session.ts';
import { MovementStatusBadge, SuspensionText, today, useDayFormat } from './labels.tsx';
import { NoticeList } from './NoticeList.tsx';
import {
  useCancelMovement,
  useCandidates,
  useDepartMovement,
  useMovements,
  useNetwork,
  usePlanMovement,
  useShelterNights,
} from './queries.ts';

const PAGE_SIZE = 20;

/**
 * The movement planner: pick an open corridor and a date, see each shelter's capacity and occupancy that night,
 * tick eligible households and plan. Below, the organisation's movements with their status and, when
 * suspended, why; a planned movement departs on its day (eligibility is checked again) or is cancelled. The
 * notices of suspended movements come first, so case officers see at once what stopped and why.
 */
export default function MovementsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [done, setDone] = useState('');
  return (
    <>
      <ScreenHeader title={t('cases.movements.title')} description={t('cases.movements.intro')} />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="lg">
        {can('case:read') ? <NoticeList /> : null}
        <Planner onDone={setDone} />
        <MovementList onDone={setDone} />
      </Stack>
    </>
  );
}

function Planner({ onDone }: { onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const day = useDayFormat();
  const network = useNetwork();
  const [corridorId, setCorridorId] = useState('');
  const [date, setDate] = useState(today());
  const [kind, setKind] = useState<'convoy' | 'individual'>('convoy');
  const [shelterId, setShelterId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const candidates = useCandidates(corridorId);
  const shelters = useShelterNights(corridorId, date);
  const plan = usePlanMovement();
  if (network.isPending) return <PageLoader />;
  if (network.isError) return <ErrorPanel error={network.error} onRetry={() => void network.refetch()} />;
  const corridors = network.data.corridors.filter((corridor) => corridor.status === 'open');
  const people = (candidates.data ?? [])
    .filter((candidate) => chosen.includes(candidate.householdId))
    .reduce((total, candidate) => total + candidate.people, 0);
  const toggle = (id: string, on: boolean) =>
    setChosen((current) =>
      kind === 'individual' ? (on ? [id] : []) : on ? [...current, id] : current.filter((x) => x !== id),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (plan.isPending || chosen.length === 0 || corridorId === '') return;
    plan.mutate(
      { kind, corridorId, departsOn: date, householdIds: chosen, ...(shelterId ? { shelterId } : {}) },
      {
        onSuccess: (movement) => {
          setChosen([]);
          onDone(t('cases.movements.plan.done', { households: movement.households, date: day(movement.departsOn) }));
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="movement-planner">
      <Title order={2} size="h4" id="movement-planner" mb="sm">
        {t('cases.movements.plan.title')}
      </Title>
      {corridors.length === 0 ? (
        <Text c="dimmed">{t('cases.movements.plan.noCorridor')}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={plan.error} />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('cases.movements.corridor')}
                placeholder={t('cases.movements.plan.pickCorridor')}
                data={corridors.map((corridor) => ({
                  value: corridor.id,
                  label: `${corridor.name} (${corridor.fromStateCode} → ${corridor.toStateCode})`,
                }))}
                value={corridorId || null}
                onChange={(value) => {
                  setCorridorId(value ?? '');
                  setChosen([]);
                  setShelterId('');
                  plan.reset();
                }}
                required
                w={{ base: '100%', sm: 320 }}
              />
              <TextInput
                type="date"
                label={t('cases.movements.departsOn')}
                value={date}
                min={today()}
                onChange={(event) => {
                  setDate(event.currentTarget.value);
                  setShelterId('');
                }}
                required
                w={{ base: '100%', sm: 200 }}
              />
              <SegmentedControl
                aria-label={t('cases.movements.kind.label')}
                value={kind}
                onChange={(value) => {
                  setKind(value as 'convoy' | 'individual');
                  setChosen([]);
                }}
                data={[
                  { value: 'convoy', label: t('cases.movements.kind.convoy') },
                  { value: 'individual', label: t('cases.movements.kind.individual') },
                ]}
              />
            </Group>
            {corridorId ? (
              <>
                <ShelterTable
                  loading={shelters.isPending}
                  error={shelters.error}
                  shelters={shelters.data ?? []}
                  people={people}
                  shelterId={shelterId}
                  onChange={setShelterId}
                  date={date}
                />
                <section aria-labelledby="planner-households">
                  <Title order={3} size="h5" id="planner-households" mb={4}>
                    {t('cases.movements.plan.households')}
                  </Title>
                  {candidates.isPending ? (
                    <PageLoader />
                  ) : candidates.isError ? (
                    <ErrorPanel error={candidates.error} onRetry={() => void candidates.refetch()} />
                  ) : candidates.data.length === 0 ? (
                    <Text c="dimmed">{t('cases.movements.plan.noCandidates')}</Text>
                  ) : (
                    <Stack gap={6}>
                      {candidates.data.map((candidate) => (
                        <Checkbox
                          key={candidate.householdId}
                          checked={chosen.includes(candidate.householdId)}
                          onChange={(event) => toggle(candidate.householdId, event.currentTarget.checked)}
                          label={
                            <span>
                              <span className="ltr-value">{candidate.reference}</span>{' '}
                              {t('cases.movements.plan.candidate', {
                                pcode: zoneLabel(
                                  candidate.destinationZoneName,
                                  candidate.destinationPcode,
                                  i18n.language,
                                ),
                                people: candidate.people,
                              })}
                            </span>
                          }
                        />
                      ))}
                    </Stack>
                  )}
                </section>
                <Text size="sm" aria-live="polite">
                  {t('cases.movements.plan.selected', { households: chosen.length, people })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('cases.movements.plan.guard')}
                </Text>
                <ActionBar justify="flex-start">
                  <Button type="submit" loading={plan.isPending} disabled={plan.isPending || chosen.length === 0}>
                    {t('cases.movements.plan.submit')}
                  </Button>
                </ActionBar>
              </>
            ) : null}
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function ShelterTable({
  loading,
  error,
  shelters,
  people,
  shelterId,
  onChange,
  date,
}: {
  loading: boolean;
  error: unknown;
  shelters: { id: string; code: string; name: string; transitPointCode: string; capacity: number; occupancy: number }[];
  people: number;
  shelterId: string;
  onChange: (id: string) => void;
  date: string;
}) {
  const { t } = useTranslation();
  const day = useDayFormat();
  if (error) return <ErrorPanel error={error} />;
  if (loading) return <PageLoader />;
  if (shelters.length === 0) return <Text c="dimmed">{t('cases.movements.shelters.none')}</Text>;
  return (
    <Radio.Group value={shelterId} onChange={onChange} label={t('cases.movements.shelters.title', { date: day(date) })}>
      <StackTable striped verticalSpacing="xs" mt={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.movements.shelters.shelter')}</Table.Th>
            <Table.Th scope="col">{t('cases.movements.shelters.point')}</Table.Th>
            <Table.Th scope="col">{t('cases.movements.shelters.capacity')}</Table.Th>
            <Table.Th scope="col">{t('cases.movements.shelters.occupancy')}</Table.Th>
            <Table.Th scope="col">{t('cases.movements.shelters.free')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shelters.map((shelter) => {
            const free = shelter.capacity - shelter.occupancy;
            return (
              <Table.Tr key={shelter.id}>
                <Table.Th scope="row">
                  <Radio value={shelter.id} label={shelter.name} disabled={free < people} />
                </Table.Th>
                <Table.Td>
                  <span className="ltr-value">{shelter.transitPointCode}</span>
                </Table.Td>
                <Table.Td>{shelter.capacity}</Table.Td>
                <Table.Td>{shelter.occupancy}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={free < people ? 700 : 400} c={free < people ? 'red.9' : undefined}>
                    {free < people ? t('cases.movements.shelters.tooFew', { free }) : free}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </StackTable>
      <Text size="xs" c="dimmed" mt={4}>
        {t('cases.movements.shelters.hint')}
      </Text>
    </Radio.Group>
  );
}

function MovementList({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const day = useDayFormat('medium');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [asking, setAsking] = useState<{ action: 'depart' | 'cancel'; movement: MovementSummary } | null>(null);
  const movements = useMovements(status, offset, PAGE_SIZE);
  const depart = useDepartMovement();
  const cancel = useCancelMovement();
  const pending = depart.isPending || cancel.isPending;
  const close = () => {
    depart.reset();
    cancel.reset();
    setAsking(null);
  };
  const confirm = () => {
    if (!asking) return;
    if (asking.action === 'depart') {
      depart.mutate(asking.movement.id, {
        onSuccess: (result) => {
          setAsking(null);
          onDone(t('cases.movements.depart.done', { departed: result.departed, suspended: result.suspended.length }));
        },
      });
    } else {
      cancel.mutate(asking.movement.id, {
        onSuccess: () => {
          setAsking(null);
          onDone(t('cases.movements.cancel.done'));
        },
      });
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="movement-list">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="movement-list">
          {t('cases.movements.list.title')}
        </Title>
        <Select
          label={t('cases.movements.list.status')}
          data={[
            { value: '', label: t('cases.movements.list.all') },
            ...MOVEMENT_STATUSES.map((value) => ({ value, label: t(`cases.movements.status.${value}`) })),
          ]}
          value={status}
          onChange={(value) => {
            setStatus(value ?? '');
            setOffset(0);
          }}
          allowDeselect={false}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      {movements.isPending ? (
        <PageLoader />
      ) : movements.isError ? (
        <ErrorPanel error={movements.error} onRetry={() => void movements.refetch()} />
      ) : movements.data.total === 0 ? (
        <Text c="dimmed">{t('cases.movements.list.none')}</Text>
      ) : (
        <>
          <StackTable striped verticalSpacing="xs" aria-busy={movements.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.movements.departsOn')}</Table.Th>
                <Table.Th scope="col">{t('cases.movements.corridor')}</Table.Th>
                <Table.Th scope="col">{t('cases.movements.list.load')}</Table.Th>
                <Table.Th scope="col">{t('cases.movements.list.status')}</Table.Th>
                <Table.Th scope="col">{t('cases.movements.list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {movements.data.items.map((movement) => (
                <Table.Tr key={movement.id}>
                  <Table.Th scope="row">
                    {day(movement.departsOn)}
                    <Text size="xs" c="dimmed">
                      {t(`cases.movements.kind.${movement.kind}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td>{movement.corridor.name}</Table.Td>
                  <Table.Td>
                    {t('cases.movements.list.loadValue', { households: movement.households, people: movement.people })}
                  </Table.Td>
                  <Table.Td>
                    <MovementStatusBadge status={movement.status as MovementStatus} />
                    {movement.suspension ? <SuspensionText suspension={movement.suspension} /> : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      {movement.status === 'planned' && movement.departsOn <= today() ? (
                        <Button size="xs" onClick={() => setAsking({ action: 'depart', movement })}>
                          {t('cases.movements.depart.action')}
                        </Button>
                      ) : null}
                      {movement.status === 'planned' || movement.status === 'suspended' ? (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          onClick={() => setAsking({ action: 'cancel', movement })}
                        >
                          {t('cases.movements.cancel.action')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
          <OffsetPager
            offset={offset}
            limit={PAGE_SIZE}
            total={movements.data.total}
            loading={movements.isFetching}
            onChange={setOffset}
          />
        </>
      )}
      <ConfirmDialog
        opened={asking !== null}
        title={asking?.action === 'depart' ? t('cases.movements.depart.title') : t('cases.movements.cancel.title')}
        confirmLabel={
          asking?.action === 'depart' ? t('cases.movements.depart.confirm') : t('cases.movements.cancel.confirm')
        }
        confirmColor={asking?.action === 'depart' ? 'blue' : 'red.9'}
        pending={pending}
        error={depart.error ?? cancel.error}
        onConfirm={confirm}
        onClose={close}
      >
        <Text size="sm">
          {asking?.action === 'depart'
            ? t('cases.movements.depart.text', { households: asking.movement.households })
            : t('cases.movements.cancel.text')}
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
