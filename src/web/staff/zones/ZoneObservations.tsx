import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { valueText } from '../../zones/explain.ts';
import { Done } from '../components/Done.tsx';
import { OffsetPager } from '../components/Pager.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { useMe } from '../session.ts';
import { EvidenceDialog } from './EvidenceDialog.tsx';
import { indicatorByCode } from './frameworkFor.ts';
import { EvidenceNotes, ObservationStatusBadge, Verifications } from './ObservationParts.tsx';
import { CorrectionDialog, ObservationHistoryDialog } from './ObservationVersions.tsx';
import { useObservations } from './queries.ts';
import type { FrameworkVersion, Observation } from './types.ts';
import { useLocalName, usePeriodName } from './ui.tsx';

const PAGE_SIZE = 20;

/** The zone's observations, newest first: value, source, who submitted it and what the verifiers decided. */
export function ZoneObservations({ pcode, framework }: { pcode: string; framework: FrameworkVersion }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const [offset, setOffset] = useState(0);
  const [answering, setAnswering] = useState<{ opened: boolean; observation?: Observation }>({ opened: false });
  const [done, setDone] = useState('');
  // A link to one observation (from a duplicate refused on the observation form) opens its history.
  const [params, setParams] = useSearchParams();
  const linked = params.get('observation') ?? undefined;
  const [history, setHistory] = useState<{ opened: boolean; id?: string }>(() =>
    linked ? { opened: true, id: linked } : { opened: false },
  );
  const [correcting, setCorrecting] = useState<{ opened: boolean; observation?: Observation }>({ opened: false });
  const observations = useObservations({ pcode, limit: PAGE_SIZE, offset });
  const mayAnswer = (observation: Observation) =>
    observation.status === 'more_evidence' &&
    observation.organisation.id === me.organisation.id &&
    me.permissions.includes('observation:create');
  const mayCorrect = (observation: Observation) =>
    observation.organisation.id === me.organisation.id && me.permissions.includes('observation:create');
  const closeHistory = () => {
    setHistory((current) => ({ ...current, opened: false }));
    if (linked) {
      const next = new URLSearchParams(params);
      next.delete('observation');
      setParams(next, { replace: true });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="zone-observations">
      <Title order={2} size="h4" id="zone-observations" mb="sm">
        {t('zones.observations.title')}
      </Title>
      <Done message={done} onClose={() => setDone('')} />
      {observations.isPending ? (
        <PageLoader />
      ) : observations.isError ? (
        <ErrorPanel error={observations.error} onRetry={() => void observations.refetch()} />
      ) : observations.data.total === 0 ? (
        <Text>{t('zones.observations.none')}</Text>
      ) : (
        <>
          <StackTable striped captionSide="top" verticalSpacing="sm" aria-busy={observations.isFetching}>
            <Table.Caption ta="start">
              {t('zones.observations.caption', { count: observations.data.total })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('zones.indicator')}</Table.Th>
                <Table.Th scope="col">{t('zones.period')}</Table.Th>
                <Table.Th scope="col">{t('zones.value')}</Table.Th>
                <Table.Th scope="col">{t('zoneTerms.column.source')}</Table.Th>
                <Table.Th scope="col">{t('zones.observations.organisation')}</Table.Th>
                <Table.Th scope="col">{t('zones.observations.status')}</Table.Th>
                <Table.Th scope="col">{t('zones.observations.verification')}</Table.Th>
                <Table.Th scope="col">{t('zones.observe.evidenceNotes')}</Table.Th>
                <Table.Th scope="col">{t('zones.versions.column')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {observations.data.items.map((observation) => {
                const found = indicatorByCode(framework.definition, observation.indicator);
                const indicatorName = nameOf(found?.indicator.name, observation.indicator);
                return (
                  <Table.Tr key={observation.id} id={`observation-${observation.id}`}>
                    <Table.Th scope="row" fw={600}>
                      {indicatorName}
                    </Table.Th>
                    <Table.Td>{periodName(observation.period)}</Table.Td>
                    <Table.Td>
                      {found ? valueText(t, found.indicator.unit, observation.value) : observation.value}
                    </Table.Td>
                    <Table.Td>
                      {t(`zoneTerms.source.${observation.source}`)}
                      <Text size="xs" c="dimmed">
                        {observation.method}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {observation.organisation.name}
                      <Text size="xs" c="dimmed">
                        {format.dateTime(observation.submittedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ObservationStatusBadge status={observation.status} />
                    </Table.Td>
                    <Table.Td>
                      <Verifications verifications={observation.verifications} />
                    </Table.Td>
                    <Table.Td>
                      <EvidenceNotes notes={observation.evidenceNotes} />
                      {observation.evidenceFiles ? (
                        <Text size="xs" c="dimmed">
                          {t('zones.files.count', { count: observation.evidenceFiles })}
                        </Text>
                      ) : null}
                      {mayAnswer(observation) ? (
                        <Button
                          size="xs"
                          variant="default"
                          mt={4}
                          onClick={() => setAnswering({ opened: true, observation })}
                        >
                          {t('zones.evidence.add')}
                        </Button>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('zones.versions.number', { version: observation.version ?? 1 })}</Text>
                      <Group gap={4} mt={4}>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setHistory({ opened: true, id: observation.id })}
                          aria-label={t('zones.versions.openNamed', { indicator: indicatorName })}
                        >
                          {t('zones.versions.open')}
                        </Button>
                        {mayCorrect(observation) ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setCorrecting({ opened: true, observation })}
                            aria-label={t('zones.correct.openNamed', { indicator: indicatorName })}
                          >
                            {t('zones.correct.open')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </StackTable>
          <OffsetPager
            offset={offset}
            limit={PAGE_SIZE}
            total={observations.data.total}
            loading={observations.isFetching}
            onChange={setOffset}
          />
        </>
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
      <ObservationHistoryDialog
        observationId={history.id}
        opened={history.opened}
        onClose={closeHistory}
        framework={framework}
        mayCorrect={mayCorrect}
        onCorrect={(observation) => {
          closeHistory();
          setCorrecting({ opened: true, observation });
        }}
      />
      <CorrectionDialog
        observation={correcting.observation}
        opened={correcting.opened}
        framework={framework}
        onClose={() => setCorrecting({ ...correcting, opened: false })}
        onDone={(corrected) => {
          setCorrecting({ ...correcting, opened: false });
          setDone(t('zones.correct.done', { version: corrected.version ?? 2 }));
        }}
      />
    </Paper>
  );
}
