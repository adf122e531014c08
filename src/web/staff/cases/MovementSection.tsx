import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { MovementStatusBadge, SuspensionText, useDayFormat } from './movements/labels.tsx';
import { useHouseholdMovements } from './movements/queries.ts';

/**
 * A section of the household page: the household's movements (newest first) with their status for it and, when
 * its place was suspended, why in words; then its arrival and the follow-up schedule it set.
 */
export function MovementSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const movements = useHouseholdMovements(householdId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="household-movements">
      <Title order={2} size="h4" id="household-movements" mb="sm">
        {t('cases.movements.section.title')}
      </Title>
      {movements.isPending ? (
        <PageLoader />
      ) : movements.isError ? (
        <ErrorPanel error={movements.error} onRetry={() => void movements.refetch()} />
      ) : (
        <Stack gap="sm">
          {movements.data.movements.length === 0 ? <Text c="dimmed">{t('cases.movements.section.none')}</Text> : null}
          {movements.data.movements.map(({ movement, status, destinationPcode, people }) => (
            <Stack key={movement.id} gap={4}>
              <Group gap="xs" wrap="wrap">
                <MovementStatusBadge status={status} />
                <Text size="sm">
                  {t('cases.movements.section.line', {
                    kind: t(`cases.movements.kind.${movement.kind}`),
                    date: day(movement.departsOn),
                    corridor: movement.corridor.name,
                    pcode: destinationPcode,
                    people,
                  })}
                </Text>
              </Group>
              {movement.suspension && status === 'suspended' ? (
                <SuspensionText suspension={movement.suspension} />
              ) : null}
            </Stack>
          ))}
          {movements.data.arrival ? (
            <Stack gap={4}>
              <Text size="sm" fw={700}>
                {t('cases.movements.section.arrived', {
                  date: day(movements.data.arrival.arrivedOn),
                  pcode: movements.data.arrival.pcode,
                })}
              </Text>
              <Text size="sm">{t('cases.movements.followUps.title')}</Text>
              <List size="sm">
                {movements.data.arrival.followUps.map((followUp) => (
                  <List.Item key={followUp.monthsAfterArrival}>
                    {t('cases.movements.followUps.item', {
                      months: followUp.monthsAfterArrival,
                      date: day(followUp.dueOn),
                    })}{' '}
                    ({t(`cases.movements.followUps.status.${followUp.status}`)})
                  </List.Item>
                ))}
              </List>
            </Stack>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
