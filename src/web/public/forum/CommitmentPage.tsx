import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Commitment, CommitmentHistoryEntry } from '../../../shared/forum/schemas/commitments.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageTitle } from '../../components/page.ts';
import { RECORD_ID, useCommitment } from './api.ts';
import { CommitmentStanding } from './CommitmentsPage.tsx';
import { EvidenceList, Loaded, RecordNotFound } from './parts.tsx';

/**
 * `/commitments/:id`: one commitment, its owner, due date and the indicator that shows it is kept, and its whole
 * history: the owner's updates with their evidence, the independent assessments with their reasons, and its close.
 */
export default function CommitmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  if (!RECORD_ID.test(id)) return <RecordNotFound back="/commitments" backLabel={t('forumPortal.commitments.back')} />;
  return <CommitmentRecord id={id} />;
}

function CommitmentRecord({ id }: { id: string }) {
  const { t } = useTranslation();
  const commitment = useCommitment(id);
  usePageTitle(t('forumPortal.commitment.title'));
  if (commitment.data === null) {
    return <RecordNotFound back="/commitments" backLabel={t('forumPortal.commitments.back')} />;
  }
  return <Loaded query={commitment}>{(data) => (data ? <CommitmentSections commitment={data} /> : null)}</Loaded>;
}

function CommitmentSections({ commitment }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="xl">
      <section aria-labelledby="commitment-title">
        <Anchor component={Link} to="/commitments" size="sm">
          {t('forumPortal.commitments.back')}
        </Anchor>
        <Title id="commitment-title" order={1} mt="xs" size="h2" dir="auto">
          {commitment.text}
        </Title>
        <Text mt="xs">{t('forumPortal.commitment.owner', { name: commitment.owner.name })}</Text>
        <CommitmentStanding commitment={commitment} />
        <Text size="sm">
          {commitment.indicatorKind === 'none'
            ? t('forumPortal.commitment.noIndicator')
            : t('forumPortal.commitment.indicator', {
                kind: t(`forumPortal.indicator.${commitment.indicatorKind}`),
                ref: commitment.indicatorRef ?? '',
              })}
        </Text>
        {commitment.meetingId ? (
          <Anchor component={Link} to={`/meetings/${commitment.meetingId}`} size="sm">
            {t('forumPortal.commitment.meeting')}
          </Anchor>
        ) : null}
        {commitment.pcode ? (
          <Anchor component={Link} to={`/zones/${commitment.pcode}`} size="sm" ms="md">
            {t('forumPortal.commitment.zone', { pcode: commitment.pcode })}
          </Anchor>
        ) : null}
      </section>
      <section aria-labelledby="history-title">
        <Title id="history-title" order={2} size="h3" mb="xs">
          {t('forumPortal.commitment.history')}
        </Title>
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {commitment.history.map((entry) => (
            <Card component="li" key={historyKey(entry)} withBorder padding="sm">
              <Text size="sm" c="dimmed">
                {format.date(entry.at)}
              </Text>
              <HistoryText entry={entry} />
            </Card>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

/** A history entry's key: its kind, time and author (two entries by one author at one instant are one). */
const historyKey = (entry: CommitmentHistoryEntry) =>
  `${entry.kind}-${entry.at}-${'organisation' in entry ? entry.organisation.id : ''}`;

function HistoryText({ entry }: { entry: CommitmentHistoryEntry }) {
  const { t } = useTranslation();
  switch (entry.kind) {
    case 'made':
      return <Text>{t('forumPortal.history.made')}</Text>;
    case 'update':
      return (
        <>
          <Text fw={600}>{t('forumPortal.history.update', { name: entry.organisation.name })}</Text>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.text}
          </Text>
          <EvidenceList evidence={entry.evidence} />
        </>
      );
    case 'assessment':
      return (
        <>
          <Text fw={600}>
            {t('forumPortal.history.assessment', {
              name: entry.organisation.name,
              rating: t(`forumPortal.rating.${entry.rating}`),
            })}
          </Text>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.reasons}
          </Text>
        </>
      );
    case 'closed':
      return (
        <>
          <Text fw={600}>{t(`forumPortal.history.closed.${entry.status}`)}</Text>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.reason}
          </Text>
        </>
      );
  }
}
