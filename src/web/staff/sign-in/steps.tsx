import { Anchor, Image, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { SignInResponse, TotpEnrolment } from '../../../shared/accounts.ts';
import { api } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { fieldError } from '../../components/forms.tsx';
import { groupSecret, isLongEnough, isTotpCode, looksLikeEmail, normaliseCode, PASSWORD_MIN_LENGTH } from './rules.ts';
import { StepForm } from './StepForm.tsx';

type Done = (response: SignInResponse) => void;
type Errors = Record<string, string | undefined>;
const hasErrors = (errors: Errors) => Object.values(errors).some(Boolean);

export function PasswordStep({ onDone }: { onDone: Done }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [checks, setChecks] = useState<Errors>({});
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api.post<SignInResponse>('/auth/login', body, { csrf: false }),
    onSuccess: onDone,
  });
  const submit = () => {
    const found = {
      email: !email.trim()
        ? t('signIn.email.required')
        : !looksLikeEmail(email)
          ? t('signIn.email.invalid')
          : undefined,
      password: !password ? t('signIn.password.required') : undefined,
    };
    setChecks(found);
    if (!hasErrors(found)) login.mutate({ email: email.trim(), password });
  };
  return (
    <StepForm
      title={t('signIn.password.title')}
      submitLabel={t('signIn.password.submit')}
      pending={login.isPending}
      error={login.error}
      onSubmit={submit}
    >
      <TextInput
        label={t('signIn.email.label')}
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
        error={checks.email ?? fieldError(t, login.error, 'email')}
      />
      <PasswordInput
        label={t('signIn.password.label')}
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={checks.password ?? fieldError(t, login.error, 'password')}
        visibilityToggleButtonProps={{ 'aria-label': t('signIn.password.toggle') }}
      />
    </StepForm>
  );
}

function CodeInput({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('signIn.code.label')}
      description={t('signIn.code.description')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      classNames={{ input: 'ltr-value' }}
    />
  );
}

/** A code step's shared logic: check six digits here, then send; the server's "wrong code" shows above. */
function useCodeStep(path: string, onDone: Done) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [check, setCheck] = useState<string>();
  const mutation = useMutation({
    mutationFn: (body: { code: string }) => api.post<SignInResponse>(path, body),
    onSuccess: onDone,
  });
  const submit = () => {
    const problem = isTotpCode(code) ? undefined : t('signIn.code.invalid');
    setCheck(problem);
    if (!problem) mutation.mutate({ code: normaliseCode(code) });
  };
  return { code, setCode, error: check ?? fieldError(t, mutation.error, 'code'), mutation, submit };
}

export function TotpStep({ onDone, onRestart }: { onDone: Done; onRestart: () => void }) {
  const { t } = useTranslation();
  const step = useCodeStep('/auth/login/totp', onDone);
  return (
    <StepForm
      title={t('signIn.totp.title')}
      intro={t('signIn.totp.intro')}
      submitLabel={t('signIn.totp.submit')}
      pending={step.mutation.isPending}
      error={step.mutation.error}
      onSubmit={step.submit}
      footer={<RestartLink onRestart={onRestart} />}
    >
      <CodeInput value={step.code} onChange={step.setCode} error={step.error} />
    </StepForm>
  );
}

function RestartLink({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  return (
    <Anchor component="button" type="button" onClick={onRestart} size="sm">
      {t('signIn.restart')}
    </Anchor>
  );
}

type Enrolment = z.infer<typeof TotpEnrolment>;

/** The otpauth:// address as a QR code, drawn here in the browser (the secret never leaves for another service). */
function QrCode({ value }: { value: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => (qr.toString ?? qr.default.toString)(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }))
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      });
    return () => {
      live = false;
    };
  }, [value]);
  if (!src) return <Loader aria-label={t('common.loading')} />;
  return <Image src={src} alt={t('signIn.enrol.qrAlt')} w={200} h={200} bg="white" />;
}

export function EnrolStep({ onDone, onRestart }: { onDone: Done; onRestart: () => void }) {
  const { t } = useTranslation();
  // A query, not an effect: started once even when React mounts twice, and kept while the person types.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: () => api.post<Enrolment>('/auth/totp/enrol'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const step = useCodeStep('/auth/totp/confirm', onDone);
  if (enrolment.isPending) return <Loader aria-label={t('common.loading')} />;
  if (enrolment.isError) return <ErrorPanel error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  return (
    <StepForm
      title={t('signIn.enrol.title')}
      intro={t('signIn.enrol.intro')}
      submitLabel={t('signIn.enrol.submit')}
      pending={step.mutation.isPending}
      error={step.mutation.error}
      onSubmit={step.submit}
      footer={<RestartLink onRestart={onRestart} />}
    >
      <Stack gap="xs" align="center">
        <QrCode value={enrolment.data.uri} />
        <Text size="sm">{t('signIn.enrol.manual')}</Text>
        <Text ff="monospace" fw={700} dir="ltr" ta="center" data-testid="totp-secret">
          {groupSecret(enrolment.data.secret)}
        </Text>
      </Stack>
      <CodeInput value={step.code} onChange={step.setCode} error={step.error} />
    </StepForm>
  );
}

export function PasswordChangeStep({ onDone, onRestart }: { onDone: Done; onRestart: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checks, setChecks] = useState<Errors>({});
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<SignInResponse>('/auth/password', body),
    onSuccess: onDone,
  });
  const submit = () => {
    const found = {
      currentPassword: current ? undefined : t('signIn.password.required'),
      newPassword: isLongEnough(next) ? undefined : t('signIn.newPassword.tooShort', { min: PASSWORD_MIN_LENGTH }),
      repeat: repeat === next ? undefined : t('signIn.newPassword.mismatch'),
    };
    setChecks(found);
    if (!hasErrors(found)) change.mutate({ currentPassword: current, newPassword: next });
  };
  const toggle = { 'aria-label': t('signIn.password.toggle') };
  return (
    <StepForm
      title={t('signIn.newPassword.title')}
      intro={t('signIn.newPassword.intro')}
      submitLabel={t('signIn.newPassword.submit')}
      pending={change.isPending}
      error={change.error}
      onSubmit={submit}
      footer={<RestartLink onRestart={onRestart} />}
    >
      <PasswordInput
        label={t('signIn.newPassword.current')}
        autoComplete="current-password"
        required
        value={current}
        onChange={(event) => setCurrent(event.currentTarget.value)}
        error={checks.currentPassword ?? fieldError(t, change.error, 'currentPassword')}
        visibilityToggleButtonProps={toggle}
      />
      <PasswordInput
        label={t('signIn.newPassword.new')}
        description={t('signIn.newPassword.rule', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        value={next}
        onChange={(event) => setNext(event.currentTarget.value)}
        error={checks.newPassword ?? fieldError(t, change.error, 'newPassword')}
        visibilityToggleButtonProps={toggle}
      />
      <PasswordInput
        label={t('signIn.newPassword.repeat')}
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(event) => setRepeat(event.currentTarget.value)}
        error={checks.repeat}
        visibilityToggleButtonProps={toggle}
      />
    </StepForm>
  );
}
