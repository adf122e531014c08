import { Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/format.ts';
import { Fact, Facts } from '../components/Facts.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useMe } from '../session.ts';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Who the person is, where they act, with which roles, and what those roles let them see and do. */
export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  return (
    <>
      <ScreenHeader title={t('account.title')} description={t('account.intro')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="account-who" title={t('account.who')}>
          <Facts stacked>
            <Fact label={t('account.name')}>{me.user.displayName}</Fact>
            <Fact label={t('account.email')}>
              <span className="ltr-value">{me.user.email}</span>
            </Fact>
            <Fact label={t('account.twoFactor')}>
              {me.twoFactor.enabled ? t('account.twoFactorOn') : t('account.twoFactorOff')}
            </Fact>
            <Fact label={t('account.session')}>
              {t('account.sessionEnds', {
                minutes: me.session.idleMinutes,
                latest: format.dateTime(me.session.absoluteExpiresAt),
              })}
            </Fact>
          </Facts>
        </Section>

        <Section id="account-where" title={t('account.where')}>
          <Facts stacked>
            <Fact label={t('account.organisation')}>{me.organisation.name}</Fact>
            <Fact label={t('account.organisationKind')}>{t(`organisationKind.${me.organisation.kind}`)}</Fact>
            <Fact label={t('account.roles')}>
              <Group gap={6} component="span">
                {me.roles.map((role) => (
                  <StatusBadge key={role} tone="neutral">
                    {t(`role.${role}`)}
                  </StatusBadge>
                ))}
              </Group>
            </Fact>
          </Facts>
        </Section>
      </SimpleGrid>

      <Stack gap="md" mt="md">
        <Section id="account-memberships" title={t('account.memberships', { count: me.memberships.length })}>
          <StackTable>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.organisation')}</Table.Th>
                <Table.Th scope="col">{t('account.roles')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.memberships.map(({ organisation, roles }) => (
                <Table.Tr key={organisation.id}>
                  <Table.Td>
                    {organisation.name}
                    {organisation.id === me.organisation.id ? ` ${t('account.actingNow')}` : ''}
                  </Table.Td>
                  <Table.Td>{format.list(roles.map((role) => t(`role.${role}`)))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
        </Section>

        <Section id="account-permissions" title={t('account.permissions')}>
          <Text mb="sm">{t('account.permissionsIntro', { count: me.permissions.length })}</Text>
          <List spacing={4}>
            {me.permissions.map((permission) => (
              <List.Item key={permission}>{t(`permission.${permission}`)}</List.Item>
            ))}
          </List>
        </Section>
      </Stack>
    </>
  );
}
