import { Anchor, NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FLAG_SUBJECT_KINDS } from '../../../../shared/forum/constants.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { useFilters } from '../../components/filters.ts';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { useCan } from '../../session.ts';
import '../commitments/tracker.css';
import { FlagDue, ScreeningState, SubjectText } from './labels.tsx';
import { type FlagFilters, useFlags } from './queries.ts';
import { RaiseFlag } from './RaiseFlag.tsx';

const NO_FILTERS: FlagFilters = { queue: '', state: '', subjectKind: '' };

/**
 * `forum/flags`: the flag inbox. Watchdog flags on published items, unanswered first by due date: what each is
 * about, who raised it, who owes the answer and by when (overdue marked in words and by the row's bar), and
 * where its check for personal data stands. Queues: the flags my organisation must answer, those it raised, those
 * waiting for a protection officer. Civil society and monitors raise a flag with the form below the list.
 */
export default function FlagsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const [done, setDone] = useState('');
  const flags = useFlags(filters);
  const field = (name: keyof FlagFilters) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  const overdue = flags.data?.items.filter((flag) => flag.overdue).length ?? 0;
  return (
    <>
      <ScreenHeader title={t('forumFlags.inbox.title')} description={t('forumFlags.inbox.intro')} />
      <Done message={done} onClose={() => setDone('')} />
      <FilterForm
        label={t('forumFlags.filter.label')}
        onApply={() => setFilters(draft)}
        onClear={() => {
          setDraft(NO_FILTERS);
          setFilters(NO_FILTERS);
        }}
      >
        <NativeSelect label={t('forumFlags.filter.queue')} {...field('queue')}>
          <option value="">{t('forumFlags.filter.everyFlag')}</option>
          <option value="mine">{t('forumFlags.filter.mine')}</option>
          <option value="raised">{t('forumFlags.filter.raised')}</option>
          <option value="screening">{t('forumFlags.filter.screening')}</option>
        </NativeSelect>
        <NativeSelect label={t('forumFlags.filter.state')} {...field('state')}>
          <option value="">{t('forumFlags.filter.anyState')}</option>
          <option value="open">{t('forumFlags.filter.open')}</option>
          <option value="overdue">{t('forumFlags.due.overdue')}</option>
          <option value="answered">{t('forumFlags.filter.answered')}</option>
        </NativeSelect>
        <NativeSelect label={t('forumFlags.filter.subject')} {...field('subjectKind')}>
          <option value="">{t('forumFlags.filter.anySubject')}</option>
          {FLAG_SUBJECT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`forumFlags.subject.${kind}`)}
            </option>
          ))}
        </NativeSelect>
      </FilterForm>
      {flags.isPending ? (
        <PageLoader />
      ) : flags.isError ? (
        <ErrorPanel error={flags.error} onRetry={() => void flags.refetch()} />
      ) : flags.data.items.length === 0 ? (
        <Text mt="md">{t('forumFlags.inbox.none')}</Text>
      ) : (
        <StackTable
          striped
          captionSide="top"
          verticalSpacing="sm"
          mt="md"
          aria-busy={flags.isFetching}
          data-testid="flags"
        >
          <Table.Caption ta="start">
            {t('forumFlags.inbox.caption', { count: flags.data.items.length })}
            {overdue > 0 ? ` · ${t('forumFlags.inbox.overdueCount', { count: overdue })}` : null}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('forumFlags.column.subject')}</Table.Th>
              <Table.Th scope="col">{t('forumFlags.column.raisedBy')}</Table.Th>
              <Table.Th scope="col">{t('forumFlags.column.responsible')}</Table.Th>
              <Table.Th scope="col">{t('forumFlags.column.due')}</Table.Th>
              <Table.Th scope="col">{t('forumFlags.column.screening')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flags.data.items.map((flag) => (
              <Table.Tr key={flag.id} data-overdue={flag.overdue || undefined}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/staff/forum/flags/${flag.id}`} fw={600}>
                    {t('forumFlags.inbox.open', { date: format.date(flag.raisedAt) })}
                  </Anchor>
                  <Text size="sm">
                    <SubjectText flag={flag} link={false} />
                  </Text>
                </Table.Th>
                <Table.Td>{flag.raisedBy.name}</Table.Td>
                <Table.Td>{flag.responsible.name}</Table.Td>
                <Table.Td>
                  <FlagDue flag={flag} />
                </Table.Td>
                <Table.Td>
                  <ScreeningState flag={flag} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
      {can('flag:raise') ? <RaiseFlag onRaised={() => setDone(t('forumFlags.raise.done'))} /> : null}
    </>
  );
}
