import { Alert, Button, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FOLLOW_UP_MODES, LOST_REASONS } from '../../../../shared/outcomes/constants.ts';
import type { FollowUp, FollowUpLink } from '../../../../shared/outcomes/schemas/follow-ups.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { ActionBar, Dialog } from '../../components/Dialog.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan } from '../../session.ts';
import { useFollowUpOrganisations, useFollowUpStep, useIssueLink } from './queries.ts';

const OPEN = ['due', 'assigned', 'retry'];

/** A follow-up's status in words, overdue marked in words too (not only by colour). */
export function FollowUpStatus({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const tone = followUp.status === 'done' ? 'good' : followUp.status === 'lost' ? 'bad' : 'neutral';
  return (
    <>
      <StatusBadge tone={tone}>{t(`outcomes.followUps.status.${followUp.status}`)}</StatusBadge>
      {followUp.overdue ? (
        <>
          {' '}
          <StatusBadge tone="bad">{t('outcomes.followUps.overdue')}</StatusBadge>
        </>
      ) : null}
    </>
  );
}

type Open = 'assign' | 'attempt' | 'lost' | 'link' | null;

/**
 * What the person may do next on a follow-up, each in a dialog: the owner assigns it; the organisation assigned
 * records an attempt, issues the household's code (shown once) or enters the answers; either marks it lost.
 */
export function FollowUpActions({ followUp, onDone }: { followUp: FollowUp; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<Open>(null);
  if (!OPEN.includes(followUp.status)) return null;
  const exhausted = followUp.attempts >= followUp.maxAttempts;
  const doing = followUp.assigned && followUp.status !== 'due';
  return (
    <>
      <ActionBar justify="flex-start">
        {followUp.owned && can('followup:manage') ? (
          <Button size="xs" variant="default" onClick={() => setOpen('assign')}>
            {followUp.assignedOrganisationId ? t('outcomes.followUps.reassign') : t('outcomes.followUps.assign')}
          </Button>
        ) : null}
        {doing && !exhausted ? (
          <Button size="xs" variant="default" onClick={() => setOpen('attempt')}>
            {t('outcomes.followUps.attempt')}
          </Button>
        ) : null}
        {doing ? (
          <Button size="xs" variant="default" onClick={() => setOpen('link')}>
            {t('outcomes.followUps.issueLink')}
          </Button>
        ) : null}
        {doing ? (
          <Button size="xs" component={Link} to={`/staff/outcomes/follow-ups/${followUp.id}/answers`}>
            {t('outcomes.followUps.enterAnswers')}
          </Button>
        ) : null}
        {doing || (followUp.owned && can('followup:manage')) ? (
          <Button size="xs" variant="default" color="red.9" onClick={() => setOpen('lost')}>
            {t('outcomes.followUps.markLost')}
          </Button>
        ) : null}
      </ActionBar>
      {exhausted && doing ? (
        <Text size="sm" mt="xs" c="red.9">
          {t('outcomes.followUps.mustMarkLost', { count: followUp.attempts })}
        </Text>
      ) : null}
      {open === 'assign' ? <AssignDialog followUp={followUp} onClose={() => setOpen(null)} onDone={onDone} /> : null}
      {open === 'attempt' ? <AttemptDialog followUp={followUp} onClose={() => setOpen(null)} onDone={onDone} /> : null}
      {open === 'lost' ? <LostDialog followUp={followUp} onClose={() => setOpen(null)} onDone={onDone} /> : null}
      {open === 'link' ? <LinkDialog followUp={followUp} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

interface DialogProps {
  followUp: FollowUp;
  onClose: () => void;
  onDone: (message: string) => void;
}

function AssignDialog({ followUp, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const organisations = useFollowUpOrganisations(true);
  const step = useFollowUpStep(followUp.id);
  const [organisationId, setOrganisationId] = useState(followUp.assignedOrganisationId ?? followUp.organisationId);
  const [mode, setMode] = useState<string>(followUp.mode ?? 'phone');
  return (
    <Dialog opened onClose={onClose} title={t('outcomes.followUps.assignTitle', { reference: followUp.reference })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          step.mutate(
            { step: 'assignment', body: { organisationId, mode } },
            {
              onSuccess: () => {
                onDone(t('outcomes.followUps.assigned', { reference: followUp.reference }));
                onClose();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <FormError error={step.error} />
          <NativeSelect
            label={t('outcomes.followUps.organisation')}
            description={t('outcomes.followUps.organisationHint')}
            value={organisationId}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}
            error={fieldError(t, step.error, 'organisationId')}
            data={(
              organisations.data ?? [{ id: followUp.organisationId, name: followUp.organisationName, own: true }]
            ).map((org) => ({
              value: org.id,
              label: org.own ? t('outcomes.followUps.ownOrganisation', { name: org.name }) : org.name,
            }))}
          />
          <Radio.Group label={t('outcomes.followUps.mode')} value={mode} onChange={setMode}>
            <Stack gap="xs" mt="xs">
              {FOLLOW_UP_MODES.map((value) => (
                <Radio key={value} value={value} label={t(`outcomes.followUps.modes.${value}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <ActionBar>
            <Button variant="default" onClick={onClose} disabled={step.isPending}>
              {t('staff.kit.cancel')}
            </Button>
            <Button type="submit" loading={step.isPending}>
              {t('outcomes.followUps.assign')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Dialog>
  );
}

function AttemptDialog({ followUp, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const step = useFollowUpStep(followUp.id);
  const record = (reached: boolean) =>
    step.mutate(
      { step: 'attempts', body: { reached } },
      {
        onSuccess: (after) => {
          onDone(
            reached
              ? t('outcomes.followUps.reached')
              : after.nextAttemptOn
                ? t('outcomes.followUps.missed', { date: after.nextAttemptOn })
                : t('outcomes.followUps.mustMarkLost', { count: after.attempts }),
          );
          onClose();
        },
      },
    );
  return (
    <Dialog opened onClose={onClose} title={t('outcomes.followUps.attemptTitle', { reference: followUp.reference })}>
      <Stack gap="md">
        <FormError error={step.error} />
        <Text>
          {t('outcomes.followUps.attemptsLeft', { count: Math.max(0, followUp.maxAttempts - followUp.attempts) })}
        </Text>
        <ActionBar>
          <Button variant="default" onClick={() => record(false)} loading={step.isPending}>
            {t('outcomes.followUps.notReached')}
          </Button>
          <Button onClick={() => record(true)} loading={step.isPending}>
            {t('outcomes.followUps.wasReached')}
          </Button>
        </ActionBar>
      </Stack>
    </Dialog>
  );
}

function LostDialog({ followUp, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const step = useFollowUpStep(followUp.id);
  const [reason, setReason] = useState('');
  return (
    <Dialog opened onClose={onClose} title={t('outcomes.followUps.lostTitle', { reference: followUp.reference })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          step.mutate(
            { step: 'lost', body: { reason } },
            {
              onSuccess: () => {
                onDone(t('outcomes.followUps.markedLost', { reference: followUp.reference }));
                onClose();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <FormError error={step.error} />
          <NativeSelect
            label={t('outcomes.followUps.lostReason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError(t, step.error, 'reason')}
            data={[
              { value: '', label: t('outcomes.followUps.chooseReason') },
              ...LOST_REASONS.map((value) => ({ value, label: t(`outcomes.followUps.lostReasons.${value}`) })),
            ]}
          />
          <ActionBar>
            <Button variant="default" onClick={onClose} disabled={step.isPending}>
              {t('staff.kit.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={step.isPending} disabled={reason === ''}>
              {t('outcomes.followUps.markLost')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Dialog>
  );
}

/** Issues the household's code and shows it once, to send by SMS or read out; closing forgets it. */
function LinkDialog({ followUp, onClose }: Omit<DialogProps, 'onDone'>) {
  const { t } = useTranslation();
  const issue = useIssueLink(followUp.id);
  const [link, setLink] = useState<FollowUpLink | null>(null);
  return (
    <Dialog opened onClose={onClose} title={t('outcomes.followUps.linkTitle', { reference: followUp.reference })}>
      <Stack gap="md">
        <FormError error={issue.error} />
        {link ? (
          <>
            <Alert color="blue" variant="light" role="status" title={t('outcomes.followUps.linkOnce')}>
              <Text fw={700} fz="xl" className="ltr-value" data-testid="follow-up-code">
                {link.code}
              </Text>
            </Alert>
            <Text>{t('outcomes.followUps.linkHow', { page: link.page })}</Text>
            <ActionBar>
              <Button onClick={onClose}>{t('outcomes.followUps.linkGiven')}</Button>
            </ActionBar>
          </>
        ) : (
          <>
            <Text>{t('outcomes.followUps.linkExplain')}</Text>
            {followUp.linkExpiresAt ? <Text c="red.9">{t('outcomes.followUps.linkReplaces')}</Text> : null}
            <ActionBar>
              <Button variant="default" onClick={onClose} disabled={issue.isPending}>
                {t('staff.kit.cancel')}
              </Button>
              <Button loading={issue.isPending} onClick={() => issue.mutate(undefined, { onSuccess: setLink })}>
                {t('outcomes.followUps.issueLink')}
              </Button>
            </ActionBar>
          </>
        )}
      </Stack>
    </Dialog>
  );
}
