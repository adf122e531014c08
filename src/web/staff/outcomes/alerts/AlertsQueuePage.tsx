import { Alert, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  type AlertKind,
  type AlertStatus,
} from '../../../../shared/outcomes/constants.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useFilters } from '../../components/filters.ts';
import { OffsetPager } from '../../components/Pager.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useAlerts } from './queries.ts';

const TONE = { open: 'bad', referred: 'fair', closed: 'neutral' } as const;

const oneOf = <Value extends string>(values: readonly Value[], value: string): Value | undefined =>
  (values as readonly string[]).includes(value) ? (value as Value) : undefined;

/**
 * `outcomes/alerts`: the organisation's alerts about returned households, open first and oldest first. The filters
 * live in the address (`?status=open`, as the staff home links here), a value outside the lists read as no filter.
 */
export default function AlertsQueuePage() {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const [filters, setFilters] = useFilters({ kind: '', status: '' });
  const kind = oneOf<AlertKind>(ALERT_KINDS, filters.kind);
  const status = oneOf<AlertStatus>(ALERT_STATUSES, filters.status);
  const [offset, setOffset] = useState(0);
  const alerts = useAlerts({ kind, status, offset });
  return (
    <>
      <ScreenHeader title={t('outcomes.alerts.queue.title')} description={t('outcomes.alerts.queue.description')} />
      <Group gap="md" mb="md" align="end">
        <Select
          label={t('outcomes.alerts.filter.kind')}
          clearable
          placeholder={t('outcomes.alerts.filter.any')}
          data={ALERT_KINDS.map((value) => ({ value, label: t(`outcomes.alerts.kind.${value}`) }))}
          value={kind ?? null}
          onChange={(value) => {
            setFilters({ kind: value ?? '' });
            setOffset(0);
          }}
        />
        <Select
          label={t('outcomes.alerts.filter.status')}
          clearable
          placeholder={t('outcomes.alerts.filter.any')}
          data={ALERT_STATUSES.map((value) => ({ value, label: t(`outcomes.alerts.status.${value}`) }))}
          value={status ?? null}
          onChange={(value) => {
            setFilters({ status: value ?? '' });
            setOffset(0);
          }}
        />
      </Group>
      {alerts.isPending ? (
        <PageLoader />
      ) : alerts.isError ? (
        <ErrorPanel error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <Alert variant="light" color="gray" maw={640}>
          {t('outcomes.alerts.queue.empty')}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Text>{t('outcomes.alerts.queue.summary', { count: alerts.data.total })}</Text>
          <StackTable>
            <thead>
              <tr>
                <th scope="col">{t('outcomes.alerts.household')}</th>
                <th scope="col">{t('outcomes.alerts.kindLabel')}</th>
                <th scope="col">{t('outcomes.alerts.round')}</th>
                <th scope="col">{t('outcomes.alerts.zone')}</th>
                <th scope="col">{t('outcomes.alerts.raised')}</th>
                <th scope="col">{t('outcomes.alerts.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.items.map((alert) => (
                <tr key={alert.id}>
                  <td>
                    <Link to={`/staff/outcomes/alerts/${alert.id}`}>{alert.reference ?? alert.householdId}</Link>
                  </td>
                  <td>{t(`outcomes.alerts.kind.${alert.kind}`)}</td>
                  <td>{t('outcomes.alerts.roundLong', { round: alert.round })}</td>
                  <td>{alert.pcode}</td>
                  <td>{date(alert.raisedAt)}</td>
                  <td>
                    <StatusBadge tone={TONE[alert.status]}>{t(`outcomes.alerts.status.${alert.status}`)}</StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </StackTable>
          <OffsetPager
            offset={offset}
            limit={50}
            total={alerts.data.total}
            loading={alerts.isFetching}
            onChange={setOffset}
          />
        </Stack>
      )}
    </>
  );
}
