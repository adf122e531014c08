import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Instrument,
  InstrumentImported,
  InstrumentList,
} from '../../../../shared/outcomes/schemas/instruments.ts';
import { api } from '../../../api/api.ts';

/** The instrument screens' reads and the import. Types only from the shared schemas (zod stays on the server). */
export const instrumentKeys = {
  all: ['outcome-instruments'] as const,
  one: (id: string) => ['outcome-instruments', id] as const,
};

export const useInstruments = () =>
  useQuery({
    queryKey: instrumentKeys.all,
    queryFn: ({ signal }) => api.get<InstrumentList>('/outcomes/instruments', { signal }),
  });

export const useInstrument = (id: string) =>
  useQuery({
    queryKey: instrumentKeys.one(id),
    queryFn: ({ signal }) => api.get<Instrument>(`/outcomes/instruments/${id}`, { signal }),
  });

/** A file's bytes as base64, in slices (a workbook of a few hundred kB would overflow one call's arguments). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const useImportInstrument = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      api.post<InstrumentImported>('/outcomes/instruments', {
        fileName: file.name,
        contentBase64: await fileToBase64(file),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: instrumentKeys.all }),
  });
};
