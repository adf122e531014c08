import { Anchor, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan } from '../../session.ts';
import { ConsultationStatusText } from './labels.tsx';
import { OpenConsultation } from './OpenConsultation.tsx';
import { useConsultations } from './queries.ts';

/**
 * `forum/consultations`: the console. Each consultation on a draft of the zone criteria framework, newest first:
 * the draft's version, when it opened and closes, how many comments came and how many still wait for their
 * written answer. People who run consultations open one with the form below the list.
 */
export default function ConsultationsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const [done, setDone] = useState('');
  const consultations = useConsultations();
  return (
    <>
      <ScreenHeader title={t('forumConsultations.console.title')} description={t('forumConsultations.console.intro')} />
      <Done message={done} onClose={() => setDone('')} />
      {consultations.isPending ? (
        <PageLoader />
      ) : consultations.isError ? (
        <ErrorPanel error={consultations.error} onRetry={() => void consultations.refetch()} />
      ) : consultations.data.items.length === 0 ? (
        <Text>{t('forumConsultations.console.none')}</Text>
      ) : (
        <StackTable striped captionSide="top" verticalSpacing="sm" data-testid="consultations">
          <Table.Caption ta="start">
            {t('forumConsultations.console.caption', { count: consultations.data.items.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('forumConsultations.column.title')}</Table.Th>
              <Table.Th scope="col">{t('forumConsultations.column.draft')}</Table.Th>
              <Table.Th scope="col">{t('forumConsultations.column.period')}</Table.Th>
              <Table.Th scope="col">{t('forumConsultations.column.status')}</Table.Th>
              <Table.Th scope="col">{t('forumConsultations.column.comments')}</Table.Th>
              <Table.Th scope="col">{t('forumConsultations.column.unanswered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {consultations.data.items.map((consultation) => (
              <Table.Tr key={consultation.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/staff/forum/consultations/${consultation.id}`} fw={600} dir="auto">
                    {consultation.title}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  {t('forumConsultations.version', { version: format.number(consultation.frameworkVersion) })}
                </Table.Td>
                <Table.Td>
                  {t('forumConsultations.period', {
                    opens: format.date(consultation.opensAt),
                    closes: format.date(consultation.closesAt),
                  })}
                </Table.Td>
                <Table.Td>
                  <ConsultationStatusText status={consultation.status} />
                </Table.Td>
                <Table.Td>{format.number(consultation.comments)}</Table.Td>
                <Table.Td>
                  {consultation.unanswered > 0 ? (
                    <StatusBadge tone="fair">
                      {t('forumConsultations.unansweredCount', { count: consultation.unanswered })}
                    </StatusBadge>
                  ) : (
                    t('forumConsultations.allAnswered')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
      {can('consultation:manage') ? (
        <OpenConsultation
          consulted={consultations.data?.items.map((item) => item.frameworkVersion) ?? []}
          onOpened={(title) => setDone(t('forumConsultations.open.done', { title }))}
        />
      ) : null}
    </>
  );
}
