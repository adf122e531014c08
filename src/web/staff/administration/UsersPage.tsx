import { Anchor, Button, List, NativeSelect, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useFilters } from '../components/filters.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { useMe } from '../session.ts';
import { useOrganisations, useUsers } from './queries.ts';
import { AccountStatus, TwoFactorStatus } from './UserStatus.tsx';

/** People with their memberships, filtered by organisation; a link to each person's page. */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [{ organisation: organisationId }, setFilters] = useFilters({ organisation: '' });
  const organisations = useOrganisations();
  const users = useUsers(organisationId);
  const mayManage = me.permissions.includes('user:manage');

  return (
    <>
      <ScreenHeader
        title={t('administration.users')}
        description={t('administration.user.intro')}
        actions={
          mayManage ? (
            <Button component={Link} to="/staff/administration/users/new">
              {t('administration.user.create')}
            </Button>
          ) : null
        }
      />
      <NativeSelect
        label={t('administration.user.filterOrganisation')}
        value={organisationId}
        onChange={(event) => setFilters({ organisation: event.currentTarget.value })}
        maw={420}
        mb="md"
      >
        <option value="">{t('administration.user.allOrganisations')}</option>
        {(organisations.data ?? []).map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </NativeSelect>
      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <ErrorPanel error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <StackTable striped captionSide="top" verticalSpacing="sm">
          <Table.Caption ta="start">{t('administration.user.caption', { count: users.data.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('administration.user.displayName')}</Table.Th>
              <Table.Th scope="col">{t('administration.user.email')}</Table.Th>
              <Table.Th scope="col">{t('administration.user.memberships')}</Table.Th>
              <Table.Th scope="col">{t('administration.user.account')}</Table.Th>
              <Table.Th scope="col">{t('administration.user.twoFactor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/staff/administration/users/${user.id}`} fw={600}>
                    {user.displayName}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <span className="ltr-value">{user.email}</span>
                </Table.Td>
                <Table.Td>
                  <List size="sm" spacing={2} listStyleType="none" p={0}>
                    {user.memberships.map((membership) => (
                      <List.Item key={membership.id}>
                        {t('administration.user.membershipLine', {
                          organisation: membership.organisation.name,
                          role: t(`role.${membership.role}`),
                        })}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
                <Table.Td>
                  <AccountStatus user={user} />
                </Table.Td>
                <Table.Td>
                  <TwoFactorStatus user={user} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </>
  );
}
