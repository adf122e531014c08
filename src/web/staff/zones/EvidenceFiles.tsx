import { Anchor, FileInput, List, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_FILE_MAX_BYTES, EVIDENCE_FILE_TYPES } from '../../../shared/zones/constants.ts';
import { API_BASE, api } from '../../api/api.ts';
import { isApiError } from '../../api/problem.ts';
import { useFormatters } from '../../components/format.ts';
import { zoneKeys } from './queries.ts';
import type { EvidenceFile } from './types.ts';

/** What the file picker offers: the image types the server can clean of their metadata. */
const ACCEPT = [...EVIDENCE_FILE_TYPES, '.jpg', '.jpeg', '.png', '.webp'].join(',');
const MEGABYTES = EVIDENCE_FILE_MAX_BYTES / (1024 * 1024);

/** Why a chosen file cannot be sent (a catalogue key), checked before sending; the server checks the content. */
export function fileProblem(file: File): string | undefined {
  if (file.size > EVIDENCE_FILE_MAX_BYTES) return 'zones.files.tooLarge';
  if (file.size === 0) return 'zones.files.empty';
  if (/\.pdf$/i.test(file.name) || file.type === 'application/pdf') return 'zones.files.pdf';
  const known =
    (EVIDENCE_FILE_TYPES as readonly string[]).includes(file.type) || /\.(jpe?g|png|webp)$/i.test(file.name);
  return known ? undefined : 'zones.files.type';
}

/**
 * Chooses photos or scans to attach. The files' own problems (type, size) show at once, in the person's
 * language; what the server finds (a damaged image) shows after sending.
 */
export function EvidenceFilePicker({
  files,
  onChange,
  error,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const problems = files.map((file) => ({ file, problem: fileProblem(file) })).filter((entry) => entry.problem);
  return (
    <FileInput
      label={t('zones.files.label')}
      description={t('zones.files.hint', { megabytes: MEGABYTES })}
      name="evidenceFiles"
      multiple
      clearable
      accept={ACCEPT}
      value={files}
      onChange={(chosen) => onChange(chosen ?? [])}
      placeholder={t('zones.files.choose')}
      error={
        error ??
        (problems.length > 0
          ? problems.map(({ file, problem }) => t(problem!, { name: file.name, megabytes: MEGABYTES })).join(' ')
          : undefined)
      }
    />
  );
}

export const filesHaveProblems = (files: File[]) => files.some((file) => fileProblem(file) !== undefined);

/**
 * Sends the chosen files one by one to an observation; answers what each became (attached, or the server's
 * message). The observation's lists are refreshed afterwards.
 */
export function useAttachFiles() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const attach = async (observationId: string, files: File[]) => {
    setPending(true);
    const results: { name: string; error?: string }[] = [];
    try {
      for (const file of files) {
        try {
          await api.post<EvidenceFile>(`/observations/${observationId}/files`, file, { query: { name: file.name } });
          results.push({ name: file.name });
        } catch (error) {
          results.push({
            name: file.name,
            error: isApiError(error) ? (error.detail ?? error.title ?? error.code) : t('zones.files.failed'),
          });
        }
      }
    } finally {
      await queryClient.invalidateQueries({ queryKey: zoneKeys.observations });
      setPending(false);
    }
    return results;
  };
  return { attach, pending };
}

/** The files attached to an observation, each a download (the server checks, on every download, who asks). */
export function EvidenceFileList({ files }: { files: EvidenceFile[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (files.length === 0) return <Text size="sm">{t('zones.files.none')}</Text>;
  return (
    <List size="sm" spacing={4} listStyleType="none" p={0}>
      {files.map((file) => (
        <List.Item key={file.id}>
          <Anchor href={`${API_BASE}${file.href.replace(/^\/api\/v1/, '')}`} download={file.name}>
            {file.name}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            {t('zones.files.line', {
              size: format.number(Math.max(1, Math.round(file.size / 1024))),
              version: file.observationVersion,
              date: format.dateTime(file.uploadedAt),
            })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
