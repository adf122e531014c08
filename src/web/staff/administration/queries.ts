import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { useMe } from '../session.ts';
import type { Agreement, AgreementStatus, Organisation, UserSummary } from './types.ts';

/** Query keys of the administration screens: writes invalidate these so every list shows the change. */
export const adminKeys = {
  organisations: ['administration', 'organisations'] as const,
  users: ['administration', 'users'] as const,
  usersIn: (organisationId: string) => ['administration', 'users', { organisationId }] as const,
  user: (userId: string) => ['administration', 'users', userId] as const,
  agreements: ['administration', 'agreements'] as const,
  agreementsWith: (status: AgreementStatus | '') => ['administration', 'agreements', { status }] as const,
  checkpoint: ['administration', 'checkpoint'] as const,
  auditEntries: ['administration', 'audit-entries'] as const,
  accessLog: ['administration', 'access-log'] as const,
};

export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: adminKeys.organisations,
    queryFn: ({ signal }) => api.get<Organisation[]>('/organisations', { signal }),
    enabled,
  });
}

export function useUsers(organisationId = '', enabled = true) {
  return useQuery({
    queryKey: adminKeys.usersIn(organisationId),
    queryFn: ({ signal }) => api.get<UserSummary[]>('/users', { signal, query: { organisationId } }),
    enabled,
  });
}

export function useAgreements(status: AgreementStatus | '') {
  return useQuery({
    queryKey: adminKeys.agreementsWith(status),
    queryFn: ({ signal }) => api.get<Agreement[]>('/agreements', { signal, query: { status } }),
  });
}

/**
 * Names for the ids the logs show (people, organisations), from the lists the person may read; an id stays an id
 * when the person may not read the list or the record is beyond their reach.
 */
export function useDirectoryNames() {
  const me = useMe();
  const people = useUsers('', me.permissions.includes('user:read'));
  const organisations = useOrganisations(me.permissions.includes('organisation:read'));
  const personNames = new Map((people.data ?? []).map((user) => [user.id, user.displayName]));
  const organisationNames = new Map((organisations.data ?? []).map((org) => [org.id, org.name]));
  return {
    people: people.data ?? [],
    person: (id: string) => personNames.get(id),
    organisation: (id: string) => organisationNames.get(id),
  };
}
