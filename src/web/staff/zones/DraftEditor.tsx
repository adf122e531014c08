import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api.ts';
import { FormError } from '../../components/forms.tsx';
import { ActionBar, ConfirmDialog } from '../components/Dialog.tsx';
import { focusFirstProblem } from '../components/problems.ts';
import { IndicatorFields } from './IndicatorFields.tsx';
import { problemFor } from './problems.ts';
import { zoneKeys } from './queries.ts';
import {
  type Checks,
  checkDraft,
  type DraftForm,
  draftDiffers,
  draftFormOf,
  draftRequest,
  emptyIndicatorForm,
  hasProblems,
  type IndicatorForm,
} from './requests.ts';
import type { FrameworkDefinition, FrameworkVersion } from './types.ts';
import { useLocalName } from './ui.tsx';

const MAX_INDICATORS = 50;

/**
 * The one draft of the next framework version: edit its indicators, save it (the server checks it again and
 * names the field at fault), then publish it. What was typed stays on screen when the server refuses.
 */
export function DraftEditor({
  draft,
  base,
  onSaved,
  onPublished,
  onCancel,
}: {
  /** The saved draft; undefined until the first save creates it from `base`. */
  draft: FrameworkVersion | undefined;
  base: FrameworkDefinition;
  onSaved: (message: string) => void;
  onPublished: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const nameOf = useLocalName();
  const [form, setForm] = useState<DraftForm>(() => draftFormOf(draft?.definition ?? base));
  const [checks, setChecks] = useState<Checks>({});
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof draftRequest>) => api.post<FrameworkVersion>('/frameworks/drafts', body),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: zoneKeys.frameworks });
      onSaved(t('zones.framework.saved', { version: saved.version }));
    },
  });
  const publish = useMutation({
    mutationFn: (version: number) => api.post<FrameworkVersion>(`/frameworks/${version}/publish`),
    onSuccess: async (published) => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: zoneKeys.all });
      onPublished(t('zones.framework.publishedDone', { version: published.version }));
    },
  });
  const unsaved = !draft || draftDiffers(form, draft.definition);
  const problem = (name: string, numeric = false) => problemFor(t, checks[name], save.error, name, { numeric });
  const setIndicators = (c: number, indicators: IndicatorForm[]) =>
    setForm((current) => ({
      ...current,
      criteria: current.criteria.map((criterion, index) => (index === c ? { ...criterion, indicators } : criterion)),
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const element = event.currentTarget as HTMLFormElement;
    const found = checkDraft(form);
    setChecks(found);
    if (hasProblems(found)) focusFirstProblem(element);
    else save.mutate(draftRequest(form), { onError: () => focusFirstProblem(element) });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="framework-draft">
      <Title order={2} size="h4" id="framework-draft" mb="xs">
        {draft ? t('zones.framework.draftTitle', { version: draft.version }) : t('zones.framework.newDraftTitle')}
      </Title>
      <Text size="sm" mb="md">
        {t('zones.framework.draftIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <FormError error={save.error} />
          {form.criteria.map((criterion, c) => (
            <Stack key={criterion.code} gap="sm" component="section" aria-labelledby={`draft-${criterion.code}`}>
              <Title order={3} size="h5" id={`draft-${criterion.code}`}>
                {t('zones.framework.criterionHeading', {
                  name: nameOf(criterion.name, criterion.code),
                  kind: t(`zones.kind.${criterion.kind}`),
                })}
              </Title>
              {criterion.indicators.map((indicator, i) => (
                <IndicatorFields
                  key={indicator.key}
                  indicator={indicator}
                  onChange={(next) =>
                    setIndicators(
                      c,
                      criterion.indicators.map((row, j) => (j === i ? next : row)),
                    )
                  }
                  onRemove={() =>
                    setIndicators(
                      c,
                      criterion.indicators.filter((_, j) => j !== i),
                    )
                  }
                  removable={criterion.indicators.length > 1}
                  problem={(field, numeric) => problem(`definition.criteria.${c}.indicators.${i}.${field}`, numeric)}
                />
              ))}
              {problem(`definition.criteria.${c}.indicators`) ? (
                <Text c="red.9" size="sm" role="alert">
                  {problem(`definition.criteria.${c}.indicators`)}
                </Text>
              ) : null}
              {criterion.indicators.length < MAX_INDICATORS ? (
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => setIndicators(c, [...criterion.indicators, emptyIndicatorForm()])}
                  >
                    {t('zones.framework.addIndicator', { criterion: nameOf(criterion.name, criterion.code) })}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          ))}
          <ActionBar justify="flex-start">
            <Button type="submit" loading={save.isPending} disabled={save.isPending}>
              {t('zones.framework.save')}
            </Button>
            <Button
              color="red.9"
              variant="outline"
              onClick={() => {
                publish.reset();
                setConfirming(true);
              }}
              disabled={unsaved || save.isPending}
              aria-describedby={unsaved ? 'draft-unsaved' : undefined}
            >
              {t('zones.framework.publish')}
            </Button>
            <Button variant="subtle" onClick={onCancel} disabled={save.isPending}>
              {t('zones.framework.closeEditor')}
            </Button>
          </ActionBar>
          {unsaved ? (
            <Text size="sm" id="draft-unsaved">
              {t('zones.framework.saveFirst')}
            </Text>
          ) : null}
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t('zones.framework.publishTitle', { version: draft?.version ?? 0 })}
        confirmLabel={t('zones.framework.publish')}
        pending={publish.isPending}
        error={confirming ? publish.error : null}
        onConfirm={() => draft && publish.mutate(draft.version)}
        onClose={() => setConfirming(false)}
      >
        <Text>{t('zones.framework.publishText')}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
