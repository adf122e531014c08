import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { valueText } from '../../zones/explain.ts';
import { Done } from '../components/Done.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { useMe } from '../session.ts';
import { EvidenceDialog } from './EvidenceDialog.tsx';
import { indicatorByCode } from './frameworkFor.ts';
import { useObservations } from './queries.ts';
import type { FrameworkVersion, Observation } from './types.ts';
import { useLocalName, usePeriodName } from './ui.tsx';

const LIMIT = 200;

/** The organisation's observations a verifier asked more evidence for, each with a way to answer. */
export function EvidenceRequests({ framework }: { framework: FrameworkVersion }) {
  const { t } = useTranslation();
  const me = useMe();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const [answering, setAnswering] = useState<{ opened: boolean; observation?: Observation }>({ opened: false });
  const [done, setDone] = useState('');
  const asked = useObservations({ status: 'more_evidence', limit: LIMIT, offset: 0 });
  const ours = (asked.data?.items ?? []).filter((observation) => observation.organisation.id === me.organisation.id);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="evidence-requests">
      <Title order={2} size="h4" id="evidence-requests" mb="sm">
        {t('zones.evidence.requestsTitle')}
      </Title>
      <Done message={done} onClose={() => setDone('')} />
      {asked.isPending ? (
        <PageLoader />
      ) : asked.isError ? (
        <ErrorPanel error={asked.error} onRetry={() => void asked.refetch()} />
      ) : ours.length === 0 ? (
        <Text>{t('zones.evidence.noRequests')}</Text>
      ) : (
        <StackTable striped captionSide="top" verticalSpacing="sm">
          <Table.Caption ta="start">{t('zones.evidence.requestsCaption', { count: ours.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('zones.observe.zone')}</Table.Th>
              <Table.Th scope="col">{t('zones.indicator')}</Table.Th>
              <Table.Th scope="col">{t('zones.period')}</Table.Th>
              <Table.Th scope="col">{t('zones.value')}</Table.Th>
              <Table.Th scope="col">{t('zones.evidence.askedColumn')}</Table.Th>
              <Table.Th scope="col">{t('administration.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ours.map((observation) => {
              const found = indicatorByCode(framework.definition, observation.indicator)?.indicator;
              const zone = nameOf(observation.zoneName, observation.pcode);
              return (
                <Table.Tr key={observation.id}>
                  <Table.Th scope="row" fw={600}>
                    {zone} <span className="ltr-value">{observation.pcode}</span>
                  </Table.Th>
                  <Table.Td>{nameOf(found?.name, observation.indicator)}</Table.Td>
                  <Table.Td>{periodName(observation.period)}</Table.Td>
                  <Table.Td>{found ? valueText(t, found.unit, observation.value) : observation.value}</Table.Td>
                  <Table.Td>{observation.verifications.at(-1)?.reason ?? ''}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setAnswering({ opened: true, observation })}
                      aria-label={t('zones.evidence.addNamed', {
                        zone,
                        indicator: nameOf(found?.name, observation.indicator),
                      })}
                    >
                      {t('zones.evidence.add')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </StackTable>
      )}
      <EvidenceDialog
        opened={answering.opened}
        observation={answering.observation}
        onClose={() => setAnswering({ ...answering, opened: false })}
        onDone={() => {
          setAnswering({ ...answering, opened: false });
          setDone(t('zones.evidence.done'));
        }}
      />
    </Paper>
  );
}
