import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  ALERT_CLOSE_REASONS,
  type AlertCloseReason,
  REFERRAL_NOTE_MAX,
} from '../../../../shared/outcomes/alert-constants.ts';
import { REFERRAL_SERVICES, type ReferralService } from '../../../../shared/outcomes/constants.ts';
import type { AlertSummary, AlertView } from '../../../../shared/outcomes/schemas/alerts.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Done } from '../../components/Done.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { useAlert, useCloseAlert, useMakeReferral, useReferralTargets } from './queries.ts';
import { ScoreChart, useScore } from './ScoreChart.tsx';

/** What raised the alert, in words: the scores that fell (from, to), the children out of school, the distress. */
export function AlertReason({ alert }: { alert: AlertSummary }) {
  const { t } = useTranslation();
  const score = useScore();
  const d = alert.detail;
  if (alert.kind === 'score_drop') {
    const fell = String(d.scores ?? '')
      .split(',')
      .filter(Boolean);
    return (
      <ul>
        {fell.map((name) => (
          <li key={name}>
            {t('outcomes.alerts.reason.fell', {
              score: t(`outcomes.alerts.score.${name}`),
              before: score(Number(d[`${name}Before`])),
              after: score(Number(d[`${name}After`])),
            })}
          </li>
        ))}
      </ul>
    );
  }
  if (alert.kind === 'child_out_of_school') {
    return <Text>{t('outcomes.alerts.reason.children', { count: Number(d.children ?? 0) })}</Text>;
  }
  if (alert.kind === 'distress') {
    return <Text>{t(`outcomes.alerts.reason.distress.${d.level === 'severe' ? 'severe' : 'moderate'}`)}</Text>;
  }
  return <Text>{t(`outcomes.alerts.reason.${alert.kind}`)}</Text>;
}

/** `outcomes/alerts/:alertId`: one alert, the household's scores round by round, and the refer and close actions. */
export default function AlertPage() {
  const { t } = useTranslation();
  const { alertId = '' } = useParams();
  const alert = useAlert(alertId);
  const [done, setDone] = useState('');
  const [referring, setReferring] = useState(false);
  const { date } = useFormatters();
  if (alert.isPending) return <PageLoader />;
  if (alert.isError) return <ErrorPanel error={alert.error} onRetry={() => void alert.refetch()} />;
  const view = alert.data;
  return (
    <>
      <ScreenHeader
        title={t('outcomes.alerts.page.title', { kind: t(`outcomes.alerts.kind.${view.kind}`) })}
        description={
          <Link to={`/staff/outcomes/households/${view.householdId}`}>
            {t('outcomes.alerts.page.timeline', { reference: view.reference ?? view.householdId })}
          </Link>
        }
        actions={
          view.status === 'open' ? (
            <Button onClick={() => setReferring(true)}>{t('outcomes.alerts.refer.open')}</Button>
          ) : null
        }
      />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="lg" maw={880}>
        <Facts>
          <Fact label={t('outcomes.alerts.statusLabel')}>{t(`outcomes.alerts.status.${view.status}`)}</Fact>
          <Fact label={t('outcomes.alerts.round')}>{t('outcomes.alerts.roundLong', { round: view.round })}</Fact>
          <Fact label={t('outcomes.alerts.raised')}>{date(view.raisedAt)}</Fact>
          <Fact label={t('outcomes.alerts.zone')}>{view.pcode}</Fact>
        </Facts>
        <section aria-labelledby="alert-reason">
          <Title id="alert-reason" order={2} size="h4">
            {t('outcomes.alerts.page.why')}
          </Title>
          <AlertReason alert={view} />
        </section>
        <section aria-labelledby="alert-scores">
          <Title id="alert-scores" order={2} size="h4">
            {t('outcomes.alerts.page.scores')}
          </Title>
          <ScoreChart rounds={view.rounds} />
        </section>
        {view.status !== 'closed' ? (
          <CloseForm alert={view} onClosed={() => setDone(t('outcomes.alerts.close.done'))} />
        ) : null}
      </Stack>
      <Dialog opened={referring} onClose={() => setReferring(false)} title={t('outcomes.alerts.refer.title')} size="lg">
        <ReferForm
          alert={view}
          onCancel={() => setReferring(false)}
          onMade={() => {
            setReferring(false);
            setDone(t('outcomes.alerts.refer.done'));
          }}
        />
      </Dialog>
    </>
  );
}

function CloseForm({ alert, onClosed }: { alert: AlertView; onClosed: () => void }) {
  const { t } = useTranslation();
  const close = useCloseAlert();
  const [reason, setReason] = useState<AlertCloseReason | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason) close.mutate({ id: alert.id, reason }, { onSuccess: onClosed });
  };
  return (
    <form onSubmit={submit} aria-labelledby="alert-close">
      <Stack gap="sm" maw={480}>
        <Title id="alert-close" order={2} size="h4">
          {t('outcomes.alerts.close.title')}
        </Title>
        <Select
          label={t('outcomes.alerts.close.reason')}
          data={ALERT_CLOSE_REASONS.map((value) => ({ value, label: t(`outcomes.alerts.closeReason.${value}`) }))}
          value={reason}
          onChange={(value) => setReason(value as AlertCloseReason | null)}
          required
          error={fieldError(t, close.error, 'reason')}
        />
        <FormError error={close.error} />
        <Group>
          <Button type="submit" variant="default" disabled={!reason} loading={close.isPending}>
            {t('outcomes.alerts.close.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReferForm({ alert, onMade, onCancel }: { alert: AlertView; onMade: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const targets = useReferralTargets(true);
  const make = useMakeReferral();
  const [service, setService] = useState<ReferralService | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [consent, setConsent] = useState<string | null>(alert.referralConsents[0]?.id ?? null);
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!service || !to || !consent || !dueOn) return;
    make.mutate(
      {
        alertId: alert.id,
        householdId: alert.householdId,
        service,
        toOrganisationId: to,
        consentId: consent,
        dueOn,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onMade },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {alert.referralConsents.length === 0 ? (
          <Alert color="yellow" variant="light">
            {t('outcomes.alerts.refer.noConsent')}
          </Alert>
        ) : null}
        <Select
          label={t('outcomes.alerts.refer.service')}
          data={REFERRAL_SERVICES.map((value) => ({ value, label: t(`outcomes.alerts.service.${value}`) }))}
          value={service}
          onChange={(value) => setService(value as ReferralService | null)}
          required
          error={fieldError(t, make.error, 'service')}
        />
        <Select
          label={t('outcomes.alerts.refer.organisation')}
          description={t('outcomes.alerts.refer.organisationHint')}
          data={(targets.data ?? []).map((target) => ({ value: target.id, label: target.name }))}
          value={to}
          onChange={setTo}
          required
          nothingFoundMessage={t('outcomes.alerts.refer.noOrganisation')}
          error={fieldError(t, make.error, 'toOrganisationId')}
        />
        <Select
          label={t('outcomes.alerts.refer.consent')}
          data={alert.referralConsents.map((c) => ({
            value: c.id,
            label: t('outcomes.alerts.refer.consentGiven', { date: date(c.givenOn) }),
          }))}
          value={consent}
          onChange={setConsent}
          required
          error={fieldError(t, make.error, 'consentId')}
        />
        <TextInput
          type="date"
          label={t('outcomes.alerts.refer.dueOn')}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          required
          error={fieldError(t, make.error, 'dueOn')}
        />
        <Textarea
          label={t('outcomes.alerts.refer.note')}
          description={t('outcomes.alerts.refer.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={REFERRAL_NOTE_MAX}
          autosize
          minRows={3}
        />
        <FormError error={make.error} />
        <Group>
          <Button type="submit" loading={make.isPending} disabled={!service || !to || !consent || !dueOn}>
            {t('outcomes.alerts.refer.submit')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('outcomes.alerts.refer.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
