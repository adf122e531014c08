import { Alert, Anchor, Button, List, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { METHOD_MAX, NOTES_MAX, OBSERVATION_SOURCES, PCODE } from '../../../shared/zones/constants.ts';
import { api } from '../../api/api.ts';
import { isApiError } from '../../api/problem.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { FormError } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { valueText } from '../../zones/explain.ts';
import { ActionBar } from '../components/Dialog.tsx';
import { Done } from '../components/Done.tsx';
import { focusFirstProblem } from '../components/problems.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useMe } from '../session.ts';
import { EvidenceFilePicker, filesHaveProblems, useAttachFiles } from './EvidenceFiles.tsx';
import { EvidenceRequests } from './EvidenceRequests.tsx';
import { indicatorByCode } from './frameworkFor.ts';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { ObservationStatusBadge } from './ObservationParts.tsx';
import { currentPeriod, periodsUpTo } from './periods.ts';
import { hasNoFieldErrors, isConflict, problemFor } from './problems.ts';
import { useActiveFramework, useObservations, zoneKeys } from './queries.ts';
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
const GIVEN_LIMIT = 200;

/** The staff page of an observation's zone, its history open (ZoneObservations reads `observation`). */
const observationLink = (pcode: string, id: string) =>
  `/staff/zones/${encodeURIComponent(pcode)}?observation=${encodeURIComponent(id)}`;

/** Values already given for the zone and month (rejected ones aside): what not to give twice. */
function useGivenValues(pcode: string, period: string) {
  const given = useObservations({ pcode, period, limit: GIVEN_LIMIT, offset: 0 }, Boolean(pcode && period));
  const items = (given.data?.items ?? []).filter((observation) => observation.status !== 'rejected');
  return { query: given, items };
}

/**
 * Which indicators of the chosen zone already have a value for the chosen month, by whom and where each stands.
 * Your organisation's own values link to their history, where they can be corrected.
 */
function GivenValues({
  pcode,
  period,
  framework,
  given,
}: {
  pcode: string;
  period: string;
  framework: FrameworkVersion;
  given: ReturnType<typeof useGivenValues>;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const nameOf = useLocalName();
  const periodName = usePeriodName();
  if (!pcode || !period) return null;
  const { query, items } = given;
  const covered = new Set(items.map((observation) => observation.indicator));
  const total = framework.definition.criteria.reduce((sum, criterion) => sum + criterion.indicators.length, 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="given-values">
      <Title order={2} size="h5" id="given-values" mb="xs">
        {t('zones.given.title', { period: periodName(period) })}
      </Title>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('zones.given.none')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('zones.given.summary', { count: covered.size, total })}
          </Text>
          <List size="sm" spacing={6} listStyleType="none" p={0} data-testid="given-values">
            {items.map((observation) => {
              const indicator = indicatorByCode(framework.definition, observation.indicator)?.indicator;
              const ours = observation.organisation.id === me.organisation.id;
              return (
                <List.Item key={observation.id}>
                  <Text span fw={600} size="sm">
                    {nameOf(indicator?.name, observation.indicator)}
                  </Text>
                  {': '}
                  {indicator ? valueText(t, indicator.unit, observation.value) : observation.value}{' '}
                  <Text span size="xs" c="dimmed">
                    {ours ? t('zones.given.ours') : observation.organisation.name}
                  </Text>{' '}
                  <ObservationStatusBadge status={observation.status} />{' '}
                  {ours ? (
                    <Anchor component={Link} to={observationLink(observation.pcode, observation.id)} size="sm">
                      {t('zones.given.open', { indicator: nameOf(indicator?.name, observation.indicator) })}
                    </Anchor>
                  ) : null}
                </List.Item>
              );
            })}
          </List>
        </>
      )}
    </Paper>
  );
}

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
  const [files, setFiles] = useState<File[]>([]);
  const [fileResults, setFileResults] = useState<{ name: string; error?: string }[]>([]);
  const uploads = useAttachFiles();
  const me = useMe();
  const chosen = indicatorByCode(framework.definition, form.indicator)?.indicator;
  const given = useGivenValues(form.pcode, form.period);
  const ownValue = given.items.find(
    (observation) => observation.indicator === form.indicator && observation.organisation.id === me.organisation.id,
  );
  const record = useMutation({
    mutationFn: (body: ObservationInput) => api.post<Observation>('/observations', body),
    onSuccess: async (created) => {
      // The photos go to the value just recorded; a file the server refuses leaves the value recorded.
      setFileResults(files.length > 0 ? await uploads.attach(created.id, files) : []);
      setFiles([]);
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
    if (hasProblems(found) || filesHaveProblems(files)) {
      focusFirstProblem(element);
      return;
    }
    setDone(null);
    setFileResults([]);
    record.mutate(observationRequest(form), { onError: () => focusFirstProblem(element) });
  };
  // Sending the very same value again is a conflict without a field: it belongs to the value all the same.
  const duplicate =
    isConflict(record.error) && hasNoFieldErrors(record.error) ? t('zones.observe.duplicate') : undefined;
  // The refusal names the value already there: link to it, where it can be corrected.
  const existing = isApiError(record.error) && isConflict(record.error) ? record.error.existing : undefined;
  const failedFiles = fileResults.filter((result) => result.error);
  const attachedFiles = fileResults.filter((result) => !result.error);

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
      {attachedFiles.length > 0 ? (
        <Text size="sm" mb="sm" role="status">
          {t('zones.files.attached', { count: attachedFiles.length })}
        </Text>
      ) : null}
      {failedFiles.length > 0 ? (
        <Alert color="red" mb="md" role="alert" title={t('zones.files.notAttached')}>
          {failedFiles.map((result) => `${result.name}: ${result.error}`).join(' ')}
        </Alert>
      ) : null}
      <Stack gap="md" maw={720}>
        <FormError error={record.error} />
        {existing && form.pcode ? (
          <Anchor component={Link} to={observationLink(form.pcode, existing.id)} data-testid="duplicate-link">
            {t('zones.given.openExisting')}
          </Anchor>
        ) : null}
        <ZoneSelect value={form.pcode} onChange={(pcode) => set('pcode', pcode)} error={problem('pcode')} />
        <IndicatorSelect
          framework={framework.definition}
          value={form.indicator}
          onChange={(code) => set('indicator', code)}
          error={problem('indicator')}
        />
        {ownValue ? (
          <Alert color="yellow" role="status" data-testid="already-given">
            {t('zones.given.already', {
              value: chosen ? valueText(t, chosen.unit, ownValue.value) : ownValue.value,
              period: periodName(form.period),
            })}{' '}
            <Anchor component={Link} to={observationLink(ownValue.pcode, ownValue.id)}>
              {t('zones.given.openExisting')}
            </Anchor>
          </Alert>
        ) : null}
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
        <EvidenceFilePicker files={files} onChange={setFiles} />
        <Text size="sm">{t('zones.observe.afterSubmit')}</Text>
        <ActionBar justify="flex-start">
          <Button
            type="submit"
            loading={record.isPending || uploads.pending}
            disabled={record.isPending || uploads.pending}
          >
            {t('zones.observe.submit')}
          </Button>
        </ActionBar>
        <GivenValues pcode={form.pcode} period={form.period} framework={framework} given={given} />
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
