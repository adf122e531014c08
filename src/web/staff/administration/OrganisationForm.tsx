import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../shared/vocabulary.ts';
import { api } from '../../api/api.ts';
import { FormError } from '../../components/forms.tsx';
import { ActionBar, Dialog } from '../components/Dialog.tsx';
import { ME_KEY, useMe } from '../session.ts';
import { problemFor } from './problems.ts';
import { adminKeys } from './queries.ts';
import {
  type Checks,
  checkOrganisation,
  emptyOrganisationForm,
  type OrganisationForm as Form,
  hasProblems,
  organisationChanges,
  organisationFormOf,
  organisationRequest,
} from './requests.ts';
import { mayChangeReach } from './scope.ts';
import type { Organisation } from './types.ts';

/**
 * Creates an organisation, or changes one (`organisation` given). The dialog stays open with what was typed
 * when the server refuses; the submit button is disabled while the request runs.
 */
export function OrganisationFormDialog({
  organisation,
  opened,
  onClose,
  onSaved,
}: {
  organisation?: Organisation | undefined;
  opened: boolean;
  onClose: () => void;
  onSaved: (saved: Organisation) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The server refuses the change too; here the fields say so before anyone tries.
  const me = useMe();
  const reachFixed = organisation !== undefined && !mayChangeReach(me);
  const [form, setForm] = useState<Form>(organisation ? organisationFormOf(organisation) : emptyOrganisationForm);
  const [checks, setChecks] = useState<Checks<keyof Form>>({});
  const save = useMutation({
    mutationFn: async (): Promise<Organisation> => {
      if (!organisation) return api.post<Organisation>('/organisations', organisationRequest(form));
      const changes = organisationChanges(organisation, form);
      return changes ? api.patch<Organisation>(`/organisations/${organisation.id}`, changes) : organisation;
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
      // Names show in the header and the organisation switcher as well.
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      onSaved(saved);
    },
  });
  const { reset } = save;
  // The dialog stays mounted (so focus returns to the button that opened it): each opening starts afresh.
  useLayoutEffect(() => {
    if (!opened) return;
    setForm(organisation ? organisationFormOf(organisation) : emptyOrganisationForm);
    setChecks({});
    reset();
  }, [opened, organisation, reset]);
  const set = <K extends keyof Form>(field: K, value: Form[K]) =>
    setForm((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const found = checkOrganisation(form);
    setChecks(found);
    if (!hasProblems(found)) save.mutate();
  };
  const problem = (field: keyof Form) => problemFor(t, checks[field], save.error, field);
  const title = organisation
    ? t('administration.organisation.editTitle', { name: organisation.name })
    : t('administration.organisation.createTitle');

  return (
    <Dialog opened={opened} onClose={save.isPending ? () => undefined : onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} />
          <TextInput
            label={t('administration.organisation.name')}
            name="name"
            required
            value={form.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={problem('name')}
            data-autofocus
          />
          <NativeSelect
            label={t('administration.organisation.kind')}
            name="kind"
            required
            value={form.kind}
            onChange={(event) => set('kind', event.currentTarget.value as Form['kind'])}
            error={problem('kind')}
            disabled={reachFixed}
          >
            <option value="">{t('administration.choose')}</option>
            {ORGANISATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`organisationKind.${kind}`)}
              </option>
            ))}
          </NativeSelect>
          <TextInput
            label={t('administration.organisation.homeState')}
            description={t('administration.organisation.homeStateHint')}
            name="homeState"
            required
            maxLength={2}
            autoCapitalize="characters"
            value={form.homeState}
            onChange={(event) => set('homeState', event.currentTarget.value)}
            error={problem('homeState')}
            disabled={reachFixed}
            w={220}
          />
          <ActionBar>
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t('staff.kit.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={save.isPending}>
              {organisation ? t('administration.save') : t('administration.organisation.create')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Dialog>
  );
}
