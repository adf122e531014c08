import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
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
import { indicatorByCode } from './frameworkFor.ts';
import { EvidenceNotes, ObservationStatusBadge, Verifications } from './ObservationParts.tsx';
import { problemFor } from './problems.ts';
import { type Checks, checkVerification, type VerificationForm, verificationRequest } from './requests.ts';
import { thresholdStatus } from './status.ts';
import type { FrameworkDefinition, Observation } from './types.ts';
import { AssessmentBadge, useLocalName, usePeriodName, useThresholdsText } from './ui.tsx';

/**
 * One observation waiting for this organisation's verifier: everything needed to judge it, then the decision.
 * A rejection is confirmed first; a reason is required to reject or to ask for more evidence.
 */
export function VerificationItem({
  observation,
  framework,
  onDecided,
}: {
  observation: Observation;
  framework: FrameworkDefinition | undefined;
  onDecided: (observation: Observation, decision: VerificationForm['decision']) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const thresholds = useThresholdsText();
  const [form, setForm] = useState<VerificationForm>({ decision: 'confirm', reason: '' });
  const [checks, setChecks] = useState<Checks<'reason'>>({});
  const [confirming, setConfirming] = useState(false);
  const decide = useMutation({
    mutationFn: (body: ReturnType<typeof verificationRequest>) =>
      api.post<Observation>(`/observations/${observation.id}/verification`, body),
    onSuccess: (updated) => {
      setConfirming(false);
      onDecided(updated, form.decision);
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
    if (problems.reason) return;
    if (form.decision === 'reject') {
      decide.reset();
      setConfirming(true);
    } else decide.mutate(verificationRequest(form));
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
      </Facts>
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
            value={form.decision}
            onChange={(decision) => setForm({ ...form, decision: decision as VerificationForm['decision'] })}
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
              form.decision === 'confirm' ? t('zones.verify.reasonOptional') : t('zones.verify.reasonRequired')
            }
            required={form.decision !== 'confirm'}
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            value={form.reason}
            onChange={(event) => setForm({ ...form, reason: event.currentTarget.value })}
            error={problemFor(t, checks.reason, decide.error, 'reason')}
          />
          <ActionBar justify="flex-start">
            <Button type="submit" loading={decide.isPending} disabled={decide.isPending}>
              {t(`zones.verify.submit.${form.decision}`)}
            </Button>
          </ActionBar>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t('zones.verify.rejectTitle')}
        confirmLabel={t('zones.verify.submit.reject')}
        pending={decide.isPending}
        error={confirming ? decide.error : null}
        onConfirm={() => decide.mutate(verificationRequest(form))}
        onClose={() => setConfirming(false)}
      >
        <Text>{t('zones.verify.rejectText', { indicator: indicatorName, zone })}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
