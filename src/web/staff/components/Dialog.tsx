import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/forms.tsx';
import './kit.css';

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
          <Modal.CloseButton aria-label={t('staff.kit.close')} />
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
  confirmDisabled = false,
  confirmColor = 'red.9',
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  /** Held back until the person has done what the dialog asks (ticked an acknowledgement). */
  confirmDisabled?: boolean;
  /** Red for what cannot be undone; a decision that is not destructive may use the ordinary colour. */
  confirmColor?: string;
}) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} onClose={pending ? () => undefined : onClose} title={title}>
      <Stack gap="md">
        <FormError error={error} />
        <div>{children}</div>
        <ActionBar>
          {/* Focus starts on the safe choice. */}
          <Button variant="default" onClick={onClose} disabled={pending} data-autofocus>
            {t('staff.kit.cancel')}
          </Button>
          <Button color={confirmColor} onClick={onConfirm} loading={pending} disabled={pending || confirmDisabled}>
            {confirmLabel}
          </Button>
        </ActionBar>
      </Stack>
    </Dialog>
  );
}

/**
 * A panel's or dialog's buttons, at its end. They wrap onto new lines rather than running off a phone's screen,
 * and on a narrow screen each takes the full width, so every one stays visible and easy to touch.
 */
export function ActionBar({
  children,
  justify = 'flex-end',
}: {
  children: ReactNode;
  justify?: 'flex-end' | 'flex-start';
}) {
  return (
    <Group className="staff-actions" justify={justify} gap="sm" wrap="wrap">
      {children}
    </Group>
  );
}
