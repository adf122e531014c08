import { type QueryClient, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Me } from '../../shared/accounts.ts';
import { api } from '../api/api.ts';

export type { Me };

export const ME_KEY = ['me'] as const;
export const SIGN_IN_PATH = '/staff/sign-in';

/** Why the person lands on the sign-in page, shown there as a message. */
export type SignInReason = 'session_expired' | 'signed_out';

export const meQuery = {
  queryKey: ME_KEY,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Me>('/me', { signal }),
  retry: false,
} as const;

export const useMeQuery = () => useQuery(meQuery);

/** The signed-in person; only inside the signed-in workspace (RequireSession provides it). */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside the signed-in staff workspace');
  return me;
}

export function useCan(): (permission: string) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}

const STAFF_ADDRESS = /^\/staff(?:[/?#]|$)/;

/** Only addresses inside the staff workspace are followed after sign-in (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  if (typeof next !== 'string' || !STAFF_ADDRESS.test(next) || next.startsWith(SIGN_IN_PATH)) return '/staff';
  return next;
}

/** The sign-in address that brings the person back to `from` afterwards. */
export function signInPath(from: string | undefined, reason?: SignInReason): string {
  const params = new URLSearchParams();
  if (from && safeNext(from) === from && from !== '/staff') params.set('next', from);
  if (reason) params.set('reason', reason);
  const search = params.toString();
  return search ? `${SIGN_IN_PATH}?${search}` : SIGN_IN_PATH;
}

/** Forgets everything the last person saw: their data must not show for the next one on a shared computer. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.clear();
}
