import { Button, Fieldset, Group, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { FormError } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ActionBar } from '../components/Dialog.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useMe } from '../session.ts';
import { PASSWORD_MIN_LENGTH } from '../sign-in/rules.ts';
import { CreatedAccount } from './CreatedAccount.tsx';
import { MembershipFields } from './MembershipFields.tsx';
import { problemFor } from './problems.ts';
import { adminKeys, useOrganisations } from './queries.ts';
import { type Checks, checkUser, createUserRequest, emptyUserForm, hasProblems, type UserForm } from './requests.ts';
import { organisationsForMemberships } from './scope.ts';
import type { CreatedUser, Organisation } from './types.ts';

const MAX_MEMBERSHIPS = 10;

function CreateUserForm({
  organisations,
  onCreated,
}: {
  organisations: Organisation[];
  onCreated: (c: CreatedUser) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const start = organisations.some((organisation) => organisation.id === me.organisation.id) ? me.organisation.id : '';
  const [form, setForm] = useState<UserForm>(() => emptyUserForm(start));
  const [checks, setChecks] = useState<Checks<string>>({});
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof createUserRequest>) => api.post<CreatedUser>('/users', body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      onCreated(created);
    },
  });
  const set = <K extends keyof UserForm>(field: K, value: UserForm[K]) =>
    setForm((current) => ({ ...current, [field]: value }));
  const problem = (field: string) => problemFor(t, checks[field], create.error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = checkUser(form);
    setChecks(found);
    if (!hasProblems(found)) create.mutate(createUserRequest(form));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        <FormError error={create.error} />
        <TextInput
          label={t('administration.user.email')}
          type="email"
          name="email"
          autoComplete="off"
          required
          value={form.email}
          onChange={(event) => set('email', event.currentTarget.value)}
          error={problem('email')}
        />
        <TextInput
          label={t('administration.user.displayName')}
          name="displayName"
          autoComplete="off"
          required
          value={form.displayName}
          onChange={(event) => set('displayName', event.currentTarget.value)}
          error={problem('displayName')}
        />
        <Radio.Group
          label={t('administration.user.firstPassword')}
          value={form.passwordMode}
          onChange={(value) => set('passwordMode', value as UserForm['passwordMode'])}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="set" label={t('administration.user.passwordSet')} />
            <Radio value="generate" label={t('administration.user.passwordGenerate')} />
          </Stack>
        </Radio.Group>
        {form.passwordMode === 'set' ? (
          <PasswordInput
            label={t('administration.user.password')}
            description={t('administration.user.passwordRule', { min: PASSWORD_MIN_LENGTH })}
            name="password"
            autoComplete="new-password"
            required
            value={form.password}
            onChange={(event) => set('password', event.currentTarget.value)}
            error={problem('password')}
            visibilityToggleButtonProps={{ 'aria-label': t('administration.user.showTyped') }}
          />
        ) : null}
        <Fieldset legend={t('administration.user.memberships')} variant="unstyled">
          <Stack gap="sm">
            {form.memberships.map((row, index) => (
              // Rows have no identity of their own; they are only appended or removed from the end.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={index} align="flex-start" gap="sm" wrap="wrap">
                <MembershipFields
                  row={row}
                  index={index}
                  organisations={organisations}
                  onChange={(next) =>
                    set(
                      'memberships',
                      form.memberships.map((r, i) => (i === index ? next : r)),
                    )
                  }
                  errors={{
                    organisationId: problem(`memberships.${index}.organisationId`),
                    role: problem(`memberships.${index}.role`),
                  }}
                />
              </Group>
            ))}
            <Group gap="sm">
              {form.memberships.length < MAX_MEMBERSHIPS ? (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => set('memberships', [...form.memberships, { organisationId: start, role: '' }])}
                >
                  {t('administration.user.addRow')}
                </Button>
              ) : null}
              {form.memberships.length > 1 ? (
                <Button variant="subtle" size="xs" onClick={() => set('memberships', form.memberships.slice(0, -1))}>
                  {t('administration.user.removeRow', { number: form.memberships.length })}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Fieldset>
        <ActionBar justify="flex-start">
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>
            {t('administration.user.createSubmit')}
          </Button>
        </ActionBar>
      </Stack>
    </form>
  );
}

/** A new account: email, name, first password (given or generated once) and one or more memberships. */
export default function CreateUserPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organisations = useOrganisations();
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <ScreenHeader title={t('administration.user.createTitle')} description={t('administration.user.createIntro')} />
      {created ? (
        <CreatedAccount
          created={created}
          onAnother={() => {
            setCreated(null);
            setRound(round + 1);
          }}
        />
      ) : organisations.isPending ? (
        <PageLoader />
      ) : organisations.isError ? (
        <ErrorPanel error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : (
        <CreateUserForm
          key={round}
          organisations={organisationsForMemberships(me, organisations.data)}
          onCreated={setCreated}
        />
      )}
    </>
  );
}
