import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { endonym, LANGUAGES } from '../i18n/languages.ts';
import { changeLanguage } from '../i18n/setup.ts';

/**
 * The language chooser: a native select (works with every keyboard, screen reader and phone), each language
 * named in itself so that a person who cannot read the current language still finds theirs.
 */
export function LanguageSelect({
  size = 'sm',
  name,
  error,
}: {
  size?: 'xs' | 'sm' | 'md';
  /** The field's name when the select is part of a form that posts (the public pages' language form). */
  name?: string;
  /** A message already in the reader's language, shown under the list. */
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      size={size}
      name={name}
      label={t('language.label')}
      value={i18n.language}
      onChange={(event) => void changeLanguage(event.currentTarget.value)}
      error={error}
      w={170}
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {endonym(code)}
        </option>
      ))}
    </NativeSelect>
  );
}
