import { Anchor, Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACCOUNTABILITY_STATUSES, INCIDENT_TYPES, INCIDENT_VERIFICATIONS } from '../../../shared/gateway/constants.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { FilterForm } from '../components/FilterForm.tsx';
import { useFilters } from '../components/filters.ts';
import { OffsetPager } from '../components/Pager.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { useCan } from '../session.ts';
import { AccountabilityBadge, IncidentPlace, VerificationBadge } from './parts.tsx';
import { type IncidentFilters, useIncidents } from './queries.ts';

const PAGE_SIZE = 50;
const NO_FILTERS = { type: '', accountability: '', verification: '', month: '', pcode: '', offset: '0' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PCODE = /^[A-Z]{2}[A-Z0-9]{0,22}$/;

/** `incidents`: the register, newest first, filtered by type, accountability, verification, month and zone. */
export default function IncidentsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const applied: IncidentFilters = {
    type: (INCIDENT_TYPES as readonly string[]).includes(filters.type) ? filters.type : '',
    accountability: (ACCOUNTABILITY_STATUSES as readonly string[]).includes(filters.accountability)
      ? filters.accountability
      : '',
    verification: (INCIDENT_VERIFICATIONS as readonly string[]).includes(filters.verification)
      ? filters.verification
      : '',
    month: MONTH.test(filters.month) ? filters.month : '',
    pcode: PCODE.test(filters.pcode) ? filters.pcode : '',
  };
  const [draft, setDraft] = useState(applied);
  const offset = Math.max(0, Number(filters.offset) || 0);
  const incidents = useIncidents(applied, PAGE_SIZE, offset);
  const select = (
    name: 'type' | 'accountability' | 'verification',
    values: readonly string[],
    label: (value: string) => string,
  ) => (
    <NativeSelect
      label={t(`incidents.filter.${name}`)}
      value={draft[name]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setDraft((current) => ({ ...current, [name]: value }));
      }}
    >
      <option value="">{t('incidents.filter.any')}</option>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </NativeSelect>
  );
  return (
    <>
      <ScreenHeader
        title={t('incidents.register.title')}
        description={t('incidents.register.intro')}
        actions={
          can('incident:record') ? (
            <Button component={Link} to="/staff/incidents/new">
              {t('incidents.new.title')}
            </Button>
          ) : undefined
        }
      />
      <FilterForm
        label={t('incidents.filter.label')}
        columns={3}
        onApply={() =>
          setFilters({ ...draft, month: draft.month.trim(), pcode: draft.pcode.trim().toUpperCase(), offset: '0' })
        }
        onClear={() => {
          setDraft({ type: '', accountability: '', verification: '', month: '', pcode: '' });
          setFilters(NO_FILTERS);
        }}
      >
        {select('type', INCIDENT_TYPES, (value) => t(`incidents.type.${value}`))}
        {select('accountability', ACCOUNTABILITY_STATUSES, (value) => t(`incidents.accountability.${value}`))}
        {select('verification', INCIDENT_VERIFICATIONS, (value) => t(`incidents.verification.${value}`))}
        <TextInput
          label={t('incidents.filter.month')}
          description={t('incidents.filter.monthHint')}
          value={draft.month}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDraft((current) => ({ ...current, month: value }));
          }}
          dir="ltr"
        />
        <TextInput
          label={t('incidents.filter.pcode')}
          value={draft.pcode}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDraft((current) => ({ ...current, pcode: value }));
          }}
          dir="ltr"
        />
      </FilterForm>
      <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
        {incidents.isPending ? (
          <PageLoader />
        ) : incidents.isError ? (
          <ErrorPanel error={incidents.error} onRetry={() => void incidents.refetch()} />
        ) : incidents.data.items.length === 0 ? (
          <Text>{t('incidents.register.none')}</Text>
        ) : (
          <>
            <StackTable striped captionSide="top" verticalSpacing="sm" aria-busy={incidents.isFetching}>
              <Table.Caption ta="start">
                {t('incidents.register.caption', { count: incidents.data.total })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('incidents.field.reference')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.field.type')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.field.occurredOn')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.field.place')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.field.affected')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.field.verification')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.field.accountability')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {incidents.data.items.map((incident) => (
                  <Table.Tr key={incident.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/staff/incidents/${incident.id}`} fw={600}>
                        <span className="ltr-value">{incident.reference}</span>
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{t(`incidents.type.${incident.type}`)}</Table.Td>
                    <Table.Td>{format.date(incident.occurredOn)}</Table.Td>
                    <Table.Td>
                      <IncidentPlace incident={incident} />
                    </Table.Td>
                    <Table.Td>{format.number(incident.affectedTotal)}</Table.Td>
                    <Table.Td>
                      <VerificationBadge value={incident.verification} />
                    </Table.Td>
                    <Table.Td>
                      <AccountabilityBadge value={incident.accountability} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackTable>
            <OffsetPager
              offset={offset}
              limit={PAGE_SIZE}
              total={incidents.data.total}
              loading={incidents.isFetching}
              onChange={(next) => setFilters({ offset: String(next) })}
            />
          </>
        )}
      </div>
    </>
  );
}
