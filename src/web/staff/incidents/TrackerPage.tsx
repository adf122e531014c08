import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACCOUNTABILITY_STATUSES } from '../../../shared/gateway/constants.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Fact, Facts } from '../components/Facts.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { AccountabilityBadge, IncidentPlace } from './parts.tsx';
import { useAccountabilityTracker } from './queries.ts';

/**
 * `incidents/accountability`: how many incidents stand at each step, and the open ones, those waiting longest for
 * the body's answer first; a referral unanswered past the expected days is marked overdue in words and colour.
 */
export default function TrackerPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const tracker = useAccountabilityTracker();
  if (tracker.isPending) return <PageLoader />;
  if (tracker.isError) return <ErrorPanel error={tracker.error} onRetry={() => void tracker.refetch()} />;
  const data = tracker.data;
  const overdue = data.items.filter((item) => item.responseOverdue).length;
  return (
    <>
      <ScreenHeader
        title={t('incidents.tracker.title')}
        description={t('incidents.tracker.intro', { count: data.responseDays })}
      />
      <Facts columns={4} mb="md">
        {ACCOUNTABILITY_STATUSES.map((status) => (
          <Fact key={status} label={t(`incidents.accountability.${status}`)} large>
            {format.number(data.counts[status])}
          </Fact>
        ))}
      </Facts>
      {overdue > 0 ? (
        <Text fw={600} c="red.9" mb="sm">
          {t('incidents.tracker.overdueCount', { count: overdue })}
        </Text>
      ) : null}
      {data.items.length === 0 ? (
        <Text>{t('incidents.tracker.none')}</Text>
      ) : (
        <StackTable striped captionSide="top" verticalSpacing="sm">
          <Table.Caption ta="start">{t('incidents.tracker.caption', { count: data.items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('incidents.field.reference')}</Table.Th>
              <Table.Th scope="col">{t('incidents.field.type')}</Table.Th>
              <Table.Th scope="col">{t('incidents.field.place')}</Table.Th>
              <Table.Th scope="col">{t('incidents.field.accountability')}</Table.Th>
              <Table.Th scope="col">{t('incidents.field.referredTo')}</Table.Th>
              <Table.Th scope="col">{t('incidents.tracker.waiting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((item) => (
              <Table.Tr
                key={item.id}
                style={item.responseOverdue ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-7)' } : undefined}
              >
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/staff/incidents/${item.id}`} fw={600}>
                    <span className="ltr-value">{item.reference}</span>
                  </Anchor>
                </Table.Th>
                <Table.Td>{t(`incidents.type.${item.type}`)}</Table.Td>
                <Table.Td>
                  <IncidentPlace incident={item} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <AccountabilityBadge value={item.accountability} overdue={item.responseOverdue} />
                  </Group>
                </Table.Td>
                <Table.Td>{item.referredTo ?? '—'}</Table.Td>
                <Table.Td>
                  {item.daysSinceReferral !== null
                    ? t('incidents.tracker.daysSince', { count: item.daysSinceReferral })
                    : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </>
  );
}
