import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appeal } from '../../../../shared/cases/schemas.ts';
import { useFormatters } from '../../../components/format.ts';
import { useDayFormat } from '../../../public/cases/format.ts';
import { Fact, Facts } from '../../components/Facts.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

/** Where an appeal stands, in words and not only colour: overdue, waiting, or its outcome. */
export function AppealStatus({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  if (appeal.status === 'decided' && appeal.outcome) {
    return (
      <StatusBadge tone={appeal.outcome === 'upheld' ? 'neutral' : 'good'}>
        {t(`casesAppeals.outcome.${appeal.outcome}`)}
      </StatusBadge>
    );
  }
  return appeal.overdue ? (
    <StatusBadge tone="bad">{t('casesAppeals.status.overdue')}</StatusBadge>
  ) : (
    <StatusBadge tone="fair">{t('casesAppeals.status.pending')}</StatusBadge>
  );
}

/** One appeal: the decision it is about, who lodged it and why, who reviews it by when, and the outcome. */
export function AppealCard({
  appeal,
  headingLevel = 3,
  children,
}: {
  appeal: Appeal;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const day = useDayFormat();
  const headingId = `appeal-${appeal.id}`;
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={headingId}
      style={appeal.overdue ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title id={headingId} order={headingLevel} size="h4">
            {t('casesAppeals.card.title', { kind: t(`casesAppeals.kind.${appeal.decision.kind}`) })} ·{' '}
            <bdi dir="ltr">{appeal.reference}</bdi>
          </Title>
          <AppealStatus appeal={appeal} />
        </Group>
        <Facts columns={3}>
          <Fact label={t('casesAppeals.card.decision')}>
            {appeal.decision.outcome ? t(`casesAppeals.decisionOutcome.${appeal.decision.outcome}`) : '—'}
            {appeal.decision.organisationName ? ` · ${appeal.decision.organisationName}` : ''}
          </Fact>
          <Fact label={t('casesAppeals.card.lodged')}>
            {t(`casesAppeals.lodgedBy.${appeal.lodgedBy}`)} · {format.date(appeal.lodgedAt)}
          </Fact>
          <Fact label={t('casesAppeals.card.reviewer')}>{appeal.reviewerOrganisationName ?? '—'}</Fact>
          <Fact label={t('casesAppeals.card.due')}>
            <time dateTime={appeal.dueOn}>{day(appeal.dueOn)}</time>
            {appeal.overdue ? ` (${t('casesAppeals.status.overdue')})` : ''}
          </Fact>
          {appeal.decidedAt ? (
            <Fact label={t('casesAppeals.card.decided')}>{format.date(appeal.decidedAt)}</Fact>
          ) : null}
        </Facts>
        <div>
          <Text size="sm" c="dimmed">
            {t('casesAppeals.card.grounds')}
          </Text>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {appeal.grounds}
          </Text>
        </div>
        {appeal.reasons ? (
          <div>
            <Text size="sm" c="dimmed">
              {t('casesAppeals.card.reasons')}
            </Text>
            <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {appeal.reasons}
            </Text>
          </div>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}
