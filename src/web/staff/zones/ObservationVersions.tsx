import { Button, Divider, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METHOD_MAX, NOTES_MAX, OBSERVATION_SOURCES, REASON_MAX } from '../../../shared/zones/constants.ts';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { FormError } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { valueText } from '../../zones/explain.ts';
import { ActionBar, Dialog } from '../components/Dialog.tsx';
import { EvidenceFileList } from './EvidenceFiles.tsx';
import { indicatorByCode } from './frameworkFor.ts';
import { parseNumber } from './numbers.ts';
import { EvidenceNotes, ObservationStatusBadge, Verifications } from './ObservationParts.tsx';
import { problemFor } from './problems.ts';
import { zoneKeys } from './queries.ts';
import { type Checks, checkCorrection, valueProblem } from './requests.ts';
import type { CorrectObservationRequest, FrameworkVersion, Observation, ObservationHistory } from './types.ts';
import { useLocalName, usePeriodName } from './ui.tsx';
import { ValueField } from './ValueField.tsx';

export function useObservationHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...zoneKeys.observations, 'history', id ?? ''],
    queryFn: ({ signal }) => api.get<ObservationHistory>(`/observations/${id ?? ''}/history`, { signal }),
    enabled: Boolean(id),
  });
}

/**
 * Every version of an observation, newest first: what it said, why it was corrected, what verifiers decided
 * while it was current; and the evidence files, for those who may see them.
 */
export function ObservationHistoryDialog({
  observationId,
  opened,
  onClose,
  framework,
  onCorrect,
  mayCorrect,
}: {
  observationId: string | undefined;
  opened: boolean;
  onClose: () => void;
  framework: FrameworkVersion;
  /** Offered when the caller may correct this observation (their organisation's). */
  onCorrect?: ((observation: Observation) => void) | undefined;
  mayCorrect?: ((observation: Observation) => boolean) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const history = useObservationHistory(opened ? observationId : undefined);
  const observation = history.data?.observation;
  const indicator = observation ? indicatorByCode(framework.definition, observation.indicator)?.indicator : undefined;
  const value = (number: number) => (indicator ? valueText(t, indicator.unit, number) : String(number));

  return (
    <Dialog opened={opened} onClose={onClose} title={t('zones.versions.title')} size="lg">
      {history.isPending ? (
        <PageLoader />
      ) : history.isError ? (
        <ErrorPanel error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Stack gap="md">
          <Text fw={600}>
            {t('zones.versions.subject', {
              indicator: nameOf(indicator?.name, history.data.observation.indicator),
              zone: nameOf(history.data.observation.zoneName, history.data.observation.pcode),
              period: periodName(history.data.observation.period),
              organisation: history.data.observation.organisation.name,
            })}
          </Text>
          <ol className="observation-versions" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {history.data.versions.map((version) => (
              <li key={version.version} data-version={version.version}>
                <Divider my="xs" />
                <Group gap="xs" wrap="wrap">
                  <Title order={3} size="h5">
                    {version.current
                      ? t('zones.versions.current', { version: version.version })
                      : t('zones.versions.replaced', { version: version.version })}
                  </Title>
                  <ObservationStatusBadge status={version.status} />
                </Group>
                <Text size="sm" mt={4}>
                  {t('zones.versions.valueLine', {
                    value: value(version.value),
                    source: t(`zoneTerms.source.${version.source}`),
                    date: format.dateTime(version.submittedAt),
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {version.method}
                </Text>
                {version.correctionReason ? (
                  <Text size="sm" mt={4}>
                    {t('zones.versions.reasonLine', { reason: version.correctionReason })}
                  </Text>
                ) : null}
                {version.replacedAt ? (
                  <Text size="xs" c="dimmed">
                    {t('zones.versions.replacedAt', { date: format.dateTime(version.replacedAt) })}
                  </Text>
                ) : null}
                <Stack gap={4} mt={6}>
                  <Verifications verifications={version.verifications} />
                  {history.data.seesEvidence ? <EvidenceNotes notes={version.evidenceNotes} /> : null}
                </Stack>
              </li>
            ))}
          </ol>
          {onCorrect && mayCorrect?.(history.data.observation) ? (
            <Group>
              <Button variant="default" onClick={() => onCorrect(history.data.observation)}>
                {t('zones.correct.title')}
              </Button>
            </Group>
          ) : null}
          <Divider />
          <Title order={3} size="h5">
            {t('zones.files.title')}
          </Title>
          {history.data.seesEvidence ? (
            <EvidenceFileList files={history.data.files} />
          ) : (
            <Text size="sm">{t('zones.files.hidden')}</Text>
          )}
        </Stack>
      )}
    </Dialog>
  );
}

interface CorrectionForm {
  value: string;
  source: CorrectObservationRequest['source'] | '';
  method: string;
  evidenceNotes: string;
  reason: string;
}

/**
 * The submitting organisation corrects its value. The correction is a new version that a verifier of another
 * organisation checks again; the version it replaces stays in the history.
 */
export function CorrectionDialog({
  observation,
  opened,
  onClose,
  onDone,
  framework,
}: {
  observation: Observation | undefined;
  opened: boolean;
  onClose: () => void;
  onDone: (corrected: Observation) => void;
  framework: FrameworkVersion;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<CorrectionForm>({
    value: '',
    source: '',
    method: '',
    evidenceNotes: '',
    reason: '',
  });
  const [checks, setChecks] = useState<Checks<keyof CorrectionForm>>({});
  const unit = observation ? indicatorByCode(framework.definition, observation.indicator)?.indicator.unit : undefined;
  const correct = useMutation({
    mutationFn: (body: CorrectObservationRequest) =>
      api.post<Observation>(`/observations/${observation?.id ?? ''}/corrections`, body),
    onSuccess: async (corrected) => {
      await queryClient.invalidateQueries({ queryKey: zoneKeys.observations });
      onDone(corrected);
    },
  });
  const { reset } = correct;
  useLayoutEffect(() => {
    if (!opened || !observation) return;
    setForm({
      value: String(observation.value),
      source: observation.source,
      method: observation.method,
      evidenceNotes: '',
      reason: '',
    });
    setChecks({});
    reset();
  }, [opened, observation, reset]);
  const set = <K extends keyof CorrectionForm>(field: K, value: CorrectionForm[K]) =>
    setForm((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (correct.isPending) return;
    const found: Checks<keyof CorrectionForm> = {
      value: valueProblem(unit, form.value),
      source: form.source ? undefined : 'zones.check.required',
      method: !form.method.trim() ? 'zones.check.required' : undefined,
      ...checkCorrection(form.reason),
    };
    setChecks(found);
    if (Object.values(found).some(Boolean) || !form.source) return;
    correct.mutate({
      value: parseNumber(form.value)!,
      source: form.source,
      method: form.method.trim(),
      reason: form.reason.trim(),
      ...(form.evidenceNotes.trim() ? { evidenceNotes: form.evidenceNotes.trim() } : {}),
    });
  };
  const problem = (field: keyof CorrectionForm, numeric = false) =>
    problemFor(t, checks[field], correct.error, field, { numeric, values: { max: REASON_MAX } });

  return (
    <Dialog
      opened={opened}
      onClose={correct.isPending ? () => undefined : onClose}
      title={t('zones.correct.title')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={correct.error} />
          <Text size="sm">{t('zones.correct.intro')}</Text>
          <ValueField
            unit={unit}
            value={form.value}
            onChange={(value) => set('value', value)}
            error={problem('value', true)}
          />
          <NativeSelect
            label={t('zoneTerms.column.source')}
            name="source"
            required
            value={form.source}
            onChange={(event) => set('source', event.currentTarget.value as CorrectionForm['source'])}
            error={problem('source')}
          >
            <option value="">{t('zones.choose')}</option>
            {OBSERVATION_SOURCES.map((source) => (
              <option key={source} value={source}>
                {t(`zoneTerms.source.${source}`)}
              </option>
            ))}
          </NativeSelect>
          <Textarea
            label={t('zones.observe.method')}
            name="method"
            required
            autosize
            minRows={2}
            maxLength={METHOD_MAX}
            value={form.method}
            onChange={(event) => set('method', event.currentTarget.value)}
            error={problem('method')}
          />
          <Textarea
            label={t('zones.correct.notes')}
            description={t('zones.correct.notesHint')}
            name="evidenceNotes"
            autosize
            minRows={2}
            maxLength={NOTES_MAX}
            value={form.evidenceNotes}
            onChange={(event) => set('evidenceNotes', event.currentTarget.value)}
            error={problem('evidenceNotes')}
          />
          <Textarea
            label={t('zones.correct.reason')}
            description={t('zones.correct.reasonHint')}
            name="reason"
            required
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            value={form.reason}
            onChange={(event) => set('reason', event.currentTarget.value)}
            error={problem('reason')}
            data-autofocus
          />
          <ActionBar>
            <Button variant="default" onClick={onClose} disabled={correct.isPending}>
              {t('staff.kit.cancel')}
            </Button>
            <Button type="submit" loading={correct.isPending} disabled={correct.isPending}>
              {t('zones.correct.submit')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Dialog>
  );
}
