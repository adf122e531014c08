import {
  Button,
  Checkbox,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBMISSION_KINDS } from '../../../../shared/gateway/constants.ts';
import type { NewRoutingRule } from '../../../../shared/gateway/schemas.ts';
import { api } from '../../../api/api.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { Done } from '../../components/Done.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { useRoutingRules, useRoutingRuleWrites } from './queries.ts';

interface OrganisationOption {
  id: string;
  name: string;
}

/**
 * `gateway/routing-rules`: which organisation receives which submissions, by kind, zone and state, and whether
 * it takes sensitive ones. The most specific matching rule wins, then the lowest position.
 */
export default function RoutingRulesPage() {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const { create, remove } = useRoutingRuleWrites();
  const [done, setDone] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <>
      <ScreenHeader title={t('gatewayInbox.rules.title')} description={t('gatewayInbox.rules.intro')} />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        {rules.isPending ? (
          <PageLoader />
        ) : rules.isError ? (
          <ErrorPanel error={rules.error} onRetry={() => void rules.refetch()} />
        ) : rules.data.length === 0 ? (
          <Text>{t('gatewayInbox.rules.none')}</Text>
        ) : (
          <StackTable striped captionSide="top" verticalSpacing="sm">
            <Table.Caption ta="start">{t('gatewayInbox.rules.caption', { count: rules.data.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('gatewayInbox.rules.organisation')}</Table.Th>
                <Table.Th scope="col">{t('gatewayInbox.rules.kind')}</Table.Th>
                <Table.Th scope="col">{t('gatewayInbox.rules.zone')}</Table.Th>
                <Table.Th scope="col">{t('gatewayInbox.rules.state')}</Table.Th>
                <Table.Th scope="col">{t('gatewayInbox.rules.sensitive')}</Table.Th>
                <Table.Th scope="col">{t('gatewayInbox.rules.position')}</Table.Th>
                <Table.Th scope="col">{t('gatewayInbox.rules.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Th scope="row">{rule.organisationName ?? '—'}</Table.Th>
                  <Table.Td>{rule.kind ? t(`gatewayInbox.kind.${rule.kind}`) : t('gatewayInbox.rules.any')}</Table.Td>
                  <Table.Td>
                    {rule.pcode ? <span className="ltr-value">{rule.pcode}</span> : t('gatewayInbox.rules.any')}
                  </Table.Td>
                  <Table.Td>
                    {rule.stateCode ? <span className="ltr-value">{rule.stateCode}</span> : t('gatewayInbox.rules.any')}
                  </Table.Td>
                  <Table.Td>{rule.sensitive ? t('gatewayInbox.rules.yes') : t('gatewayInbox.rules.no')}</Table.Td>
                  <Table.Td>{rule.position}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setRemoving(rule.id)}>
                      {t('gatewayInbox.rules.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
        )}
        <NewRule create={create} onCreated={() => setDone(t('gatewayInbox.rules.created'))} />
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('gatewayInbox.rules.removeTitle')}
        confirmLabel={t('gatewayInbox.rules.remove')}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing, {
            onSuccess: () => {
              setRemoving(null);
              setDone(t('gatewayInbox.rules.removed'));
            },
          })
        }
      >
        {t('gatewayInbox.rules.removeBody')}
      </ConfirmDialog>
    </>
  );
}

function NewRule({
  create,
  onCreated,
}: {
  create: ReturnType<typeof useRoutingRuleWrites>['create'];
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const organisations = useQuery({
    queryKey: ['gateway-routing-rules', 'organisations'],
    queryFn: ({ signal }) => api.get<OrganisationOption[]>('/organisations', { signal }),
  });
  const [form, setForm] = useState({
    organisationId: '',
    kind: '',
    pcode: '',
    stateCode: '',
    sensitive: false,
    position: 0,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: NewRoutingRule = {
      organisationId: form.organisationId,
      sensitive: form.sensitive,
      position: form.position,
      ...(form.kind ? { kind: form.kind as NewRoutingRule['kind'] } : {}),
      ...(form.pcode.trim() ? { pcode: form.pcode.trim().toUpperCase() } : {}),
      ...(form.stateCode.trim() ? { stateCode: form.stateCode.trim().toUpperCase() } : {}),
    };
    create.mutate(body, { onSuccess: onCreated });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-rule">
      <Title order={2} size="h4" id="new-rule" mb="sm">
        {t('gatewayInbox.rules.new')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={create.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <NativeSelect
              label={t('gatewayInbox.rules.organisation')}
              value={form.organisationId}
              onChange={(event) => setForm({ ...form, organisationId: event.currentTarget.value })}
              error={fieldError(t, create.error, 'organisationId')}
              required
            >
              <option value="">{t('gatewayInbox.rules.chooseOrganisation')}</option>
              {(organisations.data ?? []).map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              label={t('gatewayInbox.rules.kind')}
              value={form.kind}
              onChange={(event) => setForm({ ...form, kind: event.currentTarget.value })}
            >
              <option value="">{t('gatewayInbox.rules.any')}</option>
              {SUBMISSION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`gatewayInbox.kind.${kind}`)}
                </option>
              ))}
            </NativeSelect>
            <TextInput
              label={t('gatewayInbox.rules.zone')}
              description={t('gatewayInbox.rules.zoneHint')}
              value={form.pcode}
              onChange={(event) => setForm({ ...form, pcode: event.currentTarget.value })}
              error={fieldError(t, create.error, 'pcode')}
            />
            <TextInput
              label={t('gatewayInbox.rules.state')}
              value={form.stateCode}
              onChange={(event) => setForm({ ...form, stateCode: event.currentTarget.value })}
              error={fieldError(t, create.error, 'stateCode')}
            />
            <NumberInput
              label={t('gatewayInbox.rules.position')}
              description={t('gatewayInbox.rules.positionHint')}
              min={0}
              max={10000}
              value={form.position}
              onChange={(value) => setForm({ ...form, position: typeof value === 'number' ? value : 0 })}
            />
            <Checkbox
              mt="lg"
              label={t('gatewayInbox.rules.takesSensitive')}
              checked={form.sensitive}
              onChange={(event) => setForm({ ...form, sensitive: event.currentTarget.checked })}
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={create.isPending} disabled={!form.organisationId}>
              {t('gatewayInbox.rules.add')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
