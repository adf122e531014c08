import { Button, Stack, Text, Title } from '@mantine/core';
import { createContext, type FormEvent, type ReactNode, useContext, useEffect, useRef } from 'react';
import { FormError } from '../../components/forms.tsx';

/** True once the person has moved between steps: only then does a new step take focus (not on page load). */
export const StepMoved = createContext(false);

/**
 * The frame of one sign-in step: a heading that takes focus when the step appears (so screen readers announce
 * the new step), the fields, the form-level error, and a submit button that is disabled while the request runs
 * (no double submission; what was typed stays in the fields on error).
 */
export function StepForm({
  title,
  intro,
  submitLabel,
  pending,
  error,
  onSubmit,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useContext(StepMoved);
  useEffect(() => {
    if (moved) heading.current?.focus();
  }, [moved]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="sign-in-step">
      <Stack gap="md">
        <Title order={2} size="h3" id="sign-in-step" ref={heading} tabIndex={-1}>
          {title}
        </Title>
        {intro ? <Text>{intro}</Text> : null}
        <FormError error={error} />
        {children}
        <Button type="submit" loading={pending} disabled={pending} fullWidth>
          {submitLabel}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}
