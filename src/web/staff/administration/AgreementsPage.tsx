import { Button, NativeSelect, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { Done } from '../components/Done.tsx';
import { useFilters } from '../components/filters.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useMe } from '../session.ts';
import { AgreementFormDialog } from './AgreementForm.tsx';
import { adminKeys, useAgreements } from './queries.ts';
import type { Agreement, AgreementStatus } from './types.ts';

const STATUSES: AgreementStatus[] = ['active', 'expired', 'revoked'];
const TONE = { active: 'good', expired: 'neutral', revoked: 'bad' } as const;

/** Data-sharing agreements: who shares what with whom, for which purpose and until when; record and revoke. */
export default function AgreementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const queryClient = useQueryClient();
  // "all" in the address stands for no status filter; the list opens on the agreements in force.
  const [filters, setFilters] = useFilters({ status: 'active' });
  const status = (STATUSES as string[]).includes(filters.status) ? (filters.status as AgreementStatus) : '';
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Agreement | null>(null);
  const [done, setDone] = useState('');
  const agreements = useAgreements(status);
  const mayManage = me.permissions.includes('agreement:manage');
  const parties = (agreement: Agreement) => ({ from: agreement.from.name, to: agreement.to.name });

  const revoke = useMutation({
    mutationFn: (agreement: Agreement) => api.post<Agreement>(`/agreements/${agreement.id}/revoke`),
    onSuccess: async (agreement) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.agreements });
      setRevoking(null);
      setDone(t('administration.agreement.revoked', parties(agreement)));
    },
  });
  const mayRevoke = (agreement: Agreement) =>
    mayManage &&
    agreement.status === 'active' &&
    (agreement.from.id === me.organisation.id || agreement.to.id === me.organisation.id);

  return (
    <>
      <ScreenHeader
        title={t('administration.agreements')}
        description={t('administration.agreement.intro')}
        actions={
          mayManage ? <Button onClick={() => setCreating(true)}>{t('administration.agreement.create')}</Button> : null
        }
      />
      <Done message={done} onClose={() => setDone('')} />
      <NativeSelect
        label={t('administration.agreement.statusFilter')}
        value={status}
        onChange={(event) => setFilters({ status: event.currentTarget.value || 'all' })}
        maw={300}
        mb="md"
      >
        <option value="">{t('administration.agreement.all')}</option>
        {STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`administration.agreement.status.${value}`)}
          </option>
        ))}
      </NativeSelect>
      {agreements.isPending ? (
        <PageLoader />
      ) : agreements.isError ? (
        <ErrorPanel error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : (
        <StackTable striped captionSide="top" verticalSpacing="sm">
          <Table.Caption ta="start">
            {t('administration.agreement.caption', { count: agreements.data.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('administration.agreement.from')}</Table.Th>
              <Table.Th scope="col">{t('administration.agreement.to')}</Table.Th>
              <Table.Th scope="col">{t('administration.agreement.purpose')}</Table.Th>
              <Table.Th scope="col">{t('administration.agreement.categories')}</Table.Th>
              <Table.Th scope="col">{t('administration.agreement.expires')}</Table.Th>
              <Table.Th scope="col">{t('administration.status')}</Table.Th>
              {mayManage ? <Table.Th scope="col">{t('administration.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreements.data.map((agreement) => (
              <Table.Tr key={agreement.id}>
                <Table.Td>{agreement.from.name}</Table.Td>
                <Table.Td>{agreement.to.name}</Table.Td>
                <Table.Td>{t(`purpose.${agreement.purpose}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {format.list(agreement.dataCategories.map((category) => t(`dataCategory.${category}`)))}
                  </Text>
                </Table.Td>
                <Table.Td>{format.date(agreement.expiresAt)}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={TONE[agreement.status]}>
                    {t(`administration.agreement.status.${agreement.status}`)}
                  </StatusBadge>
                  {agreement.revokedAt ? (
                    <Text size="xs" mt={4}>
                      {t('administration.agreement.revokedOn', { date: format.date(agreement.revokedAt) })}
                    </Text>
                  ) : null}
                </Table.Td>
                {mayManage ? (
                  <Table.Td>
                    {mayRevoke(agreement) ? (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        aria-label={t('administration.agreement.revokeNamed', parties(agreement))}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(agreement);
                        }}
                      >
                        {t('administration.agreement.revoke')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
      {mayManage ? (
        <AgreementFormDialog
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(agreement) => {
            setCreating(false);
            setDone(t('administration.agreement.created', parties(agreement)));
          }}
        />
      ) : null}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('administration.agreement.revokeTitle')}
        confirmLabel={t('administration.agreement.revoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        {revoking ? (
          <Text>
            {t('administration.agreement.revokeText', {
              ...parties(revoking),
              purpose: t(`purpose.${revoking.purpose}`),
            })}
          </Text>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
