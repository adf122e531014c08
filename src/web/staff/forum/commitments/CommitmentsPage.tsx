import { Anchor, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMMITMENT_STATUSES } from '../../../../shared/forum/constants.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { useFilters } from '../../components/filters.ts';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { useCan } from '../../session.ts';
import { CommitmentStatusText, DueDay, IndicatorText, RatingText } from './labels.tsx';
import { NewCommitment } from './NewCommitment.tsx';
import { type CommitmentFilters, useCommitments, useMechanismOrganisations } from './queries.ts';
import './tracker.css';

const NO_FILTERS: CommitmentFilters = { status: '', ownerOrganisationId: '', stateCode: '' };

/**
 * `forum/commitments`: the tracker. Every commitment with its owner, due date, indicator, where it stands and its
 * latest independent assessment; overdue ones first, marked in words and by their row's bar. Filters by status,
 * owner and state are kept in the address. People who may record commitments find the form below the list.
 */
export default function CommitmentsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const [done, setDone] = useState('');
  const commitments = useCommitments(filters);
  const organisations = useMechanismOrganisations();
  const field = (name: keyof CommitmentFilters) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  const overdue = commitments.data?.items.filter((item) => item.overdue).length ?? 0;
  return (
    <>
      <ScreenHeader
        title={t('forumCommitments.tracker.title')}
        description={t('forumCommitments.tracker.intro')}
        actions={
          <Anchor component={Link} to="/staff/forum/scorecard">
            {t('forumCommitments.tracker.toScorecard')}
          </Anchor>
        }
      />
      <Done message={done} onClose={() => setDone('')} />
      <FilterForm
        label={t('forumCommitments.filter.label')}
        onApply={() => setFilters({ ...draft, stateCode: draft.stateCode.trim().toUpperCase() })}
        onClear={() => {
          setDraft(NO_FILTERS);
          setFilters(NO_FILTERS);
        }}
      >
        <NativeSelect label={t('forumCommitments.filter.status')} {...field('status')}>
          <option value="">{t('forumCommitments.filter.anyStatus')}</option>
          <option value="overdue">{t('forumCommitments.overdue')}</option>
          {COMMITMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`forumCommitments.status.${status}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect label={t('forumCommitments.filter.owner')} {...field('ownerOrganisationId')}>
          <option value="">{t('forumCommitments.filter.anyOwner')}</option>
          {(organisations.data ?? []).map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </NativeSelect>
        <TextInput
          label={t('forumCommitments.filter.state')}
          description={t('forumCommitments.filter.stateHint')}
          maxLength={2}
          {...field('stateCode')}
        />
      </FilterForm>
      {commitments.isPending ? (
        <PageLoader />
      ) : commitments.isError ? (
        <ErrorPanel error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : commitments.data.items.length === 0 ? (
        <Text mt="md">{t('forumCommitments.tracker.none')}</Text>
      ) : (
        <StackTable
          striped
          captionSide="top"
          verticalSpacing="sm"
          mt="md"
          aria-busy={commitments.isFetching}
          data-testid="commitments"
        >
          <Table.Caption ta="start">
            {t('forumCommitments.tracker.caption', { count: commitments.data.items.length })}
            {overdue > 0 ? ` · ${t('forumCommitments.tracker.overdueCount', { count: overdue })}` : null}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('forumCommitments.column.commitment')}</Table.Th>
              <Table.Th scope="col">{t('forumCommitments.column.owner')}</Table.Th>
              <Table.Th scope="col">{t('forumCommitments.column.due')}</Table.Th>
              <Table.Th scope="col">{t('forumCommitments.column.indicator')}</Table.Th>
              <Table.Th scope="col" miw="8rem">
                {t('forumCommitments.column.status')}
              </Table.Th>
              <Table.Th scope="col">{t('forumCommitments.column.assessment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {commitments.data.items.map((item) => (
              <Table.Tr key={item.id} data-overdue={item.overdue || undefined}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/staff/forum/commitments/${item.id}`} fw={600} dir="auto">
                    {item.text}
                  </Anchor>
                  {item.stateCode || item.pcode ? (
                    <Text size="sm" c="dimmed">
                      <span className="ltr-value">{item.pcode ?? item.stateCode}</span>
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>{item.owner.name}</Table.Td>
                <Table.Td>
                  <DueDay commitment={item} />
                </Table.Td>
                <Table.Td>
                  <IndicatorText commitment={item} />
                </Table.Td>
                <Table.Td>
                  <CommitmentStatusText commitment={item} />
                </Table.Td>
                <Table.Td>
                  {item.latestAssessment ? (
                    <>
                      <RatingText rating={item.latestAssessment.rating} />
                      <Text size="sm" c="dimmed">
                        {t('forumCommitments.assessment.byOn', {
                          organisation: item.latestAssessment.organisation.name,
                          date: format.date(item.latestAssessment.at),
                        })}
                      </Text>
                    </>
                  ) : (
                    t('forumCommitments.assessment.none')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
      {can('commitment:manage') ? (
        <NewCommitment
          organisations={organisations.data ?? []}
          onMade={(text) => setDone(t('forumCommitments.new.done', { text }))}
        />
      ) : null}
    </>
  );
}
