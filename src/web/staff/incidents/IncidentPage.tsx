import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type AccountabilityStatus,
  AFFECTED_GROUPS,
  INCIDENT_VERIFICATIONS,
  type IncidentVerification,
} from '../../../shared/gateway/constants.ts';
import type { AccountabilityStep, Incident } from '../../../shared/gateway/schemas.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { FormError } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Done } from '../components/Done.tsx';
import { Fact, Facts } from '../components/Facts.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useCan, useMe } from '../session.ts';
import { AccountabilityBadge, IncidentPlace, incidentFieldError, VerificationBadge } from './parts.tsx';
import { useAccountabilityStep, useEnterObservation, useIncident, useVerifyIncident } from './queries.ts';

const NOTE_MAX = 4000;
type Step = AccountabilityStep['step'];
/** The steps that may follow each status (the server enforces the same order). */
const NEXT: Record<AccountabilityStatus, Step[]> = {
  documented: ['referred'],
  referred: ['answered', 'closed'],
  answered: ['sanctioned', 'closed'],
  sanctioned: ['closed'],
  closed: [],
};

/** `incidents/:incidentId`: an incident, its way to accountability and its history, with the next steps. */
export default function IncidentPage() {
  const { t } = useTranslation();
  const { incidentId = '' } = useParams();
  const incident = useIncident(incidentId);
  const [done, setDone] = useState('');
  if (incident.isPending) return <PageLoader />;
  if (incident.isError) return <ErrorPanel error={incident.error} onRetry={() => void incident.refetch()} />;
  const data = incident.data;
  return (
    <>
      <ScreenHeader
        title={t('incidents.page.heading', { reference: data.reference })}
        description={t(`incidents.type.${data.type}`)}
        actions={
          <Anchor component={Link} to="/staff/incidents">
            {t('incidents.page.back')}
          </Anchor>
        }
      />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="lg">
        <Summary incident={data} />
        <Accountability incident={data} onDone={setDone} />
        <Verification incident={data} onDone={setDone} />
        <ZonesFeed incident={data} onDone={setDone} />
        <History incident={data} />
      </Stack>
    </>
  );
}

function Summary({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="incident-facts">
      <Title order={2} size="h3" id="incident-facts" mb="sm">
        {t('incidents.page.facts')}
      </Title>
      <Facts columns={3} mb="md">
        <Fact label={t('incidents.field.occurredOn')}>{format.date(incident.occurredOn)}</Fact>
        <Fact label={t('incidents.field.place')}>
          <IncidentPlace incident={incident} />
        </Fact>
        <Fact label={t('incidents.field.state')}>
          <span className="ltr-value">{incident.stateCode}</span>
        </Fact>
        <Fact label={t('incidents.field.perpetrator')}>
          {t(`incidents.perpetrator.${incident.perpetratorCategory}`)}
        </Fact>
        <Fact label={t('incidents.field.source')}>{t(`incidents.source.${incident.source}`)}</Fact>
        <Fact label={t('incidents.field.verification')}>
          <VerificationBadge value={incident.verification} />
        </Fact>
        <Fact label={t('incidents.field.accountability')}>
          <AccountabilityBadge value={incident.accountability} overdue={incident.responseOverdue} />
        </Fact>
        <Fact label={t('incidents.field.organisation')}>{incident.organisationName ?? '—'}</Fact>
        <Fact label={t('incidents.field.affected')}>
          {t('incidents.page.affectedTotal', { count: incident.affectedTotal })}
        </Fact>
      </Facts>
      <Text size="sm" mb="md">
        {AFFECTED_GROUPS.filter((group) => incident.affected[group] > 0)
          .map((group) => `${t(`incidents.group.${group}`)}: ${format.number(incident.affected[group])}`)
          .join(' · ')}
      </Text>
      <Title order={3} size="h4" mb={4}>
        {t('incidents.field.narrative')}
      </Title>
      {incident.narrative !== null ? (
        <Text style={{ whiteSpace: 'pre-wrap' }} mb="md">
          {incident.narrative}
        </Text>
      ) : (
        <Text c="dimmed" mb="md">
          {t('incidents.page.narrativeHidden')}
        </Text>
      )}
      <Title order={3} size="h4" mb={4}>
        {t('incidents.field.identities')}
      </Title>
      {incident.identities !== null ? (
        <Text style={{ whiteSpace: 'pre-wrap' }} mb="md">
          {incident.identities}
        </Text>
      ) : (
        <Text c="dimmed" mb="md">
          {incident.identitiesRecorded ? t('incidents.page.identitiesHidden') : t('incidents.page.identitiesNone')}
        </Text>
      )}
      {incident.submissions.length > 0 ? (
        <>
          <Title order={3} size="h4" mb={4}>
            {t('incidents.page.submissions')}
          </Title>
          <List>
            {incident.submissions.map((submission) => (
              <List.Item key={submission.id}>
                <span className="ltr-value">{submission.reference}</span>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </section>
  );
}

function Accountability({ incident, onDone }: { incident: Incident; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const me = useMe();
  const steps = NEXT[incident.accountability];
  const mayFollow = can('incident:follow') && me.organisation.id === incident.organisationId && steps.length > 0;
  return (
    <section aria-labelledby="incident-accountability">
      <Title order={2} size="h3" id="incident-accountability" mb="sm">
        {t('incidents.page.accountability')}
      </Title>
      <Facts columns={3} mb="md">
        <Fact label={t('incidents.field.referredTo')}>{incident.referredTo ?? '—'}</Fact>
        <Fact label={t('incidents.field.referredOn')}>
          {incident.referredOn ? format.date(incident.referredOn) : '—'}
          {incident.daysSinceReferral !== null ? (
            <Text size="sm" c={incident.responseOverdue ? 'red.9' : 'dimmed'}>
              {t('incidents.tracker.daysSince', { count: incident.daysSinceReferral })}
            </Text>
          ) : null}
        </Fact>
        <Fact label={t('incidents.field.closedOn')}>{incident.closedOn ? format.date(incident.closedOn) : '—'}</Fact>
        <Fact label={t('incidents.field.response')}>{incident.response ?? '—'}</Fact>
        <Fact label={t('incidents.field.sanction')}>{incident.sanction ?? '—'}</Fact>
      </Facts>
      {mayFollow ? <StepForm incident={incident} steps={steps} onDone={onDone} /> : null}
    </section>
  );
}

function StepForm({
  incident,
  steps,
  onDone,
}: {
  incident: Incident;
  steps: Step[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const mutation = useAccountabilityStep(incident.id);
  const [step, setStep] = useState<Step>(steps[0]!);
  const [body, setBody] = useState('');
  const [day, setDay] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const current = steps.includes(step) ? step : steps[0]!;
  const textField =
    current === 'referred'
      ? 'referredTo'
      : current === 'answered'
        ? 'response'
        : current === 'sanctioned'
          ? 'sanction'
          : 'note';
  const dayField = current === 'referred' ? 'referredOn' : current === 'closed' ? 'closedOn' : null;
  const error = (name: string) => missing[name] ?? incidentFieldError(t, mutation.error, name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (textField !== 'note' && !body.trim()) problems[textField] = t('incidents.new.required');
    if (dayField && !day) problems[dayField] = t('incidents.new.required');
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    const text = body.trim();
    const request: AccountabilityStep =
      current === 'referred'
        ? { step: 'referred', referredTo: text, referredOn: day }
        : current === 'answered'
          ? { step: 'answered', response: text }
          : current === 'sanctioned'
            ? { step: 'sanctioned', sanction: text }
            : { step: 'closed', closedOn: day, ...(text ? { note: text } : {}) };
    mutation.mutate(request, {
      onSuccess: () => {
        setBody('');
        setDay('');
        onDone(t(`incidents.step.done.${current}`));
      },
    });
  };

  return (
    <Card withBorder padding="md" maw={640}>
      <form onSubmit={submit} noValidate aria-labelledby="step-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="step-title">
            {t('incidents.step.title')}
          </Title>
          <NativeSelect
            label={t('incidents.step.which')}
            value={current}
            onChange={(event) => {
              setStep(event.currentTarget.value as Step);
              setMissing({});
            }}
          >
            {steps.map((value) => (
              <option key={value} value={value}>
                {t(`incidents.step.${value}`)}
              </option>
            ))}
          </NativeSelect>
          {current === 'referred' ? (
            <TextInput
              label={t('incidents.field.referredTo')}
              description={t('incidents.step.referredToHint')}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              maxLength={200}
              error={error('referredTo')}
              required
            />
          ) : (
            <Textarea
              label={t(`incidents.step.text.${current}`)}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              maxLength={NOTE_MAX}
              autosize
              minRows={2}
              error={error(textField)}
              required={current !== 'closed'}
            />
          )}
          {dayField ? (
            <TextInput
              type="date"
              label={t(`incidents.field.${dayField}`)}
              value={day}
              onChange={(event) => setDay(event.currentTarget.value)}
              max={new Date().toISOString().slice(0, 10)}
              error={error(dayField)}
              required
            />
          ) : null}
          <FormError error={mutation.error} />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('incidents.step.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Verification({ incident, onDone }: { incident: Incident; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const mutation = useVerifyIncident(incident.id);
  const [verification, setVerification] = useState<Exclude<IncidentVerification, 'unverified'> | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  if (!can('incident:verify')) return null;
  if (incident.recordedBy === me.user.id) {
    return (
      <Alert variant="light" color="gray" maw={640}>
        {t('incidents.verify.own')}
      </Alert>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!verification) problems.verification = t('incidents.new.required');
    if (!note.trim()) problems.note = t('incidents.new.required');
    setMissing(problems);
    if (!verification || Object.keys(problems).length > 0) return;
    mutation.mutate(
      { verification, note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          onDone(t('incidents.verify.done'));
        },
      },
    );
  };
  return (
    <section aria-labelledby="incident-verify">
      <Card withBorder padding="md" maw={640}>
        <form onSubmit={submit} noValidate aria-labelledby="incident-verify">
          <Stack gap="sm">
            <Title order={2} size="h4" id="incident-verify">
              {t('incidents.verify.title')}
            </Title>
            <NativeSelect
              label={t('incidents.field.verification')}
              value={verification}
              onChange={(event) => setVerification(event.currentTarget.value as typeof verification)}
              error={missing.verification}
              required
            >
              <option value="">{t('incidents.new.choose')}</option>
              {INCIDENT_VERIFICATIONS.filter((value) => value !== 'unverified').map((value) => (
                <option key={value} value={value}>
                  {t(`incidents.verification.${value}`)}
                </option>
              ))}
            </NativeSelect>
            <Textarea
              label={t('incidents.verify.note')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={NOTE_MAX}
              autosize
              minRows={2}
              error={missing.note ?? incidentFieldError(t, mutation.error, 'note')}
              required
            />
            <FormError error={mutation.error} />
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {t('incidents.verify.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </section>
  );
}

function ZonesFeed({ incident, onDone }: { incident: Incident; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const mutation = useEnterObservation(incident.id);
  if (incident.observationId) {
    return <Text>{t('incidents.feed.entered')}</Text>;
  }
  const established = incident.verification === 'verified' || incident.verification === 'corroborated';
  if (!established || !incident.pcode || me.organisation.id !== incident.organisationId) return null;
  if (!can('observation:create') || !can('incident:record')) return null;
  return (
    <Stack gap="xs" maw={640}>
      <Text>{t('incidents.feed.explain')}</Text>
      <FormError error={mutation.error} />
      <Group>
        <Button
          variant="default"
          loading={mutation.isPending}
          onClick={() => mutation.mutate(undefined, { onSuccess: () => onDone(t('incidents.feed.done')) })}
        >
          {t('incidents.feed.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function History({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="incident-history">
      <Title order={2} size="h3" id="incident-history" mb="sm">
        {t('incidents.page.history')}
      </Title>
      <List spacing="xs">
        {incident.history.map((entry) => (
          <List.Item key={`${entry.entry}-${entry.at}`}>
            <Text span fw={600}>
              {t(`incidents.history.${entry.entry}`, { defaultValue: entry.entry })}
            </Text>{' '}
            <Text span c="dimmed" size="sm">
              {format.dateTime(entry.at)}
            </Text>
            {entry.note ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {entry.note}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
