import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/api.ts';
import { isApiError } from '../../api/problem.ts';
import { forgetSession, signInPath } from '../session.ts';

/** Ends the session on the server, forgets what was loaded, and shows sign-in with "you have signed out". */
export function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const done = () => {
    navigate(signInPath(undefined, 'signed_out'), { replace: true });
    forgetSession(queryClient);
  };
  const signOut = useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSuccess: done,
    // Already signed out (session expired meanwhile): the outcome the person wanted.
    onError: (error) => {
      if (isApiError(error) && error.sessionLost) done();
    },
  });
  return (
    <Button
      variant="outline"
      size="sm"
      loading={signOut.isPending}
      onClick={() => signOut.mutate()}
      color={signOut.isError ? 'red' : undefined}
    >
      {signOut.isError ? t('staff.signOutRetry') : t('staff.signOut')}
    </Button>
  );
}
