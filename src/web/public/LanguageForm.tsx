import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { changeLanguage } from '../i18n/setup.ts';
import { useFormState } from './page-context.tsx';

/**
 * The public pages' language chooser as a plain form: without JavaScript, "Change" posts it to /language, which
 * sets the language cookie and sends the reader back to this page in that language (an unknown language comes
 * back with the error under the list). With JavaScript, choosing switches the page at once.
 */
export function LanguageForm() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const error = useFormState('language')?.errors.language;
  return (
    <form
      method="post"
      action="/language"
      onSubmit={(event) => {
        event.preventDefault();
        void changeLanguage(String(new FormData(event.currentTarget).get('language')));
      }}
    >
      <input type="hidden" name="return" value={`${pathname}${search}`} />
      <Group gap="xs" align="end" wrap="nowrap">
        <LanguageSelect name="language" error={error ? t(error) : undefined} />
        <Button type="submit" size="sm" variant="default">
          {t('language.submit')}
        </Button>
      </Group>
    </form>
  );
}
