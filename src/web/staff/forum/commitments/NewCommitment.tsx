import { Button, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_INDICATOR_KINDS, type CommitmentIndicatorKind } from '../../../../shared/forum/constants.ts';
import type { CommitmentRequest } from '../../../../shared/forum/schemas/commitments.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { useActiveFramework } from '../../zones/queries.ts';
import { useLocalName } from '../../zones/ui.tsx';
import { type MechanismOrganisation, useMakeCommitment } from './queries.ts';

const TEXT_MAX = 2000;
const EMPTY = {
  text: '',
  ownerOrganisationId: '',
  dueOn: '',
  stateCode: '',
  pcode: '',
  indicatorKind: 'none' as CommitmentIndicatorKind,
  indicatorRef: '',
};

/**
 * Recording a commitment (`commitment:manage`): what was promised, the organisation that owns it, by when, the
 * state or zone it concerns, and what will show it is kept: an indicator of the active zone criteria, an outcome
 * figure's key, or nothing measured yet.
 */
export function NewCommitment({
  organisations,
  onMade,
}: {
  organisations: readonly MechanismOrganisation[];
  onMade: (text: string) => void;
}) {
  const { t } = useTranslation();
  const make = useMakeCommitment();
  const [form, setForm] = useState(EMPTY);
  const framework = useActiveFramework();
  const nameOf = useLocalName();
  const set = (change: Partial<typeof EMPTY>) => setForm({ ...form, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CommitmentRequest = {
      text: form.text.trim(),
      ownerOrganisationId: form.ownerOrganisationId,
      dueOn: form.dueOn,
      indicatorKind: form.indicatorKind,
      ...(form.stateCode.trim() ? { stateCode: form.stateCode.trim().toUpperCase() } : {}),
      ...(form.pcode.trim() ? { pcode: form.pcode.trim().toUpperCase() } : {}),
      ...(form.indicatorKind !== 'none' && form.indicatorRef.trim() ? { indicatorRef: form.indicatorRef.trim() } : {}),
    };
    make.mutate(body, {
      onSuccess: (commitment) => {
        setForm(EMPTY);
        onMade(commitment.text);
      },
    });
  };
  const ready =
    form.text.trim() !== '' &&
    form.ownerOrganisationId !== '' &&
    form.dueOn !== '' &&
    (form.indicatorKind === 'none' || form.indicatorRef.trim() !== '');
  return (
    <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="new-commitment">
      <Title order={2} size="h4" id="new-commitment" mb="sm">
        {t('forumCommitments.new.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('forumCommitments.new.intro')}</Text>
          <FormError error={make.error} />
          <Textarea
            label={t('forumCommitments.new.text')}
            description={t('forumCommitments.new.textHint')}
            value={form.text}
            onChange={(event) => set({ text: event.currentTarget.value })}
            maxLength={TEXT_MAX}
            required
            autosize
            minRows={2}
            error={fieldError(t, make.error, 'text')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <NativeSelect
              label={t('forumCommitments.new.owner')}
              value={form.ownerOrganisationId}
              onChange={(event) => set({ ownerOrganisationId: event.currentTarget.value })}
              required
              error={fieldError(t, make.error, 'ownerOrganisationId')}
            >
              <option value="">{t('forumCommitments.new.chooseOwner')}</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </NativeSelect>
            <TextInput
              type="date"
              label={t('forumCommitments.new.dueOn')}
              value={form.dueOn}
              onChange={(event) => set({ dueOn: event.currentTarget.value })}
              required
              error={fieldError(t, make.error, 'dueOn')}
            />
            <TextInput
              label={t('forumCommitments.new.state')}
              description={t('forumCommitments.new.stateHint')}
              value={form.stateCode}
              onChange={(event) => set({ stateCode: event.currentTarget.value })}
              maxLength={2}
              dir="ltr"
              error={fieldError(t, make.error, 'stateCode')}
            />
            <TextInput
              label={t('forumCommitments.new.zone')}
              description={t('forumCommitments.new.zoneHint')}
              value={form.pcode}
              onChange={(event) => set({ pcode: event.currentTarget.value })}
              maxLength={14}
              dir="ltr"
              error={fieldError(t, make.error, 'pcode')}
            />
            <NativeSelect
              label={t('forumCommitments.new.indicatorKind')}
              value={form.indicatorKind}
              onChange={(event) =>
                set({ indicatorKind: event.currentTarget.value as CommitmentIndicatorKind, indicatorRef: '' })
              }
            >
              {COMMITMENT_INDICATOR_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`forumCommitments.indicator.${kind}`)}
                </option>
              ))}
            </NativeSelect>
            {form.indicatorKind === 'zone_indicator' ? (
              <NativeSelect
                label={t('forumCommitments.new.indicator')}
                value={form.indicatorRef}
                onChange={(event) => set({ indicatorRef: event.currentTarget.value })}
                required
                error={fieldError(t, make.error, 'indicatorRef')}
              >
                <option value="">{t('forumCommitments.new.chooseIndicator')}</option>
                {(framework.data?.definition.criteria ?? []).map((criterion) => (
                  <optgroup key={criterion.code} label={nameOf(criterion.name, criterion.code)}>
                    {criterion.indicators.map((indicator) => (
                      <option key={indicator.code} value={indicator.code}>
                        {nameOf(indicator.name, indicator.code)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </NativeSelect>
            ) : form.indicatorKind === 'outcome_figure' ? (
              <TextInput
                label={t('forumCommitments.new.figure')}
                description={t('forumCommitments.new.figureHint')}
                value={form.indicatorRef}
                onChange={(event) => set({ indicatorRef: event.currentTarget.value })}
                maxLength={100}
                required
                dir="ltr"
                error={fieldError(t, make.error, 'indicatorRef')}
              />
            ) : null}
          </SimpleGrid>
          <div>
            <Button type="submit" loading={make.isPending} disabled={!ready}>
              {t('forumCommitments.new.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
