import { Button, Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES, SHARING_PURPOSES } from '../../../shared/vocabulary.ts';
import { api } from '../../api/api.ts';
import { FormError } from '../../components/forms.tsx';
import { ActionBar, Dialog } from '../components/Dialog.tsx';
import { useMe } from '../session.ts';
import { problemFor } from './problems.ts';
import { adminKeys, useOrganisations } from './queries.ts';
import {
  type AgreementForm,
  agreementRequest,
  type Checks,
  checkAgreement,
  emptyAgreementForm,
  hasProblems,
} from './requests.ts';
import type { Agreement } from './types.ts';

/**
 * Records an agreement from the organisation the person acts for (only the owner of data can share it; to
 * share another organisation's data, act for it with the organisation switcher) to another organisation.
 */
export function AgreementFormDialog({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: (agreement: Agreement) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const [form, setForm] = useState<AgreementForm>(emptyAgreementForm);
  const [checks, setChecks] = useState<Checks<string>>({});
  const create = useMutation({
    mutationFn: () => api.post<Agreement>('/agreements', agreementRequest(form, me.organisation.id)),
    onSuccess: async (agreement) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.agreements });
      onSaved(agreement);
    },
  });
  const { reset } = create;
  // The dialog stays mounted (so focus returns to the button that opened it): each opening starts afresh.
  useLayoutEffect(() => {
    if (!opened) return;
    setForm(emptyAgreementForm);
    setChecks({});
    reset();
  }, [opened, reset]);
  const set = <K extends keyof AgreementForm>(field: K, value: AgreementForm[K]) =>
    setForm((current) => ({ ...current, [field]: value }));
  const problem = (field: string) => problemFor(t, checks[field], create.error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = checkAgreement(form);
    setChecks(found);
    if (!hasProblems(found)) create.mutate();
  };
  const partners = (organisations.data ?? []).filter((o) => o.active && o.id !== me.organisation.id);

  return (
    <Dialog
      opened={opened}
      onClose={create.isPending ? () => undefined : onClose}
      title={t('administration.agreement.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={create.error} />
          <TextInput
            label={t('administration.agreement.from')}
            description={t('administration.agreement.fromHint')}
            value={me.organisation.name}
            readOnly
          />
          <NativeSelect
            label={t('administration.agreement.to')}
            required
            value={form.toOrganisationId}
            onChange={(event) => set('toOrganisationId', event.currentTarget.value)}
            error={problem('toOrganisationId')}
            data-autofocus
          >
            <option value="">{t('administration.choose')}</option>
            {partners.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('administration.agreement.purpose')}
            required
            value={form.purpose}
            onChange={(event) => set('purpose', event.currentTarget.value as AgreementForm['purpose'])}
            error={problem('purpose')}
          >
            <option value="">{t('administration.choose')}</option>
            {SHARING_PURPOSES.map((purpose) => (
              <option key={purpose} value={purpose}>
                {t(`purpose.${purpose}`)}
              </option>
            ))}
          </NativeSelect>
          <Checkbox.Group
            label={t('administration.agreement.categories')}
            description={t('administration.agreement.categoriesHint')}
            required
            value={form.dataCategories}
            onChange={(value) => set('dataCategories', value as AgreementForm['dataCategories'])}
            error={problem('dataCategories')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" mt="xs">
              {DATA_CATEGORIES.map((category) => (
                <Checkbox key={category} value={category} label={t(`dataCategory.${category}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            type="date"
            label={t('administration.agreement.expiresOn')}
            description={t('administration.agreement.expiresOnHint')}
            required
            value={form.expiresOn}
            onChange={(event) => set('expiresOn', event.currentTarget.value)}
            error={problem('expiresAt')}
            w={240}
          />
          <ActionBar>
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {t('staff.kit.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={create.isPending}>
              {t('administration.agreement.create')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Dialog>
  );
}
