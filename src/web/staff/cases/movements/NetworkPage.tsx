import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkStatus } from '../../../../shared/cases/constants.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useOrganisations } from '../../administration/queries.ts';
import { ActionBar, ConfirmDialog } from '../../components/Dialog.tsx';
import { Done } from '../../components/Done.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan, useMe } from '../../session.ts';
import { useCreateNetworkRecord, useNetwork, useSetNetworkStatus } from './queries.ts';

interface Closing {
  kind: 'transit-points' | 'corridors';
  id: string;
  code: string;
  status: NetworkStatus;
  plannedMovements: number;
}

/**
 * The movement network: transit points (with their shelters and operating organisation), corridors through
 * them, and for whoever manages it, forms to add each and a way to open or close a point or corridor. Closing
 * asks first, saying how many planned movements it will suspend.
 */
export default function NetworkPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('network:manage');
  const network = useNetwork();
  const setStatus = useSetNetworkStatus();
  const [asking, setAsking] = useState<Closing | null>(null);
  const [done, setDone] = useState('');
  if (network.isPending) return <PageLoader />;
  if (network.isError) return <ErrorPanel error={network.error} onRetry={() => void network.refetch()} />;
  const { transitPoints, corridors } = network.data;
  const next = (status: NetworkStatus): NetworkStatus => (status === 'open' ? 'closed' : 'open');
  const toggleButton = (closing: Closing) =>
    manage ? (
      <Button
        size="xs"
        variant={closing.status === 'open' ? 'outline' : 'default'}
        color={closing.status === 'open' ? 'red.9' : undefined}
        onClick={() => setAsking(closing)}
      >
        {t(closing.status === 'open' ? 'cases.network.close' : 'cases.network.open')}
      </Button>
    ) : null;
  const confirm = () => {
    if (!asking) return;
    setStatus.mutate(
      { kind: asking.kind, id: asking.id, status: next(asking.status) },
      {
        onSuccess: (change) => {
          setAsking(null);
          setDone(
            t(change.status === 'closed' ? 'cases.network.closedDone' : 'cases.network.openedDone', {
              code: asking.code,
              count: change.suspendedMovements,
            }),
          );
        },
      },
    );
  };

  return (
    <>
      <ScreenHeader title={t('cases.network.title')} description={t('cases.network.intro')} />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="network-points">
          <Title order={2} size="h4" id="network-points" mb="sm">
            {t('cases.network.points')}
          </Title>
          {transitPoints.length === 0 ? (
            <Text c="dimmed">{t('cases.network.noPoints')}</Text>
          ) : (
            <StackTable striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.network.point')}</Table.Th>
                  <Table.Th scope="col">{t('cases.network.operator')}</Table.Th>
                  <Table.Th scope="col">{t('cases.network.shelters')}</Table.Th>
                  <Table.Th scope="col">{t('cases.network.status')}</Table.Th>
                  {manage ? <Table.Th scope="col">{t('cases.movements.list.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {transitPoints.map((point) => (
                  <Table.Tr key={point.id}>
                    <Table.Th scope="row">
                      {point.name} <span className="ltr-value">{point.code}</span>
                      {point.pcode ? (
                        <Text size="xs" c="dimmed">
                          <span className="ltr-value">{point.pcode}</span>
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td>{point.operator.name}</Table.Td>
                    <Table.Td>
                      {point.shelters.length === 0
                        ? t('cases.network.noShelter')
                        : point.shelters
                            .map((shelter) =>
                              t('cases.network.shelterCapacity', { name: shelter.name, capacity: shelter.capacity }),
                            )
                            .join('; ')}
                    </Table.Td>
                    <Table.Td>
                      <NetworkStatusBadge status={point.status} />
                    </Table.Td>
                    {manage ? (
                      <Table.Td>
                        {toggleButton({
                          kind: 'transit-points',
                          id: point.id,
                          code: point.code,
                          status: point.status,
                          plannedMovements: point.plannedMovements,
                        })}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackTable>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="network-corridors">
          <Title order={2} size="h4" id="network-corridors" mb="sm">
            {t('cases.network.corridors')}
          </Title>
          {corridors.length === 0 ? (
            <Text c="dimmed">{t('cases.network.noCorridors')}</Text>
          ) : (
            <StackTable striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.movements.corridor')}</Table.Th>
                  <Table.Th scope="col">{t('cases.network.route')}</Table.Th>
                  <Table.Th scope="col">{t('cases.network.planned')}</Table.Th>
                  <Table.Th scope="col">{t('cases.network.status')}</Table.Th>
                  {manage ? <Table.Th scope="col">{t('cases.movements.list.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {corridors.map((corridor) => (
                  <Table.Tr key={corridor.id}>
                    <Table.Th scope="row">
                      {corridor.name} <span className="ltr-value">{corridor.code}</span>
                      <Text size="xs" c="dimmed">
                        {t('cases.network.fromTo', { from: corridor.fromStateCode, to: corridor.toStateCode })}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <span className="ltr-value">{corridor.points.map((point) => point.code).join(' → ')}</span>
                    </Table.Td>
                    <Table.Td>{corridor.plannedMovements}</Table.Td>
                    <Table.Td>
                      <NetworkStatusBadge status={corridor.status} />
                    </Table.Td>
                    {manage ? (
                      <Table.Td>
                        {toggleButton({
                          kind: 'corridors',
                          id: corridor.id,
                          code: corridor.code,
                          status: corridor.status,
                          plannedMovements: corridor.plannedMovements,
                        })}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackTable>
          )}
        </Paper>
        {manage ? <NetworkForms onDone={setDone} /> : null}
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={t(asking?.status === 'open' ? 'cases.network.closeTitle' : 'cases.network.openTitle', {
          code: asking?.code ?? '',
        })}
        confirmLabel={t(asking?.status === 'open' ? 'cases.network.closeConfirm' : 'cases.network.openConfirm', {
          code: asking?.code ?? '',
        })}
        confirmColor={asking?.status === 'open' ? 'red.9' : 'blue'}
        pending={setStatus.isPending}
        error={setStatus.error}
        onConfirm={confirm}
        onClose={() => {
          setStatus.reset();
          setAsking(null);
        }}
      >
        <Text size="sm" fw={asking?.status === 'open' && asking.plannedMovements > 0 ? 700 : 400}>
          {asking?.status === 'open'
            ? t('cases.network.closeText', { count: asking.plannedMovements })
            : t('cases.network.openText')}
        </Text>
      </ConfirmDialog>
    </>
  );
}

function NetworkStatusBadge({ status }: { status: NetworkStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={status === 'open' ? 'good' : 'bad'}>{t(`cases.network.statusValue.${status}`)}</StatusBadge>
  );
}

/** A small form of the network page: its own error, a submit button, and a reset once added. */
function AddForm({
  title,
  id,
  error,
  pending,
  onSubmit,
  children,
}: {
  title: string;
  id: string;
  error: unknown;
  pending: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={error} />
          {children}
          <ActionBar justify="flex-start">
            <Button type="submit" loading={pending} disabled={pending}>
              {t('cases.network.add')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Paper>
  );
}

function NetworkForms({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const network = useNetwork();
  const organisations = useOrganisations(can('organisation:read'));
  const point = useCreateNetworkRecord();
  const shelter = useCreateNetworkRecord();
  const corridor = useCreateNetworkRecord();
  const [pointForm, setPointForm] = useState({ code: '', name: '', pcode: '', operator: me.organisation.id });
  const [shelterForm, setShelterForm] = useState({
    code: '',
    name: '',
    transitPointId: '',
    capacity: 50 as number | string,
  });
  const [corridorForm, setCorridorForm] = useState({ code: '', name: '', from: '', to: '', points: [] as string[] });
  const points = (network.data?.transitPoints ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }));
  const operators = (organisations.data ?? [me.organisation]).map((o) => ({ value: o.id, label: o.name }));
  const added = (code: string) => onDone(t('cases.network.added', { code }));
  const upper = (value: string) => value.toUpperCase();
  const lower = (value: string) => value.toLowerCase();

  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <AddForm
        title={t('cases.network.addPoint')}
        id="network-add-point"
        error={point.error}
        pending={point.isPending}
        onSubmit={() =>
          point.mutate(
            {
              kind: 'transit-points',
              body: {
                code: pointForm.code,
                name: pointForm.name,
                ...(pointForm.pcode ? { pcode: pointForm.pcode } : {}),
                operatorOrganisationId: pointForm.operator,
              },
            },
            {
              onSuccess: () => {
                added(pointForm.code);
                setPointForm({ ...pointForm, code: '', name: '', pcode: '' });
              },
            },
          )
        }
      >
        <TextInput
          label={t('cases.network.code')}
          description={t('cases.network.codeHint')}
          required
          dir="ltr"
          value={pointForm.code}
          onChange={(event) => setPointForm({ ...pointForm, code: lower(event.currentTarget.value) })}
          error={fieldError(t, point.error, 'body.code')}
        />
        <TextInput
          label={t('cases.network.name')}
          required
          value={pointForm.name}
          onChange={(event) => setPointForm({ ...pointForm, name: event.currentTarget.value })}
          error={fieldError(t, point.error, 'body.name')}
        />
        <TextInput
          label={t('cases.network.zone')}
          dir="ltr"
          value={pointForm.pcode}
          onChange={(event) => setPointForm({ ...pointForm, pcode: upper(event.currentTarget.value) })}
          error={fieldError(t, point.error, 'body.pcode')}
        />
        <Select
          label={t('cases.network.operator')}
          required
          data={operators}
          value={pointForm.operator}
          onChange={(value) => setPointForm({ ...pointForm, operator: value ?? me.organisation.id })}
          allowDeselect={false}
        />
      </AddForm>
      <AddForm
        title={t('cases.network.addShelter')}
        id="network-add-shelter"
        error={shelter.error}
        pending={shelter.isPending}
        onSubmit={() =>
          shelter.mutate(
            {
              kind: 'shelters',
              body: {
                code: shelterForm.code,
                name: shelterForm.name,
                transitPointId: shelterForm.transitPointId,
                capacity: Number(shelterForm.capacity),
              },
            },
            {
              onSuccess: () => {
                added(shelterForm.code);
                setShelterForm({ ...shelterForm, code: '', name: '' });
              },
            },
          )
        }
      >
        <TextInput
          label={t('cases.network.code')}
          required
          dir="ltr"
          value={shelterForm.code}
          onChange={(event) => setShelterForm({ ...shelterForm, code: lower(event.currentTarget.value) })}
          error={fieldError(t, shelter.error, 'body.code')}
        />
        <TextInput
          label={t('cases.network.name')}
          required
          value={shelterForm.name}
          onChange={(event) => setShelterForm({ ...shelterForm, name: event.currentTarget.value })}
          error={fieldError(t, shelter.error, 'body.name')}
        />
        <Select
          label={t('cases.network.point')}
          required
          data={points}
          value={shelterForm.transitPointId || null}
          onChange={(value) => setShelterForm({ ...shelterForm, transitPointId: value ?? '' })}
          error={fieldError(t, shelter.error, 'body.transitPointId')}
        />
        <NumberInput
          label={t('cases.network.capacity')}
          required
          min={1}
          max={100000}
          allowDecimal={false}
          value={shelterForm.capacity}
          onChange={(value) => setShelterForm({ ...shelterForm, capacity: value })}
          error={fieldError(t, shelter.error, 'body.capacity')}
        />
      </AddForm>
      <AddForm
        title={t('cases.network.addCorridor')}
        id="network-add-corridor"
        error={corridor.error}
        pending={corridor.isPending}
        onSubmit={() =>
          corridor.mutate(
            {
              kind: 'corridors',
              body: {
                code: corridorForm.code,
                name: corridorForm.name,
                fromStateCode: corridorForm.from,
                toStateCode: corridorForm.to,
                transitPointIds: corridorForm.points,
              },
            },
            {
              onSuccess: () => {
                added(corridorForm.code);
                setCorridorForm({ ...corridorForm, code: '', name: '', points: [] });
              },
            },
          )
        }
      >
        <TextInput
          label={t('cases.network.code')}
          required
          dir="ltr"
          value={corridorForm.code}
          onChange={(event) => setCorridorForm({ ...corridorForm, code: lower(event.currentTarget.value) })}
          error={fieldError(t, corridor.error, 'body.code')}
        />
        <TextInput
          label={t('cases.network.name')}
          required
          value={corridorForm.name}
          onChange={(event) => setCorridorForm({ ...corridorForm, name: event.currentTarget.value })}
          error={fieldError(t, corridor.error, 'body.name')}
        />
        <Group grow gap="sm">
          <TextInput
            label={t('cases.network.from')}
            required
            dir="ltr"
            maxLength={2}
            value={corridorForm.from}
            onChange={(event) => setCorridorForm({ ...corridorForm, from: upper(event.currentTarget.value) })}
            error={fieldError(t, corridor.error, 'body.fromStateCode')}
          />
          <TextInput
            label={t('cases.network.to')}
            required
            dir="ltr"
            maxLength={2}
            value={corridorForm.to}
            onChange={(event) => setCorridorForm({ ...corridorForm, to: upper(event.currentTarget.value) })}
            error={fieldError(t, corridor.error, 'body.toStateCode')}
          />
        </Group>
        <MultiSelect
          searchable
          label={t('cases.network.routePoints')}
          description={t('cases.network.routePointsHint')}
          required
          data={points}
          value={corridorForm.points}
          onChange={(value) => setCorridorForm({ ...corridorForm, points: value })}
          error={fieldError(t, corridor.error, 'body.transitPointIds')}
        />
      </AddForm>
    </SimpleGrid>
  );
}
