import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScorecardLine } from '../../../../shared/forum/schemas/commitments.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { useDayFormat } from './labels.tsx';
import { useScorecard } from './queries.ts';

/** The scorecard's four measures: what was done, of how many it could have been. */
const MEASURES = [
  ['keptOnTime', 'commitmentsDue'],
  ['flagsAnsweredInTime', 'flagsDue'],
  ['meetingsAttended', 'meetingsInvited'],
  ['positionsTakenIntoAccount', 'positionsTreated'],
] as const satisfies readonly (readonly [keyof ScorecardLine, keyof ScorecardLine])[];

/**
 * `forum/scorecard`: per state and per organisation, figures only, in name order: commitments kept on time of
 * those due, flags answered within the service level of those due, meetings attended of those held it was invited
 * to, positions taken into account of those the chair treated. Never a rank, a colour or an adjective.
 */
export default function ScorecardPage() {
  const { t } = useTranslation();
  const scorecard = useScorecard();
  const day = useDayFormat();
  return (
    <>
      <ScreenHeader
        title={t('forumCommitments.scorecard.title')}
        description={t('forumCommitments.scorecard.intro')}
        actions={
          <Anchor component={Link} to="/staff/forum/commitments">
            {t('forumCommitments.scorecard.toTracker')}
          </Anchor>
        }
      />
      {scorecard.isPending ? (
        <PageLoader />
      ) : scorecard.isError ? (
        <ErrorPanel error={scorecard.error} onRetry={() => void scorecard.refetch()} />
      ) : (
        <Stack gap="xl">
          <Text>{t('forumCommitments.scorecard.asOf', { date: day(scorecard.data.asOf) })}</Text>
          <Lines
            id="scorecard-states"
            title={t('forumCommitments.scorecard.states')}
            nameHeader={t('forumCommitments.scorecard.state')}
            lines={scorecard.data.states}
            ltrNames
          />
          <Lines
            id="scorecard-organisations"
            title={t('forumCommitments.scorecard.organisations')}
            nameHeader={t('forumCommitments.scorecard.organisation')}
            lines={scorecard.data.organisations}
          />
        </Stack>
      )}
    </>
  );
}

function Lines({
  id,
  title,
  nameHeader,
  lines,
  ltrNames = false,
}: {
  id: string;
  title: string;
  nameHeader: string;
  lines: readonly ScorecardLine[];
  ltrNames?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {lines.length === 0 ? (
        <Text>{t('forumCommitments.scorecard.none')}</Text>
      ) : (
        <StackTable striped verticalSpacing="sm" data-testid={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{nameHeader}</Table.Th>
              {MEASURES.map(([done]) => (
                <Table.Th scope="col" key={done}>
                  {t(`forumCommitments.scorecard.measure.${done}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.key}>
                <Table.Th scope="row">{ltrNames ? <span className="ltr-value">{line.name}</span> : line.name}</Table.Th>
                {MEASURES.map(([done, of]) => (
                  <Table.Td key={done}>
                    {line[of] === 0
                      ? t('forumCommitments.scorecard.noneDue')
                      : t('forumCommitments.scorecard.figure', {
                          done: format.number(line[done] as number),
                          of: format.number(line[of] as number),
                        })}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </section>
  );
}
