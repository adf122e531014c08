import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTACT } from './contact.ts';

/** The ways to reach the mechanism, each named in words (never by an icon or colour alone). */
export function ContactChannels() {
  const { t } = useTranslation();
  return (
    <List spacing="xs" listStyleType="none" ps={0}>
      <List.Item>
        <Text span fw={700}>
          {t('contact.hotline')}
        </Text>{' '}
        <Anchor href={`tel:${CONTACT.hotline}`} className="ltr-value">
          {CONTACT.hotline}
        </Anchor>{' '}
        <Text span>{t('contact.hotlineNote')}</Text>
      </List.Item>
      <List.Item>
        <Text span fw={700}>
          {t('contact.message')}
        </Text>{' '}
        <Anchor href={`sms:${CONTACT.message.replaceAll(' ', '')}`} className="ltr-value">
          {CONTACT.message}
        </Anchor>
      </List.Item>
      <List.Item>
        <Text span fw={700}>
          {t('contact.email')}
        </Text>{' '}
        <Anchor href={`mailto:${CONTACT.email}`} className="ltr-value">
          {CONTACT.email}
        </Anchor>
      </List.Item>
      <List.Item>
        <Text span fw={700}>
          {t('contact.inPerson')}
        </Text>{' '}
        <Text span>{t('contact.inPersonNote')}</Text>
      </List.Item>
    </List>
  );
}
