import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page.ts';
import { endonym, LANGUAGES } from '../i18n/languages.ts';

/** Every language Homeward speaks, each named in itself and linking to its own page. */
export function LanguagesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('languages.title'));
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('languages.title')}</Title>
      <Text>{t('languages.lead', { count: LANGUAGES.length })}</Text>
      <List spacing="sm" listStyleType="none" ps={0}>
        {LANGUAGES.map((code) => {
          const current = code === i18n.language;
          return (
            <List.Item key={code}>
              <Anchor
                component={Link}
                to={`/${code}`}
                lang={code}
                hrefLang={code}
                fz="lg"
                fw={current ? 800 : 500}
                aria-current={current ? 'true' : undefined}
              >
                {endonym(code)}
              </Anchor>
              {current ? (
                <Text span ms="sm">
                  {t('languages.current')}
                </Text>
              ) : null}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
