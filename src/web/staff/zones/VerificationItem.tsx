import { Anchor, Button, Group, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_MAX, VERIFICATION_DECISIONS } from '../../../shared/zones/constants.ts';
import { api } from '../../api/api.ts';
import { useFormatters } from '../../components/format.ts';
import { FormError } from '../../components/forms.tsx';
import { valueText } from '../../zones/explain.ts';
import { ActionBar, ConfirmDialog } from '../components/Dialog.tsx';
import { Fact, Facts } from '../components/Facts.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { indicatorByCode } from './frameworkFor.ts';
import { EvidenceNotes, ObservationStatusBadge, Verifications } from './ObservationParts.tsx';
import { ObservationHistoryDialog } from './ObservationVersions.tsx';
import { problemFor } from './problems.ts';
import { useObservations } from './queries.ts';
import { type Checks, checkVerification, type VerificationForm, verificationRequest } from './requests.ts';
import { thresholdStatus } from './status.ts';
import type {
  FrameworkDefinition,
  FrameworkVersion,
  IndicatorDefinition,
  Observation,
  VerificationDecision,
} from './types.ts';
import { AssessmentBadge, useLocalName, usePeriodName, useThresholdsText } from './ui.tsx';

/** How many earlier values of the indicator in the zone are shown beside the new one. */
const PREVIOUS_SHOWN = 6;

/**
 * The zone's earlier values of the same indicator, newest first, from every organisation, with what each gives
 * and whether it was confirmed: the verifier judges the new value against them.
 */
function PreviousValues({
  observation,
  indicator,
  zone,
}: {
  observation: Observation;
  indicator: IndicatorDefinition | undefined;
  zone: string;
}) {
  const { t } = useTranslation();
  const periodName = usePeriodName();
  const earlier = useObservations({
    pcode: observation.pcode,
    indicator: observation.indicator,
    limit: PREVIOUS_SHOWN + 1,
    offset: 0,
  });
  const headingId = `previous-${observation.id}`;
  const rows = (earlier.data?.items ?? []).filter((item) => item.id !== observation.id).slice(0, PREVIOUS_SHOWN);
  return (
    <section aria-labelledby={headingId}>
      <Text size="sm" fw={600} id={headingId} mb={4}>
        {t('zones.verify.previousTitle', { zone })}
      </Text>
      {earlier.isPending ? null : earlier.isError ? (
        <Text size="sm">{t('zones.verify.previousUnavailable')}</Text>
      ) : rows.length === 0 ? (
        <Text size="sm">{t('zones.verify.previousNone')}</Text>
      ) : (
        <StackTable striped verticalSpacing={4} captionSide="top">
          <Table.Caption ta="start">{t('zones.verify.previousCaption', { count: rows.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('zones.period')}</Table.Th>
              <Table.Th scope="col">{t('zones.value')}</Table.Th>
              <Table.Th scope="col">{t('zones.observations.organisation')}</Table.Th>
              <Table.Th scope="col">{t('zones.observations.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Th scope="row" fw={400}>
                  {periodName(row.period)}
                </Table.Th>
                <Table.Td>
                  <Group gap={6}>
                    <span>{indicator ? valueText(t, indicator.unit, row.value) : row.value}</span>
                    {indicator ? <AssessmentBadge status={thresholdStatus(indicator, row.value)} /> : null}
                  </Group>
                </Table.Td>
                <Table.Td>{row.organisation.name}</Table.Td>
                <Table.Td>
                  <ObservationStatusBadge status={row.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </section>
  );
}

/**
 * One observation waiting for this organisation's verifier: everything needed to judge it, the zone's earlier
 * values of the indicator beside it, then the decision. No decision is chosen for the verifier: the form is
 * refused until one is, and each decision is summarised in a dialog and confirmed before it is sent (a
 * confirmation is what makes the value count). A reason is required to reject or to ask for more evidence.
 */
export function VerificationItem({
  observation,
  framework,
  frameworkVersion,
  onDecided,
}: {
  observation: Observation;
  framework: FrameworkDefinition | undefined;
  /** The whole framework version, for the history dialog (its files and earlier versions). */
  frameworkVersion?: FrameworkVersion | undefined;
  onDecided: (observation: Observation, decision: VerificationDecision) => void;
}) {
  const { t } = useTranslation();
  const [historyOpen, setHistoryOpen] = useState(false);
  const format = useFormatters();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const thresholds = useThresholdsText();
  const [form, setForm] = useState<VerificationForm>({ decision: '', reason: '' });
  const [checks, setChecks] = useState<Checks<'decision' | 'reason'>>({});
  const [confirming, setConfirming] = useState(false);
  const decide = useMutation({
    mutationFn: (body: ReturnType<typeof verificationRequest>) =>
      api.post<Observation>(`/observations/${observation.id}/verification`, body),
    onSuccess: (updated) => {
      setConfirming(false);
      if (form.decision) onDecided(updated, form.decision);
    },
  });
  const found = framework ? indicatorByCode(framework, observation.indicator) : undefined;
  const zone = nameOf(observation.zoneName, observation.pcode);
  const indicatorName = nameOf(found?.indicator.name, observation.indicator);
  const headingId = `observation-${observation.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    const problems = checkVerification(form);
    setChecks(problems);
    if (problems.decision || problems.reason) return;
    decide.reset();
    setConfirming(true);
  };
  const decision: VerificationDecision | '' = form.decision;
  const valueShown = found ? valueText(t, found.indicator.unit, observation.value) : String(observation.value);
  const summary = {
    indicator: indicatorName,
    zone,
    period: periodName(observation.period),
    value: valueShown,
    organisation: observation.organisation.name,
  };

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id={headingId}>
          {t('zones.verify.itemTitle', { indicator: indicatorName, zone })}
        </Title>
        <ObservationStatusBadge status={observation.status} />
      </Group>
      <Facts mb="md">
        <Fact label={t('zones.observe.zone')}>
          {zone} <span className="ltr-value">{observation.pcode}</span>
        </Fact>
        <Fact label={t('zones.indicator')}>
          {indicatorName}
          {found ? (
            <Text size="sm" fw={400}>
              {t('zones.verify.criterionLine', {
                criterion: nameOf(found.criterion.name, found.criterion.code),
                unit: t(`zones.unit.${found.indicator.unit}`),
              })}
            </Text>
          ) : null}
        </Fact>
        <Fact label={t('zones.verify.thresholds')}>
          <Text span fw={400} size="sm">
            {found ? thresholds(found.indicator) : t('zones.verify.unknownIndicator')}
          </Text>
        </Fact>
        <Fact label={t('zones.value')}>
          {found ? valueText(t, found.indicator.unit, observation.value) : observation.value}
          {found ? (
            <Group gap={6} mt={2}>
              <Text span size="sm" fw={400}>
                {t('zones.verify.wouldGive')}
              </Text>
              <AssessmentBadge status={thresholdStatus(found.indicator, observation.value)} />
            </Group>
          ) : null}
        </Fact>
        <Fact label={t('zones.period')}>{periodName(observation.period)}</Fact>
        <Fact label={t('zoneTerms.column.source')}>{t(`zoneTerms.source.${observation.source}`)}</Fact>
        <Fact label={t('zones.observe.method')}>
          <Text span fw={400} style={{ whiteSpace: 'pre-wrap' }}>
            {observation.method}
          </Text>
        </Fact>
        <Fact label={t('zones.verify.submittedBy')}>
          {observation.organisation.name}
          <Text size="sm" fw={400}>
            {format.dateTime(observation.submittedAt)}
          </Text>
        </Fact>
        <Fact label={t('zones.observe.evidenceNotes')}>
          <EvidenceNotes notes={observation.evidenceNotes} />
        </Fact>
        <Fact label={t('zones.files.title')}>
          <Text span fw={400} size="sm">
            {observation.evidenceFiles
              ? t('zones.files.count', { count: observation.evidenceFiles })
              : t('zones.files.none')}
          </Text>
          {(observation.version ?? 1) > 1 ? (
            <Text size="sm" fw={400}>
              {t('zones.versions.number', { version: observation.version })}
              {observation.correctionReason
                ? ` · ${t('zones.versions.reasonLine', { reason: observation.correctionReason })}`
                : null}
            </Text>
          ) : null}
          {frameworkVersion && (observation.evidenceFiles || (observation.version ?? 1) > 1) ? (
            <Anchor component="button" type="button" size="sm" ta="start" onClick={() => setHistoryOpen(true)}>
              {t('zones.versions.openNamed', { indicator: indicatorName })}
            </Anchor>
          ) : null}
        </Fact>
      </Facts>
      {frameworkVersion ? (
        <ObservationHistoryDialog
          observationId={observation.id}
          opened={historyOpen}
          onClose={() => setHistoryOpen(false)}
          framework={frameworkVersion}
        />
      ) : null}
      <Stack gap={4} mb="md">
        <PreviousValues observation={observation} indicator={found?.indicator} zone={zone} />
      </Stack>
      {observation.verifications.length > 0 ? (
        <Stack gap={4} mb="md">
          <Text size="sm" fw={600}>
            {t('zones.verify.earlier')}
          </Text>
          <Verifications verifications={observation.verifications} />
        </Stack>
      ) : null}
      <form onSubmit={submit} noValidate aria-label={t('zones.verify.formLabel', { indicator: indicatorName, zone })}>
        <Stack gap="sm">
          {!confirming ? <FormError error={decide.error} /> : null}
          <Radio.Group
            label={t('zones.verify.decision')}
            description={t('zones.verify.decisionHint')}
            required
            value={form.decision || null}
            onChange={(chosen) => {
              setForm({ ...form, decision: chosen as VerificationForm['decision'] });
              setChecks({ ...checks, decision: undefined });
            }}
            error={checks.decision ? t(checks.decision) : undefined}
          >
            <Group gap="lg" mt="xs">
              {VERIFICATION_DECISIONS.map((decision) => (
                <Radio key={decision} value={decision} label={t(`zones.verify.choice.${decision}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('zones.verify.reason')}
            description={
              form.decision === 'reject' || form.decision === 'request_evidence'
                ? t('zones.verify.reasonRequired')
                : t('zones.verify.reasonOptional')
            }
            required={form.decision === 'reject' || form.decision === 'request_evidence'}
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            value={form.reason}
            onChange={(event) => setForm({ ...form, reason: event.currentTarget.value })}
            error={problemFor(t, checks.reason, decide.error, 'reason')}
          />
          <ActionBar justify="flex-start">
            <Button type="submit" loading={decide.isPending} disabled={decide.isPending}>
              {decision ? t(`zones.verify.submit.${decision}`) : t('zones.verify.submitUndecided')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming && decision !== ''}
        title={decision ? t(`zones.verify.confirmTitle.${decision}`) : ''}
        confirmLabel={decision ? t(`zones.verify.submit.${decision}`) : ''}
        confirmColor={decision === 'reject' ? 'red.9' : undefined}
        pending={decide.isPending}
        error={confirming ? decide.error : null}
        onConfirm={() => {
          const body = verificationRequest(form);
          if (body) decide.mutate(body);
        }}
        onClose={() => setConfirming(false)}
      >
        <Stack gap="xs">
          <Text>{decision ? t(`zones.verify.summary.${decision}`, summary) : null}</Text>
          {form.reason.trim() ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t('zones.verify.summaryReason', { reason: form.reason.trim() })}
            </Text>
          ) : null}
        </Stack>
      </ConfirmDialog>
    </Paper>
  );
}
