import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { FormError, fieldError } from '../../components/forms.tsx';
import { PASSWORD_MIN_LENGTH } from '../sign-in/rules.ts';

/** Field codes the administration APIs give beyond the schema checks, each with a sentence in every language. */
const SERVER_CODES = new Set([
  'in_past',
  'same_organisation',
  'unknown_organisation',
  'inactive_organisation',
  'after_to',
]);

/** The message for one field: first what the person must fix before sending, then what the server said. */
export function problemFor(t: TFunction, check: string | undefined, error: unknown, name: string): string | undefined {
  if (check) return t(check, { min: PASSWORD_MIN_LENGTH });
  if (isApiError(error)) {
    const problem = error.fieldErrors.find((field) => field.name === name);
    if (problem && SERVER_CODES.has(problem.code)) return t(`administration.serverCheck.${problem.code}`);
  }
  return fieldError(t, error, name);
}

/** A state in words (the colour only repeats it); dark text, so it reads on every tint, and it wraps, never cut. */
export function StatusBadge({ tone, children }: { tone: 'good' | 'neutral' | 'bad'; children: ReactNode }) {
  const color = tone === 'good' ? 'green' : tone === 'bad' ? 'red' : 'gray';
  return (
    <Badge
      color={color}
      variant="light"
      component="span"
      c={`${color}.9`}
      styles={{
        root: { textTransform: 'none', height: 'auto', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
      }}
    >
      {children}
    </Badge>
  );
}

/** Ids, hashes and signatures: left to right whatever the page's direction, broken anywhere rather than overflowing. */
export function Mono({ children }: { children: ReactNode }) {
  return (
    <Text span ff="monospace" size="sm" dir="ltr" style={{ wordBreak: 'break-all', unicodeBidi: 'isolate' }}>
      {children}
    </Text>
  );
}

/**
 * Asks before a destructive action. The confirm button is disabled while the request runs; a failure is shown
 * in the dialog, which stays open so the person can try again or cancel.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={pending ? () => undefined : onClose} title={title} centered>
      <Stack gap="md">
        <FormError error={error} />
        <div>{children}</div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('administration.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={pending} disabled={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Longer than a dialog's closing transition, after which Mantine has tried to give focus back. */
const AFTER_DIALOG_MS = 400;

/**
 * Tells the person a write succeeded; read out by screen readers without taking focus, except when the write
 * removed the control that had focus (a "Remove" or "Deactivate" button): focus then lands here, not on the page.
 */
export function Done({ message, onClose }: { message: string; onClose?: () => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) box.current?.focus();
    }, AFTER_DIALOG_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div role="status" aria-live="polite" ref={box} tabIndex={-1}>
      {message ? (
        <Alert
          color="green"
          variant="light"
          title={t('administration.done')}
          mb="md"
          withCloseButton={Boolean(onClose)}
          onClose={onClose}
          closeButtonLabel={t('administration.dismiss')}
        >
          {message}
        </Alert>
      ) : null}
    </div>
  );
}
