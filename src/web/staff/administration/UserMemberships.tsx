import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api.ts';
import { FormError } from '../../components/forms.tsx';
import { ActionBar, ConfirmDialog } from '../components/Dialog.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { useMe } from '../session.ts';
import { MembershipFields } from './MembershipFields.tsx';
import { problemFor } from './problems.ts';
import { adminKeys, useOrganisations } from './queries.ts';
import { type Checks, hasProblems, type MembershipRow } from './requests.ts';
import { organisationsForMemberships } from './scope.ts';
import type { Membership, UserSummary } from './types.ts';

const REQUIRED = 'administration.check.required';

/** Adds a membership; what was chosen stays chosen when the server refuses. */
function AddMembership({ user, onSaved }: { user: UserSummary; onSaved: (updated: UserSummary) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const organisations = useOrganisations();
  const [row, setRow] = useState<MembershipRow>({ organisationId: '', role: '' });
  const [checks, setChecks] = useState<Checks<'organisationId' | 'role'>>({});
  const add = useMutation({
    mutationFn: () => api.post<UserSummary>(`/users/${user.id}/memberships`, row),
    onSuccess: (updated) => {
      setRow({ organisationId: '', role: '' });
      onSaved(updated);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const found = { organisationId: row.organisationId ? undefined : REQUIRED, role: row.role ? undefined : REQUIRED };
    setChecks(found);
    if (!hasProblems(found)) add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('administration.user.addMembership')}
        </Title>
        <FormError error={add.error} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <MembershipFields
            row={row}
            organisations={organisationsForMemberships(me, organisations.data ?? [])}
            onChange={setRow}
            errors={{
              organisationId: problemFor(t, checks.organisationId, add.error, 'organisationId'),
              role: problemFor(t, checks.role, add.error, 'role'),
            }}
          />
        </Group>
        <ActionBar justify="flex-start">
          <Button type="submit" loading={add.isPending} disabled={add.isPending}>
            {t('administration.user.addMembershipSubmit')}
          </Button>
        </ActionBar>
      </Stack>
    </form>
  );
}

/** A person's memberships (organisation and role), with adding and removing for administrators. */
export function UserMemberships({
  user,
  mayManage,
  onDone,
}: {
  user: UserSummary;
  mayManage: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Membership | null>(null);
  const describe = (membership: Membership) => ({
    organisation: membership.organisation.name,
    role: t(`role.${membership.role}`),
  });
  const saved = async (updated: UserSummary, message: string) => {
    queryClient.setQueryData(adminKeys.user(user.id), updated);
    await queryClient.invalidateQueries({ queryKey: adminKeys.users });
    onDone(message);
  };
  const remove = useMutation({
    mutationFn: (membership: Membership) => api.delete<UserSummary>(`/users/${user.id}/memberships/${membership.id}`),
    onSuccess: async (updated, membership) => {
      setRemoving(null);
      await saved(updated, t('administration.user.done.membershipRemoved', describe(membership)));
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-memberships">
      <Title order={2} size="h4" id="user-memberships" mb="sm">
        {t('administration.user.memberships')}
      </Title>
      <StackTable captionSide="top" mb="md">
        <Table.Caption ta="start">
          {t('administration.user.membershipsCaption', { name: user.displayName })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('administration.user.organisation')}</Table.Th>
            <Table.Th scope="col">{t('administration.user.role')}</Table.Th>
            {mayManage ? <Table.Th scope="col">{t('administration.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {user.memberships.map((membership) => (
            <Table.Tr key={membership.id}>
              <Table.Td>{membership.organisation.name}</Table.Td>
              <Table.Td>{t(`role.${membership.role}`)}</Table.Td>
              {mayManage ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    disabled={user.memberships.length < 2}
                    aria-label={t('administration.user.removeMembershipNamed', describe(membership))}
                    onClick={() => {
                      remove.reset();
                      setRemoving(membership);
                    }}
                  >
                    {t('administration.user.removeMembership')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackTable>
      {mayManage && user.memberships.length < 2 ? (
        <Text size="sm" mb="md">
          {t('administration.user.lastMembership')}
        </Text>
      ) : null}
      {mayManage ? (
        <AddMembership
          user={user}
          onSaved={(updated) => void saved(updated, t('administration.user.done.membershipAdded'))}
        />
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title={t('administration.user.removeMembershipTitle')}
        confirmLabel={t('administration.user.removeMembership')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      >
        {removing ? (
          <Text>
            {t('administration.user.removeMembershipText', { name: user.displayName, ...describe(removing) })}
          </Text>
        ) : null}
      </ConfirmDialog>
    </Paper>
  );
}
