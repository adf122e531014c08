import { Button, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_SUBJECT_KINDS, type FlagSubjectKind } from '../../../../shared/forum/constants.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { type EvidenceDraft, EvidenceFields, evidenceBody } from '../commitments/labels.tsx';
import { useCommitments } from '../commitments/queries.ts';
import { useMechanismOrganisations, useRaiseFlag } from './queries.ts';

const CONCERN_MAX = 10_000;
const EMPTY = {
  subjectKind: 'zone_class' as FlagSubjectKind,
  pcode: '',
  period: '',
  subjectRef: '',
  concern: '',
  responsibleOrganisationId: '',
};
const NO_COMMITMENT_FILTERS = { status: '', ownerOrganisationId: '', stateCode: '' };

/** A flag's subject reference as the API takes it: `P-code@YYYY-MM` for a zone's class, else the key or id. */
export function subjectRefOf(form: Pick<typeof EMPTY, 'subjectKind' | 'pcode' | 'period' | 'subjectRef'>): string {
  return form.subjectKind === 'zone_class'
    ? `${form.pcode.trim().toUpperCase()}@${form.period.trim()}`
    : form.subjectRef.trim();
}

/**
 * Raising a flag (`flag:raise`): the published item questioned, the concern and its evidence, and the organisation
 * that owes the answer. Nothing of it is public before a protection officer has checked it for personal data.
 */
export function RaiseFlag({ onRaised }: { onRaised: () => void }) {
  const { t } = useTranslation();
  const raise = useRaiseFlag();
  const organisations = useMechanismOrganisations();
  const [form, setForm] = useState(EMPTY);
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([]);
  const commitments = useCommitments(NO_COMMITMENT_FILTERS);
  const set = (change: Partial<typeof EMPTY>) => setForm({ ...form, ...change });
  const refError = fieldError(t, raise.error, 'subjectRef');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    raise.mutate(
      {
        subjectKind: form.subjectKind,
        subjectRef: subjectRefOf(form),
        concern: form.concern.trim(),
        evidence: evidenceBody(evidence),
        responsibleOrganisationId: form.responsibleOrganisationId,
      },
      {
        onSuccess: () => {
          setForm(EMPTY);
          setEvidence([]);
          onRaised();
        },
      },
    );
  };
  const subjectReady =
    form.subjectKind === 'zone_class' ? form.pcode.trim() !== '' && form.period !== '' : form.subjectRef.trim() !== '';
  const ready = subjectReady && form.concern.trim() !== '' && form.responsibleOrganisationId !== '';
  return (
    <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="raise-flag">
      <Title order={2} size="h4" id="raise-flag" mb="sm">
        {t('forumFlags.raise.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('forumFlags.raise.intro')}</Text>
          <FormError error={raise.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <NativeSelect
              label={t('forumFlags.raise.subjectKind')}
              value={form.subjectKind}
              onChange={(event) =>
                set({
                  subjectKind: event.currentTarget.value as FlagSubjectKind,
                  subjectRef: '',
                  pcode: '',
                  period: '',
                })
              }
            >
              {FLAG_SUBJECT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`forumFlags.subject.${kind}`)}
                </option>
              ))}
            </NativeSelect>
            {form.subjectKind === 'zone_class' ? (
              <>
                <TextInput
                  label={t('forumFlags.raise.zone')}
                  description={t('forumFlags.raise.zoneHint')}
                  value={form.pcode}
                  onChange={(event) => set({ pcode: event.currentTarget.value })}
                  maxLength={14}
                  dir="ltr"
                  required
                  error={refError}
                />
                <TextInput
                  type="month"
                  label={t('forumFlags.raise.period')}
                  description={t('forumFlags.raise.periodHint')}
                  value={form.period}
                  onChange={(event) => set({ period: event.currentTarget.value })}
                  required
                />
              </>
            ) : form.subjectKind === 'commitment' ? (
              <NativeSelect
                label={t('forumFlags.raise.commitment')}
                value={form.subjectRef}
                onChange={(event) => set({ subjectRef: event.currentTarget.value })}
                required
                error={refError}
              >
                <option value="">{t('forumFlags.raise.chooseCommitment')}</option>
                {(commitments.data?.items ?? []).map((commitment) => (
                  <option key={commitment.id} value={commitment.id}>
                    {t('forumFlags.raise.commitmentOption', {
                      owner: commitment.owner.name,
                      text: commitment.text.length > 90 ? `${commitment.text.slice(0, 89)}…` : commitment.text,
                    })}
                  </option>
                ))}
              </NativeSelect>
            ) : (
              <TextInput
                label={t('forumFlags.raise.key')}
                description={t('forumFlags.raise.keyHint')}
                value={form.subjectRef}
                onChange={(event) => set({ subjectRef: event.currentTarget.value })}
                maxLength={200}
                dir="ltr"
                required
                error={refError}
              />
            )}
            <NativeSelect
              label={t('forumFlags.raise.responsible')}
              description={t('forumFlags.raise.responsibleHint')}
              value={form.responsibleOrganisationId}
              onChange={(event) => set({ responsibleOrganisationId: event.currentTarget.value })}
              required
              error={fieldError(t, raise.error, 'responsibleOrganisationId')}
            >
              <option value="">{t('forumFlags.raise.chooseOrganisation')}</option>
              {(organisations.data ?? []).map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
          <Textarea
            label={t('forumFlags.raise.concern')}
            description={t('forumFlags.raise.concernHint')}
            value={form.concern}
            onChange={(event) => set({ concern: event.currentTarget.value })}
            maxLength={CONCERN_MAX}
            required
            autosize
            minRows={3}
            error={fieldError(t, raise.error, 'concern')}
          />
          <EvidenceFields value={evidence} onChange={setEvidence} error={raise.error} />
          <div>
            <Button type="submit" loading={raise.isPending} disabled={!ready}>
              {t('forumFlags.raise.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
