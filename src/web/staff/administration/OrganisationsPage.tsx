import { Button, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Done } from '../components/Done.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useMe } from '../session.ts';
import { OrganisationFormDialog } from './OrganisationForm.tsx';
import { useOrganisations } from './queries.ts';
import { administersEverything, mayEditOrganisation } from './scope.ts';
import type { Organisation } from './types.ts';

/** The dialog's subject (none: a new organisation); the dialog stays mounted while closed. */
type Editing = { opened: boolean; organisation?: Organisation | undefined };

/** The organisations of the mechanism: who they are, where, whether active; create and change them. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organisations = useOrganisations();
  const [editing, setEditing] = useState<Editing>({ opened: false });
  const open = (organisation?: Organisation) => setEditing({ opened: true, organisation });
  const close = () => setEditing({ ...editing, opened: false });
  const [done, setDone] = useState('');
  const mayCreate = me.permissions.includes('organisation:manage') && administersEverything(me);

  const saved = (organisation: Organisation) => {
    setDone(
      editing.organisation
        ? t('administration.organisation.saved', { name: organisation.name })
        : t('administration.organisation.created', { name: organisation.name }),
    );
    close();
  };

  return (
    <>
      <ScreenHeader
        title={t('administration.organisations')}
        description={t('administration.organisation.intro')}
        actions={mayCreate ? <Button onClick={() => open()}>{t('administration.organisation.create')}</Button> : null}
      />
      <Done message={done} onClose={() => setDone('')} />
      {organisations.isPending ? (
        <PageLoader />
      ) : organisations.isError ? (
        <ErrorPanel error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : (
        <StackTable striped highlightOnHover captionSide="top">
          <Table.Caption ta="start">
            {t('administration.organisation.caption', { count: organisations.data.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('administration.organisation.name')}</Table.Th>
              <Table.Th scope="col">{t('administration.organisation.kind')}</Table.Th>
              <Table.Th scope="col">{t('administration.organisation.homeState')}</Table.Th>
              <Table.Th scope="col">{t('administration.status')}</Table.Th>
              <Table.Th scope="col">{t('administration.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organisations.data.map((organisation) => (
              <Table.Tr key={organisation.id}>
                <Table.Th scope="row" fw={600}>
                  {organisation.name}
                </Table.Th>
                <Table.Td>{t(`organisationKind.${organisation.kind}`)}</Table.Td>
                <Table.Td>
                  <span className="ltr-value">{organisation.homeState}</span>
                </Table.Td>
                <Table.Td>
                  {organisation.active ? (
                    <StatusBadge tone="good">{t('administration.organisation.active')}</StatusBadge>
                  ) : (
                    <StatusBadge tone="neutral">{t('administration.organisation.inactive')}</StatusBadge>
                  )}
                </Table.Td>
                <Table.Td>
                  {mayEditOrganisation(me, organisation) ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => open(organisation)}
                      aria-label={t('administration.organisation.editNamed', { name: organisation.name })}
                    >
                      {t('administration.edit')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
      <OrganisationFormDialog
        opened={editing.opened}
        organisation={editing.organisation}
        onClose={close}
        onSaved={saved}
      />
    </>
  );
}
