import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../../shared/outcomes/schemas/dashboards.ts';
import { api } from '../../../api/api.ts';

/** The outcome dashboard's read. Types only from the shared schemas (zod stays on the server). */
export interface DashboardFilters {
  state: string;
  pcode: string;
  cohort: string;
  round: string;
  by: string;
}

export const useOutcomeDashboard = (filters: DashboardFilters) =>
  useQuery({
    queryKey: ['outcome-dashboard', filters],
    queryFn: ({ signal }) =>
      api.get<Dashboard>('/outcomes/dashboard', {
        signal,
        query: Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
      }),
    placeholderData: keepPreviousData,
  });
