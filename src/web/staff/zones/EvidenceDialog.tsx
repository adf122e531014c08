import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTES_MAX } from '../../../shared/zones/constants.ts';
import { api } from '../../api/api.ts';
import { FormError } from '../../components/forms.tsx';
import { ActionBar, Dialog } from '../components/Dialog.tsx';
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
    reset();
  }, [opened, observation, reset]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const found = checkEvidence(notes);
    setChecks(found);
    if (!found.evidenceNotes) add.mutate({ evidenceNotes: notes.trim() });
  };
  const lastReason = observation?.verifications.at(-1)?.reason;

  return (
    <Dialog opened={opened} onClose={add.isPending ? () => undefined : onClose} title={t('zones.evidence.title')}>
      <form onSubmit={submit} noValidate>
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
          <ActionBar>
            <Button variant="default" onClick={onClose} disabled={add.isPending}>
              {t('staff.kit.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={add.isPending}>
              {t('zones.evidence.submit')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Dialog>
  );
}
