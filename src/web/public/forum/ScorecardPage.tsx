import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScorecardLine } from '../../../shared/forum/schemas/commitments.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageTitle } from '../../components/page.ts';
import { useScorecard } from './api.ts';
import { Loaded } from './parts.tsx';

/**
 * `/scorecard`: trust over time, per state and per organisation: commitments kept on time, flags answered within
 * the service level, meetings attended and positions taken into account. Figures only, in the order of the
 * names, never ranked or described with adjectives.
 */
export default function ScorecardPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  usePageTitle(t('forumPortal.scorecard.title'));
  const scorecard = useScorecard();
  return (
    <Stack gap="xl">
      <section aria-labelledby="scorecard-title">
        <Title id="scorecard-title" order={1} mb="md">
          {t('forumPortal.scorecard.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('forumPortal.scorecard.lead')}
        </Text>
      </section>
      <Loaded query={scorecard}>
        {(data) => (
          <>
            <Text size="sm">{t('forumPortal.scorecard.asOf', { date: format.date(data.asOf) })}</Text>
            <Lines id="scorecard-states" title={t('forumPortal.scorecard.states')} lines={data.states} />
            <Lines
              id="scorecard-organisations"
              title={t('forumPortal.scorecard.organisations')}
              lines={data.organisations}
            />
          </>
        )}
      </Loaded>
    </Stack>
  );
}

function Lines({ id, title, lines }: { id: string; title: string; lines: readonly ScorecardLine[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Title id={id} order={2} size="h3" mb="sm">
        {title}
      </Title>
      {lines.length === 0 ? (
        <Text>{t('forumPortal.scorecard.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {[...lines]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((line) => (
              <Card component="li" key={line.key} withBorder padding="md">
                <Title order={3} size="h4" mb="xs">
                  {line.name}
                </Title>
                <dl style={{ margin: 0 }}>
                  <Ratio
                    label={t('forumPortal.scorecard.commitments')}
                    part={line.keptOnTime}
                    whole={line.commitmentsDue}
                  />
                  <Ratio
                    label={t('forumPortal.scorecard.flags')}
                    part={line.flagsAnsweredInTime}
                    whole={line.flagsDue}
                  />
                  <Ratio
                    label={t('forumPortal.scorecard.meetings')}
                    part={line.meetingsAttended}
                    whole={line.meetingsInvited}
                  />
                  <Ratio
                    label={t('forumPortal.scorecard.positions')}
                    part={line.positionsTakenIntoAccount}
                    whole={line.positionsTreated}
                  />
                </dl>
              </Card>
            ))}
        </SimpleGrid>
      )}
    </section>
  );
}

/** "3 of 4", or "none due" when there was nothing to count (never a percentage of nothing). */
function Ratio({ label, part, whole }: { label: string; part: number; whole: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div style={{ marginBottom: 'var(--mantine-spacing-xs)' }}>
      <Text component="dt" size="sm">
        {label}
      </Text>
      <Text component="dd" fw={700} style={{ margin: 0 }}>
        {whole === 0
          ? t('forumPortal.scorecard.nothingDue')
          : t('forumPortal.scorecard.ratio', { part: format.number(part), whole: format.number(whole) })}
      </Text>
    </div>
  );
}
