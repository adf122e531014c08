import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlagScreening } from '../../../../shared/forum/constants.ts';
import type { Flag } from '../../../../shared/forum/schemas/flags.ts';
import { useFormatters } from '../../../components/format.ts';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';

const SCREENING_TONE: Record<FlagScreening, Tone> = { pending: 'fair', cleared: 'good', withheld: 'bad' };

/**
 * What a flag points at, in words: a zone's class for a month (`P-code@YYYY-MM`), a commitment (a link to it), or
 * the key of a decision timeline, figure, report or tranche. Keys and P-codes read left to right in every language.
 */
export function SubjectText({ flag, link = true }: { flag: Pick<Flag, 'subjectKind' | 'subjectRef'>; link?: boolean }) {
  const { t } = useTranslation();
  const kind = t(`forumFlags.subject.${flag.subjectKind}`);
  if (flag.subjectKind === 'commitment' && link) {
    return (
      <Anchor component={Link} to={`/staff/forum/commitments/${flag.subjectRef}`}>
        {t('forumFlags.subject.commitmentLink')}
      </Anchor>
    );
  }
  return (
    <>
      {kind}{' '}
      {flag.subjectKind === 'commitment' ? null : (
        <span className="ltr-value" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
          {flag.subjectRef}
        </span>
      )}
    </>
  );
}

/** Where a part (the flag, or its answer) stands in the protection officer's check, in words with its shape. */
export function ScreeningText({ part, screening }: { part: 'flag' | 'answer'; screening: FlagScreening }) {
  const { t } = useTranslation();
  return <StatusBadge tone={SCREENING_TONE[screening]}>{t(`forumFlags.screening.${part}.${screening}`)}</StatusBadge>;
}

/** The flag's and its answer's screening states together. */
export function ScreeningState({ flag }: { flag: Pick<Flag, 'screening' | 'answerScreening'> }) {
  return (
    <Group gap={4} wrap="wrap" component="span">
      <ScreeningText part="flag" screening={flag.screening} />
      {flag.answerScreening ? <ScreeningText part="answer" screening={flag.answerScreening} /> : null}
    </Group>
  );
}

/** When the answer is due and, once past, "overdue" in words; once answered, whether it came in time. */
export function FlagDue({ flag }: { flag: Pick<Flag, 'dueAt' | 'overdue' | 'answeredAt' | 'withinServiceLevel'> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (flag.answeredAt) {
    return (
      <Group gap={4} wrap="wrap" component="span">
        <span>{t('forumFlags.due.answeredOn', { date: format.date(flag.answeredAt) })}</span>
        <StatusBadge tone={flag.withinServiceLevel ? 'good' : 'fair'}>
          {flag.withinServiceLevel ? t('forumFlags.due.inTime') : t('forumFlags.due.late')}
        </StatusBadge>
      </Group>
    );
  }
  return (
    <Group gap={4} wrap="wrap" component="span">
      <span>
        {flag.overdue
          ? t('forumFlags.due.wasDue', { date: format.date(flag.dueAt) })
          : t('forumFlags.due.by', { date: format.date(flag.dueAt) })}
      </span>
      {flag.overdue ? <StatusBadge tone="bad">{t('forumFlags.due.overdue')}</StatusBadge> : null}
    </Group>
  );
}
