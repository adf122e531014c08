import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TimelineRound } from '../../../../shared/outcomes/schemas/households.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { useHouseholdTimeline } from './queries.ts';
import { SCORE_KEYS, ScoreChart, useScore } from './ScoreChart.tsx';

/**
 * `outcomes/households/:householdId`: a returned household's scores round by round, what decided each score
 * (the answers that cost it most first), its alerts and the referrals made. The read is access-logged.
 */
export default function HouseholdTimelinePage() {
  const { t } = useTranslation();
  const { householdId = '' } = useParams();
  const timeline = useHouseholdTimeline(householdId);
  const { date } = useFormatters();
  if (timeline.isPending) return <PageLoader />;
  if (timeline.isError) return <ErrorPanel error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const data = timeline.data;
  return (
    <>
      <ScreenHeader
        title={t('outcomes.timeline.title', { reference: data.reference ?? householdId })}
        description={t('outcomes.timeline.description')}
      />
      <Stack gap="xl" maw={960}>
        <section aria-labelledby="timeline-scores">
          <Title id="timeline-scores" order={2} size="h4">
            {t('outcomes.alerts.page.scores')}
          </Title>
          {data.rounds.length === 0 ? (
            <Text>{t('outcomes.timeline.noRounds')}</Text>
          ) : (
            <ScoreChart rounds={data.rounds} />
          )}
        </section>
        {data.rounds.map((round) => (
          <RoundExplanation key={round.responseId} round={round} />
        ))}
        <section aria-labelledby="timeline-alerts">
          <Title id="timeline-alerts" order={2} size="h4">
            {t('outcomes.timeline.alerts')}
          </Title>
          {data.alerts.length === 0 ? (
            <Text>{t('outcomes.timeline.noAlerts')}</Text>
          ) : (
            <ul>
              {data.alerts.map((alert) => (
                <li key={alert.id}>
                  <Link to={`/staff/outcomes/alerts/${alert.id}`}>{t(`outcomes.alerts.kind.${alert.kind}`)}</Link> —{' '}
                  {t('outcomes.alerts.roundLong', { round: alert.round })},{' '}
                  {t(`outcomes.alerts.status.${alert.status}`)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="timeline-referrals">
          <Title id="timeline-referrals" order={2} size="h4">
            {t('outcomes.timeline.referrals')}
          </Title>
          {data.referrals.length === 0 ? (
            <Text>{t('outcomes.timeline.noReferrals')}</Text>
          ) : (
            <ul>
              {data.referrals.map((referral) => (
                <li key={referral.id}>
                  {t(`outcomes.alerts.service.${referral.service}`)}, {referral.toOrganisation}:{' '}
                  {t(`outcomes.referrals.status.${referral.status}`)} ({date(referral.dueOn)})
                  {referral.overdue ? ` — ${t('outcomes.referrals.overdue')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      </Stack>
    </>
  );
}

/**
 * An answer as the reader says it: a choice code in words (in their language), a count in their digits, the share of
 * separated members whose whereabouts are known as a percentage, a dash when unanswered.
 */
function useAnswer() {
  const { t, i18n } = useTranslation();
  const { number } = useFormatters();
  const score = useScore();
  return (item: string, answer: string | number | null) => {
    if (answer === null) return '—';
    if (typeof answer === 'number') return item === 'separated_location_known' ? score(answer) : number(answer);
    const key = `outcomes.timeline.code.${answer}`;
    return i18n.exists(key) ? t(key) : answer;
  };
}

/** One round's explanation: for each score, its answers with their value as a bar, the costliest first. */
function RoundExplanation({ round }: { round: TimelineRound }) {
  const { t } = useTranslation();
  const score = useScore();
  const answerText = useAnswer();
  const id = `round-${round.responseId}`;
  return (
    <section aria-labelledby={id}>
      <Title id={id} order={2} size="h4">
        {t('outcomes.timeline.why', { round: round.round })}
      </Title>
      {SCORE_KEYS.filter((key) => key !== 'composite').map((key) => {
        const explained = round.explanation[key];
        if (explained.score === null) return null;
        return (
          <div key={key}>
            <Title order={3} size="h5" mt="sm">
              {t(`outcomes.alerts.score.${key}`)}: {score(explained.score)}
            </Title>
            <StackTable>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outcomes.timeline.item')}</Table.Th>
                  <Table.Th scope="col">{t('outcomes.timeline.answer')}</Table.Th>
                  <Table.Th scope="col">{t('outcomes.timeline.value')}</Table.Th>
                  <Table.Th scope="col">{t('outcomes.timeline.cost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {explained.factors.map((factor) => (
                  <Table.Tr key={factor.item}>
                    <Table.Td>{t(`outcomes.timeline.indicator.${factor.item}`)}</Table.Td>
                    <Table.Td>{answerText(factor.item, factor.answer)}</Table.Td>
                    <Table.Td>
                      <span
                        aria-hidden="true"
                        style={{
                          display: 'inline-block',
                          width: `${Math.round(factor.value * 80)}px`,
                          height: 8,
                          background: '#1c3d5a',
                          marginInlineEnd: 6,
                        }}
                      />
                      {score(factor.value)}
                    </Table.Td>
                    <Table.Td>{score(factor.shortfall)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackTable>
          </div>
        );
      })}
    </section>
  );
}
