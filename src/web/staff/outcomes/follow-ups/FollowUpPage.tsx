import { Anchor, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { FollowUpActions, FollowUpStatus } from './actions.tsx';
import { useFollowUp } from './queries.ts';

/**
 * `outcomes/follow-ups/:id`: one follow-up: where it stands, who does it and how, the attempts, when the
 * household's code stops working (never the code), and the next steps. The household's case is reached from its
 * reference, under the cases module's own rules.
 */
export default function FollowUpPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id = '' } = useParams();
  const followUp = useFollowUp(id);
  const [done, setDone] = useState('');
  if (followUp.isPending) return <PageLoader />;
  if (followUp.isError) return <ErrorPanel error={followUp.error} onRetry={() => void followUp.refetch()} />;
  const item = followUp.data;
  return (
    <>
      <ScreenHeader
        title={t('outcomes.followUps.itemTitle', { reference: item.reference, count: item.round })}
        description={t('outcomes.followUps.itemIntro')}
      />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        <div>
          <FollowUpStatus followUp={item} />
        </div>
        <Facts columns={3}>
          <Fact label={t('outcomes.followUps.column.due')}>{format.date(item.dueOn)}</Fact>
          <Fact label={t('outcomes.followUps.column.zone')}>
            <span className="ltr-value">{item.pcode}</span>
          </Fact>
          <Fact label={t('outcomes.followUps.cohort')}>
            <span className="ltr-value">{item.cohort}</span>
          </Fact>
          <Fact label={t('outcomes.followUps.column.assigned')}>
            {item.assignedOrganisationName ?? t('outcomes.followUps.unassigned')}
            {item.assignedToName ? ` · ${item.assignedToName}` : ''}
          </Fact>
          <Fact label={t('outcomes.followUps.mode')}>
            {item.mode ? t(`outcomes.followUps.modes.${item.mode}`) : '—'}
          </Fact>
          <Fact label={t('outcomes.followUps.attempts')}>
            {t('outcomes.followUps.attemptsOf', { count: item.attempts, max: item.maxAttempts })}
          </Fact>
          {item.nextAttemptOn ? (
            <Fact label={t('outcomes.followUps.nextAttempt')}>{format.date(item.nextAttemptOn)}</Fact>
          ) : null}
          {item.linkExpiresAt ? (
            <Fact label={t('outcomes.followUps.linkExpires')}>{format.dateTime(item.linkExpiresAt)}</Fact>
          ) : null}
          {item.lostReason ? (
            <Fact label={t('outcomes.followUps.lostReason')}>
              {t(`outcomes.followUps.lostReasons.${item.lostReason}`)}
            </Fact>
          ) : null}
          {item.completedAt ? (
            <Fact label={t('outcomes.followUps.completed')}>{format.dateTime(item.completedAt)}</Fact>
          ) : null}
        </Facts>
        <FollowUpActions followUp={item} onDone={setDone} />
        <Anchor component={Link} to="/staff/outcomes/follow-ups">
          {t('outcomes.followUps.back')}
        </Anchor>
      </Stack>
    </>
  );
}
