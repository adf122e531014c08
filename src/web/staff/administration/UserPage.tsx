import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { errorMessage } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ActionBar, ConfirmDialog } from '../components/Dialog.tsx';
import { Done } from '../components/Done.tsx';
import { Fact, Facts } from '../components/Facts.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useMe } from '../session.ts';
import { adminKeys } from './queries.ts';
import type { UserSummary } from './types.ts';
import { UserMemberships } from './UserMemberships.tsx';
import { AccountStatus, TwoFactorStatus } from './UserStatus.tsx';

type Action = 'deactivate' | 'reactivate' | 'reset-two-factor';

/** Deactivate or reactivate the account, reset its two-factor sign-in; destructive ones are confirmed first. */
function AccountActions({ user, onDone }: { user: UserSummary; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Action | null>(null);
  const act = useMutation({
    mutationFn: (action: Action) => api.post<UserSummary>(`/users/${user.id}/${action}`),
    onSuccess: async (updated, action) => {
      queryClient.setQueryData(adminKeys.user(user.id), updated);
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      setAsking(null);
      onDone(t(`administration.user.done.${action}`, { name: updated.displayName }));
    },
  });
  const ask = (action: Action) => {
    act.reset();
    setAsking(action);
  };
  return (
    <ActionBar justify="flex-start">
      {user.active ? (
        <Button color="red.9" variant="outline" onClick={() => ask('deactivate')}>
          {t('administration.user.deactivate')}
        </Button>
      ) : (
        <Button onClick={() => act.mutate('reactivate')} loading={act.isPending} disabled={act.isPending}>
          {t('administration.user.reactivate')}
        </Button>
      )}
      {user.twoFactor.enabled ? (
        <Button color="red.9" variant="outline" onClick={() => ask('reset-two-factor')}>
          {t('administration.user.resetTwoFactor')}
        </Button>
      ) : null}
      <ConfirmDialog
        opened={asking === 'deactivate' || asking === 'reset-two-factor'}
        title={
          asking === 'reset-two-factor'
            ? t('administration.user.resetTwoFactorTitle', { name: user.displayName })
            : t('administration.user.deactivateTitle', { name: user.displayName })
        }
        confirmLabel={
          asking === 'reset-two-factor' ? t('administration.user.resetTwoFactor') : t('administration.user.deactivate')
        }
        pending={act.isPending}
        error={asking ? act.error : null}
        onConfirm={() => asking && act.mutate(asking)}
        onClose={() => setAsking(null)}
      >
        <Text>
          {asking === 'reset-two-factor'
            ? t('administration.user.resetTwoFactorText')
            : t('administration.user.deactivateText')}
        </Text>
      </ConfirmDialog>
      {!asking && act.isError ? (
        <Text role="alert" c="red.9" size="sm">
          {errorMessage(t, act.error)}
        </Text>
      ) : null}
    </ActionBar>
  );
}

/** One person: their account, two-factor state and memberships, with what an administrator may change. */
export default function UserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const me = useMe();
  const format = useFormatters();
  const [done, setDone] = useState('');
  const user = useQuery({
    queryKey: adminKeys.user(userId),
    queryFn: ({ signal }) => api.get<UserSummary>(`/users/${userId}`, { signal }),
  });
  const back = (
    <Anchor component={Link} to="/staff/administration/users">
      {t('administration.user.backToList')}
    </Anchor>
  );
  if (user.isPending) return <PageLoader />;
  if (user.isError)
    return (
      <>
        <ScreenHeader title={t('administration.users')} actions={back} />
        <ErrorPanel error={user.error} onRetry={() => void user.refetch()} />
      </>
    );
  const person = user.data;
  const mayManage = me.permissions.includes('user:manage') && person.id !== me.user.id;

  return (
    <>
      <ScreenHeader title={person.displayName} description={t('administration.user.pageIntro')} actions={back} />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-labelledby="user-account">
          <Title order={2} size="h4" id="user-account" mb="sm">
            {t('administration.user.account')}
          </Title>
          <Facts mb="md">
            <Fact label={t('administration.user.email')}>
              <span className="ltr-value">{person.email}</span>
            </Fact>
            <Fact label={t('administration.status')}>
              <AccountStatus user={person} />
            </Fact>
            <Fact label={t('administration.user.twoFactor')}>
              <TwoFactorStatus user={person} />
            </Fact>
            <Fact label={t('administration.user.passwordState')}>
              {person.passwordChangeRequired
                ? t('administration.user.passwordOneTime')
                : t('administration.user.passwordOwn')}
            </Fact>
            <Fact label={t('administration.user.createdAt')}>{format.dateTime(person.createdAt)}</Fact>
          </Facts>
          {mayManage ? <AccountActions user={person} onDone={setDone} /> : null}
          {person.id === me.user.id ? <Text size="sm">{t('administration.user.ownAccount')}</Text> : null}
        </Paper>
        <UserMemberships user={person} mayManage={mayManage} onDone={setDone} />
      </Stack>
    </>
  );
}
