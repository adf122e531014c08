import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentSummary } from '../../../shared/forum/schemas/commitments.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageTitle } from '../../components/page.ts';
import { useCommitments } from './api.ts';
import { Loaded } from './parts.tsx';

/** Overdue first (the longest overdue first), then the open ones by due date, then the closed, latest first. */
function ordered(items: readonly CommitmentSummary[]): CommitmentSummary[] {
  const rank = (item: CommitmentSummary) => (item.overdue ? 0 : item.status === 'open' ? 1 : 2);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 2 ? (b.closedOn ?? '').localeCompare(a.closedOn ?? '') : a.dueOn.localeCompare(b.dueOn)),
  );
}

/**
 * `/commitments`: every commitment made in the mechanism's meetings, who owns it, when it is due and where it
 * stands, overdue ones first and marked in words, each with its latest independent assessment.
 */
export default function CommitmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('forumPortal.commitments.title'));
  const commitments = useCommitments();
  return (
    <Stack gap="xl">
      <section aria-labelledby="commitments-title">
        <Title id="commitments-title" order={1} mb="md">
          {t('forumPortal.commitments.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('forumPortal.commitments.lead')}
        </Text>
        <Anchor component={Link} to="/scorecard" size="sm">
          {t('forumPortal.scorecard.title')}
        </Anchor>
      </section>
      <Loaded query={commitments}>
        {(data) => {
          const count = (test: (item: CommitmentSummary) => boolean) => data.items.filter(test).length;
          return (
            <>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" style={{ margin: 0 }}>
                <Figure label={t('forumPortal.commitments.open')} value={count((item) => item.status === 'open')} />
                <Figure label={t('forumPortal.commitments.overdue')} value={count((item) => item.overdue)} />
                <Figure label={t('forumPortal.commitments.kept')} value={count((item) => item.status === 'kept')} />
                <Figure label={t('forumPortal.commitments.broken')} value={count((item) => item.status === 'broken')} />
              </SimpleGrid>
              {data.items.length === 0 ? (
                <Text>{t('forumPortal.commitments.none')}</Text>
              ) : (
                <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {ordered(data.items).map((commitment) => (
                    <CommitmentCard key={commitment.id} commitment={commitment} />
                  ))}
                </Stack>
              )}
            </>
          );
        }}
      </Loaded>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  const format = useFormatters();
  return (
    <Card withBorder padding="sm">
      <Text component="dt" size="sm">
        {label}
      </Text>
      <Text component="dd" fw={700} size="xl" style={{ margin: 0 }}>
        {format.number(value)}
      </Text>
    </Card>
  );
}

/** Where a commitment stands, in words: overdue since its due date, open until it, or kept or broken (and when). */
export function CommitmentStanding({ commitment }: { commitment: CommitmentSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (commitment.overdue) {
    return (
      <Text size="sm" fw={700} c="red.9">
        {t('forumPortal.commitment.overdueSince', { due: format.date(commitment.dueOn) })}
      </Text>
    );
  }
  if (commitment.status === 'open') {
    return <Text size="sm">{t('forumPortal.commitment.dueOn', { due: format.date(commitment.dueOn) })}</Text>;
  }
  return (
    <Text size="sm" fw={600}>
      {t(`forumPortal.commitmentStatus.${commitment.status}`)}
      {commitment.closedOn ? ` · ${format.date(commitment.closedOn)}` : ''}
      {commitment.status === 'kept' && commitment.keptOnTime === false ? ` · ${t('forumPortal.commitment.late')}` : ''}
    </Text>
  );
}

function CommitmentCard({ commitment }: { commitment: CommitmentSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const latest = commitment.latestAssessment;
  return (
    <Card
      component="li"
      withBorder
      padding="md"
      style={commitment.overdue ? { borderInlineStart: '6px solid var(--mantine-color-red-8)' } : undefined}
    >
      <Anchor component={Link} to={`/commitments/${commitment.id}`} fw={600} dir="auto">
        {commitment.text}
      </Anchor>
      <Text size="sm">{t('forumPortal.commitment.owner', { name: commitment.owner.name })}</Text>
      <Group gap="lg">
        <CommitmentStanding commitment={commitment} />
      </Group>
      {latest ? (
        <Text size="sm">
          {t('forumPortal.commitment.latestAssessment', {
            rating: t(`forumPortal.rating.${latest.rating}`),
            name: latest.organisation.name,
            date: format.date(latest.at),
          })}
        </Text>
      ) : null}
    </Card>
  );
}
