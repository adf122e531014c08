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

/** Text colours that keep 4.5:1 on their own light tint (Mantine's light variants fall under it). */
export const INK = { green: '#1f6b2f', red: 'var(--mantine-color-red-9)', gray: 'var(--mantine-color-gray-9)' };

/** A state in words (the colour only repeats it); dark text, so it reads on every tint, and it wraps, never cut. */
export function StatusBadge({ tone, children }: { tone: 'good' | 'neutral' | 'bad'; children: ReactNode }) {
  const color = tone === 'good' ? 'green' : tone === 'bad' ? 'red' : 'gray';
  return (
    <Badge
      color={color}
      variant="light"
      component="span"
      c={INK[color]}
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
 * A modal dialog: labelled by its title, focus kept inside while open and returned afterwards, a named close
 * button. Its header is a plain box, not a <header> (at the page's top level that would be a second banner).
 */
export function Dialog({
  opened,
  onClose,
  title,
  size,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={opened} onClose={onClose} centered size={size ?? 'md'}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title component="h2" fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('administration.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
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
    <Dialog opened={opened} onClose={pending ? () => undefined : onClose} title={title}>
      <Stack gap="md">
        <FormError error={error} />
        <div>{children}</div>
        <Group justify="flex-end" gap="sm">
          {/* Focus starts on the safe choice. */}
          <Button variant="default" onClick={onClose} disabled={pending} data-autofocus>
            {t('administration.cancel')}
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={pending} disabled={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
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
          styles={{ title: { color: INK.green } }}
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
