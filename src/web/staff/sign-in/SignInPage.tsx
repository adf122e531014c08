import { Alert, Anchor, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { SignInResponse } from '../../../shared/accounts.ts';
import { isApiError } from '../../api/problem.ts';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/page.ts';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.tsx';
import { ME_KEY, meQuery, safeNext } from '../session.ts';
import { StepMoved } from './StepForm.tsx';
import { EnrolStep, PasswordChangeStep, PasswordStep, TotpStep } from './steps.tsx';

type Step = 'password' | 'totp' | 'enrol' | 'password_change';

const STEP_FOR_STATUS: Record<Exclude<SignInResponse['status'], 'signed_in'>, Step> = {
  totp_required: 'totp',
  totp_enrolment_required: 'enrol',
  password_change_required: 'password_change',
};

/** A sign-in left half done (page reloaded between steps) continues at its step: /me says which. */
function stepOfPendingSession(error: unknown): Step | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'totp_required') return 'totp';
  if (error.code === 'totp_enrolment_required') return 'enrol';
  if (error.code === 'forbidden') return 'password_change';
  return undefined;
}

function ReasonMessage({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  if (reason === 'session_expired') {
    return (
      <Alert color="yellow" variant="light" title={t('signIn.expired.title')} role="status">
        {t('signIn.expired.text')}
      </Alert>
    );
  }
  if (reason === 'signed_out') {
    return (
      <Alert color="homeward" variant="light" title={t('signIn.signedOut.title')} role="status">
        {t('signIn.signedOut.text')}
      </Alert>
    );
  }
  return null;
}

/** Staff sign-in: email and password, then the two-factor code (or first-time enrolment, or a new password). */
export default function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);
  const [step, setStepState] = useState<Step>('password');
  const [moved, setMoved] = useState(false);
  const setStep = (to: Step) => {
    setMoved(true);
    setStepState(to);
  };

  const pendingStep = stepOfPendingSession(me.error);
  useEffect(() => {
    if (pendingStep) setStepState(pendingStep);
  }, [pendingStep]);

  const advance = (response: SignInResponse) => {
    if (response.status === 'signed_in') {
      queryClient.setQueryData(ME_KEY, response.me);
      navigate(next, { replace: true });
      return;
    }
    setStep(STEP_FOR_STATUS[response.status]);
  };
  const restart = () => setStep('password');

  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <>
      <SkipLink />
      <Box component="header" py="sm" bg="homeward.0">
        <Container size="sm">
          <Group justify="space-between" align="end">
            <Anchor component={Link} to="/" c="homeward.9" fw={800} fz="xl" underline="never">
              {t('app.name')}
            </Anchor>
            <LanguageSelect />
          </Group>
        </Container>
      </Box>
      <Container component="main" id={MAIN_ID} tabIndex={-1} size="xs" py="xl">
        <Stack gap="lg">
          <div>
            <Title order={1}>{t('signIn.title')}</Title>
            <Text c="dimmed">{t('signIn.intro')}</Text>
          </div>
          {moved ? null : <ReasonMessage reason={params.get('reason')} />}
          <Paper withBorder p="lg" shadow="xs">
            <StepMoved.Provider value={moved}>
              {step === 'password' && <PasswordStep onDone={advance} />}
              {step === 'totp' && <TotpStep onDone={advance} onRestart={restart} />}
              {step === 'enrol' && <EnrolStep onDone={advance} onRestart={restart} />}
              {step === 'password_change' && <PasswordChangeStep onDone={advance} onRestart={restart} />}
            </StepMoved.Provider>
          </Paper>
          <Anchor component={Link} to="/" size="sm">
            {t('signIn.backToPortal')}
          </Anchor>
        </Stack>
      </Container>
    </>
  );
}
