import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwaitedArrival } from '../../../../shared/cases/schemas.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { Done } from '../../components/Done.tsx';
import { OffsetPager } from '../../components/Pager.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { ZoneName } from '../../components/ZoneName.tsx';
import { today, useDayFormat } from './labels.tsx';
import { type ArrivalFilters, useArrivals, useAwaitedArrivals, useRecordArrival } from './queries.ts';

const PAGE_SIZE = 20;

/**
 * The arrivals log: the households awaited (departed, not arrived), each with a way to record its arrival on a
 * date; then the recent arrivals, by date and zone, with the follow-ups each one scheduled.
 */
export default function ArrivalsPage() {
  const { t } = useTranslation();
  const [done, setDone] = useState('');
  return (
    <>
      <ScreenHeader title={t('cases.arrivals.title')} description={t('cases.arrivals.intro')} />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="lg">
        <Awaited onDone={setDone} />
        <ArrivalLog />
      </Stack>
    </>
  );
}

function Awaited({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const day = useDayFormat('medium');
  const awaited = useAwaitedArrivals();
  const rows = awaited.data?.pages.flatMap((page) => page.items) ?? [];
  const total = awaited.data?.pages[0]?.total ?? 0;
  const record = useRecordArrival();
  const [arriving, setArriving] = useState<AwaitedArrival | null>(null);
  const [arrivedOn, setArrivedOn] = useState(today());
  const close = () => {
    record.reset();
    setArriving(null);
  };
  const confirm = () => {
    if (!arriving) return;
    record.mutate(
      { householdId: arriving.householdId, movementId: arriving.movementId, arrivedOn },
      {
        onSuccess: (arrival) => {
          setArriving(null);
          onDone(t('cases.arrivals.done', { reference: arrival.reference, count: arrival.followUps.length }));
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="arrivals-awaited">
      <Title order={2} size="h4" id="arrivals-awaited" mb="sm">
        {t('cases.arrivals.awaited.title')}
      </Title>
      {awaited.isPending ? (
        <PageLoader />
      ) : awaited.isError ? (
        <ErrorPanel error={awaited.error} onRetry={() => void awaited.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('cases.arrivals.awaited.none')}</Text>
      ) : (
        <>
          <StackTable striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.arrivals.household')}</Table.Th>
                <Table.Th scope="col">{t('cases.arrivals.destination')}</Table.Th>
                <Table.Th scope="col">{t('cases.arrivals.departed')}</Table.Th>
                <Table.Th scope="col">{t('cases.arrivals.people')}</Table.Th>
                <Table.Th scope="col">{t('cases.movements.list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={`${row.movementId}.${row.householdId}`}>
                  <Table.Th scope="row">
                    <span className="ltr-value">{row.reference}</span>
                  </Table.Th>
                  <Table.Td>
                    <ZoneName pcode={row.destinationPcode} names={row.destinationZoneName} />
                  </Table.Td>
                  <Table.Td>{day(row.departsOn)}</Table.Td>
                  <Table.Td>{row.people}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      onClick={() => {
                        setArrivedOn(today());
                        setArriving(row);
                      }}
                    >
                      {t('cases.arrivals.record')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
          <ShowMore
            shown={rows.length}
            total={total}
            hasMore={awaited.hasNextPage}
            loading={awaited.isFetchingNextPage}
            onMore={() => void awaited.fetchNextPage()}
          />
        </>
      )}
      <ConfirmDialog
        opened={arriving !== null}
        title={t('cases.arrivals.recordTitle', { reference: arriving?.reference ?? '' })}
        confirmLabel={t('cases.arrivals.record')}
        confirmColor="blue"
        pending={record.isPending}
        error={record.error}
        onConfirm={confirm}
        onClose={close}
        confirmDisabled={!/^\d{4}-\d{2}-\d{2}$/.test(arrivedOn)}
      >
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('cases.arrivals.arrivedOn')}
            value={arrivedOn}
            min={arriving?.departsOn}
            max={today()}
            onChange={(event) => setArrivedOn(event.currentTarget.value)}
            required
          />
          <Text size="sm">{t('cases.arrivals.recordText')}</Text>
        </Stack>
      </ConfirmDialog>
    </Paper>
  );
}

function ArrivalLog() {
  const { t } = useTranslation();
  const day = useDayFormat('medium');
  const [form, setForm] = useState({ from: '', to: '', pcode: '' });
  const [filters, setFilters] = useState<ArrivalFilters>({ limit: PAGE_SIZE, offset: 0 });
  const arrivals = useArrivals(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters({
      limit: PAGE_SIZE,
      offset: 0,
      ...(form.from ? { from: form.from } : {}),
      ...(form.to ? { to: form.to } : {}),
      ...(form.pcode.trim() ? { pcode: form.pcode.trim().toUpperCase() } : {}),
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="arrivals-log">
      <Title order={2} size="h4" id="arrivals-log" mb="sm">
        {t('cases.arrivals.log.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
          <TextInput
            type="date"
            label={t('cases.arrivals.log.from')}
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.currentTarget.value })}
            w={{ base: '100%', sm: 180 }}
          />
          <TextInput
            type="date"
            label={t('cases.arrivals.log.to')}
            value={form.to}
            onChange={(event) => setForm({ ...form, to: event.currentTarget.value })}
            w={{ base: '100%', sm: 180 }}
          />
          <TextInput
            label={t('cases.arrivals.log.zone')}
            value={form.pcode}
            onChange={(event) => setForm({ ...form, pcode: event.currentTarget.value })}
            maxLength={24}
            w={{ base: '100%', sm: 160 }}
            dir="ltr"
          />
          <Button type="submit" variant="default">
            {t('cases.arrivals.log.filter')}
          </Button>
        </Group>
      </form>
      {arrivals.isPending ? (
        <PageLoader />
      ) : arrivals.isError ? (
        <ErrorPanel error={arrivals.error} onRetry={() => void arrivals.refetch()} />
      ) : arrivals.data.total === 0 ? (
        <Text c="dimmed">{t('cases.arrivals.log.none')}</Text>
      ) : (
        <>
          <StackTable striped verticalSpacing="xs" aria-busy={arrivals.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.arrivals.arrivedOn')}</Table.Th>
                <Table.Th scope="col">{t('cases.arrivals.household')}</Table.Th>
                <Table.Th scope="col">{t('cases.arrivals.destination')}</Table.Th>
                <Table.Th scope="col">{t('cases.arrivals.people')}</Table.Th>
                <Table.Th scope="col">{t('cases.movements.followUps.title')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {arrivals.data.items.map((arrival) => (
                <Table.Tr key={arrival.id}>
                  <Table.Th scope="row">{day(arrival.arrivedOn)}</Table.Th>
                  <Table.Td>
                    <span className="ltr-value">{arrival.reference}</span>
                  </Table.Td>
                  <Table.Td>
                    <span className="ltr-value">{arrival.pcode}</span>
                  </Table.Td>
                  <Table.Td>{arrival.people}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {arrival.followUps
                        .map((followUp) =>
                          t('cases.movements.followUps.item', {
                            months: followUp.monthsAfterArrival,
                            date: day(followUp.dueOn),
                          }),
                        )
                        .join('; ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
          <OffsetPager
            offset={filters.offset}
            limit={PAGE_SIZE}
            total={arrivals.data.total}
            loading={arrivals.isFetching}
            onChange={(offset) => setFilters({ ...filters, offset })}
          />
        </>
      )}
    </Paper>
  );
}
