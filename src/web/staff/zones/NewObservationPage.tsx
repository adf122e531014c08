import { Anchor, Button, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { METHOD_MAX, NOTES_MAX, OBSERVATION_SOURCES, PCODE } from '../../../shared/zones/constants.ts';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { FormError } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ActionBar } from '../components/Dialog.tsx';
import { Done } from '../components/Done.tsx';
import { focusFirstProblem } from '../components/problems.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { EvidenceRequests } from './EvidenceRequests.tsx';
import { indicatorByCode } from './frameworkFor.ts';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { currentPeriod, periodsUpTo } from './periods.ts';
import { hasNoFieldErrors, isConflict, problemFor } from './problems.ts';
import { useActiveFramework, zoneKeys } from './queries.ts';
import {
  type Checks,
  checkObservation,
  emptyObservationForm,
  hasProblems,
  type ObservationForm,
  observationRequest,
} from './requests.ts';
import type { FrameworkVersion, Observation, ObservationInput } from './types.ts';
import { PeriodSelect, useLocalName, usePeriodName } from './ui.tsx';
import { ValueField } from './ValueField.tsx';
import { ZoneSelect } from './ZoneSelect.tsx';

const PERIODS_OFFERED = 24;

function ObservationFormFields({ framework }: { framework: FrameworkVersion }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  const [params] = useSearchParams();
  const [form, setForm] = useState<ObservationForm>(() => ({
    ...emptyObservationForm(currentPeriod()),
    pcode: PCODE.test(params.get('pcode') ?? '') ? (params.get('pcode') ?? '') : '',
  }));
  const [checks, setChecks] = useState<Checks<keyof ObservationForm>>({});
  const [done, setDone] = useState<Observation | null>(null);
  const chosen = indicatorByCode(framework.definition, form.indicator)?.indicator;
  const record = useMutation({
    mutationFn: (body: ObservationInput) => api.post<Observation>('/observations', body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: zoneKeys.observations });
      setDone(created);
      // The next value is often for the same zone, visit and month: only what is specific to it starts afresh.
      setForm((current) => ({ ...current, indicator: '', value: '', evidenceNotes: '' }));
      setChecks({});
    },
  });
  const set = <K extends keyof ObservationForm>(field: K, value: ObservationForm[K]) =>
    setForm((current) => ({ ...current, [field]: value }));
  const problem = (field: keyof ObservationForm, numeric = false) =>
    problemFor(t, checks[field], record.error, field, { numeric });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    const element = event.currentTarget as HTMLFormElement;
    const found = checkObservation(form, chosen?.unit);
    setChecks(found);
    if (hasProblems(found)) {
      focusFirstProblem(element);
      return;
    }
    setDone(null);
    record.mutate(observationRequest(form), { onError: () => focusFirstProblem(element) });
  };
  // Sending the very same value again is a conflict without a field: it belongs to the value all the same.
  const duplicate =
    isConflict(record.error) && hasNoFieldErrors(record.error) ? t('zones.observe.duplicate') : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Done
        message={
          done
            ? t('zones.observe.recorded', {
                zone: nameOf(done.zoneName, done.pcode),
                indicator: nameOf(
                  indicatorByCode(framework.definition, done.indicator)?.indicator.name,
                  done.indicator,
                ),
                period: periodName(done.period),
              })
            : ''
        }
        onClose={() => setDone(null)}
      />
      {done ? (
        <Anchor component={Link} to={`/staff/zones/${done.pcode}`} mb="md" display="inline-block">
          {t('zones.observe.openZone', { zone: nameOf(done.zoneName, done.pcode) })}
        </Anchor>
      ) : null}
      <Stack gap="md" maw={720}>
        <FormError error={record.error} />
        <ZoneSelect value={form.pcode} onChange={(pcode) => set('pcode', pcode)} error={problem('pcode')} />
        <IndicatorSelect
          framework={framework.definition}
          value={form.indicator}
          onChange={(code) => set('indicator', code)}
          error={problem('indicator')}
        />
        <PeriodSelect
          label={t('zones.period')}
          name="period"
          required
          value={form.period}
          periods={periodsUpTo(currentPeriod(), PERIODS_OFFERED)}
          onChange={(period) => set('period', period)}
          error={problem('period')}
        />
        <ValueField
          unit={chosen?.unit}
          value={form.value}
          onChange={(value) => set('value', value)}
          error={problem('value', true) ?? duplicate}
        />
        <NativeSelect
          label={t('zoneTerms.column.source')}
          name="source"
          required
          value={form.source}
          onChange={(event) => set('source', event.currentTarget.value as ObservationForm['source'])}
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
          description={t('zones.observe.methodHint')}
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
          label={t('zones.observe.evidenceNotes')}
          description={t('zones.observe.evidenceNotesHint')}
          name="evidenceNotes"
          autosize
          minRows={3}
          maxLength={NOTES_MAX}
          value={form.evidenceNotes}
          onChange={(event) => set('evidenceNotes', event.currentTarget.value)}
          error={problem('evidenceNotes')}
        />
        <Text size="sm">{t('zones.observe.afterSubmit')}</Text>
        <ActionBar justify="flex-start">
          <Button type="submit" loading={record.isPending} disabled={record.isPending}>
            {t('zones.observe.submit')}
          </Button>
        </ActionBar>
      </Stack>
    </form>
  );
}

/** A value for one indicator of one zone and month, with its source, for a verifier of another organisation. */
export default function NewObservationPage() {
  const { t } = useTranslation();
  const framework = useActiveFramework();
  return (
    <>
      <ScreenHeader title={t('zones.observe.title')} description={t('zones.observe.intro')} />
      {framework.isPending ? (
        <PageLoader />
      ) : framework.isError ? (
        <ErrorPanel error={framework.error} onRetry={() => void framework.refetch()} />
      ) : (
        <Stack gap="xl">
          <ObservationFormFields framework={framework.data} />
          <EvidenceRequests framework={framework.data} />
        </Stack>
      )}
    </>
  );
}
