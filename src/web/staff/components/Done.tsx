import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { INK } from './StatusBadge.tsx';

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
          title={t('staff.kit.done')}
          styles={{ title: { color: INK.green } }}
          mb="md"
          withCloseButton={Boolean(onClose)}
          onClose={onClose}
          closeButtonLabel={t('staff.kit.dismiss')}
        >
          {message}
        </Alert>
      ) : null}
    </div>
  );
}
