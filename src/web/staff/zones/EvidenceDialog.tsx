import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTES_MAX } from '../../../shared/zones/constants.ts';
import { api } from '../../api/api.ts';
import { FormError } from '../../components/forms.tsx';
import { ActionBar, Dialog } from '../components/Dialog.tsx';
import { EvidenceFilePicker, filesHaveProblems, useAttachFiles } from './EvidenceFiles.tsx';
import { problemFor } from './problems.ts';
import { zoneKeys } from './queries.ts';
import { type Checks, checkEvidence } from './requests.ts';
import type { Observation } from './types.ts';

/**
 * The submitting organisation answers a verifier's request for more evidence. What was typed stays when the
 * server refuses; the dialog stays mounted so focus returns to the button that opened it.
 */
export function EvidenceDialog({
  observation,
  opened,
  onClose,
  onDone,
}: {
  observation: Observation | undefined;
  opened: boolean;
  onClose: () => void;
  onDone: (updated: Observation) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState('');
  const [checks, setChecks] = useState<Checks<'evidenceNotes'>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [fileErrors, setFileErrors] = useState<string | undefined>();
  const uploads = useAttachFiles();
  const add = useMutation({
    mutationFn: (body: { evidenceNotes: string }) =>
      api.post<Observation>(`/observations/${observation?.id ?? ''}/evidence`, body),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: zoneKeys.observations });
      onDone(updated);
    },
  });
  const { reset } = add;
  useLayoutEffect(() => {
    if (!opened) return;
    setNotes(observation?.evidenceNotes ?? '');
    setChecks({});
    setFiles([]);
    setFileErrors(undefined);
    reset();
  }, [opened, observation, reset]);
  const busy = add.isPending || uploads.pending;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !observation) return;
    const found = checkEvidence(notes);
    setChecks(found);
    if (found.evidenceNotes || filesHaveProblems(files)) return;
    // The files first: the notes send the observation back to the verifier, who should find the files there.
    if (files.length > 0) {
      const results = await uploads.attach(observation.id, files);
      const failed = results.filter((result) => result.error);
      setFiles(files.filter((file) => failed.some((result) => result.name === file.name)));
      if (failed.length > 0) {
        setFileErrors(failed.map((result) => `${result.name}: ${result.error}`).join(' '));
        return;
      }
      setFileErrors(undefined);
    }
    add.mutate({ evidenceNotes: notes.trim() });
  };
  const lastReason = observation?.verifications.at(-1)?.reason;

  return (
    <Dialog opened={opened} onClose={busy ? () => undefined : onClose} title={t('zones.evidence.title')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormError error={add.error} />
          {lastReason ? <Text size="sm">{t('zones.evidence.asked', { reason: lastReason })}</Text> : null}
          <Textarea
            label={t('zones.observe.evidenceNotes')}
            description={t('zones.evidence.notesHint')}
            name="evidenceNotes"
            required
            autosize
            minRows={4}
            maxLength={NOTES_MAX}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={problemFor(t, checks.evidenceNotes, add.error, 'evidenceNotes')}
            data-autofocus
          />
          <EvidenceFilePicker
            files={files}
            onChange={(chosen) => {
              setFiles(chosen);
              setFileErrors(undefined);
            }}
            error={fileErrors}
          />
          <ActionBar>
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('staff.kit.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={busy}>
              {t('zones.evidence.submit')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Dialog>
  );
}
