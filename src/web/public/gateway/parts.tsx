import { Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** `1234 5678 9012 3456`: a receipt code in groups of four, read left to right in every language. */
export const groupCode = (code: string): string => code.replace(/(\d{4})(?=\d)/g, '$1 ');

/** A field's error in words, next to it (red, with a sign, so the colour is not the only cue). */
export function FieldError({ id, children }: { id?: string | undefined; children: ReactNode }) {
  return (
    <Text id={id} c="red.8" size="sm" fw={600} mb="xs">
      ⚠ {children}
    </Text>
  );
}

/**
 * A radio button or checkbox as the browser draws it (no script, any phone), with its label and a plain hint
 * beneath, both part of the clickable label.
 */
export function Choice({
  type,
  name,
  value,
  defaultChecked,
  label,
  hint,
  describedBy,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  defaultChecked: boolean;
  label: string;
  hint?: string;
  describedBy?: string | undefined;
}) {
  const id = useId();
  return (
    <div style={{ display: 'flex', gap: '0.625rem', alignItems: 'flex-start' }}>
      <input
        id={id}
        type={type}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-describedby={[hint ? `${id}-hint` : null, describedBy].filter(Boolean).join(' ') || undefined}
        style={{ inlineSize: '1.375rem', blockSize: '1.375rem', marginBlockStart: '0.125rem', flex: 'none' }}
      />
      <div>
        <label htmlFor={id}>
          <Text component="span" fw={500}>
            {label}
          </Text>
        </label>
        {hint ? (
          <Text id={`${id}-hint`} size="sm" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </div>
    </div>
  );
}
