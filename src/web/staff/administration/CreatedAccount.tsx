import { Alert, Anchor, Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Mono } from '../components/Mono.tsx';
import type { CreatedUser } from './types.ts';

/**
 * What the administrator sees once an account exists: a generated one-time password is shown here this once
 * (the server keeps only its hash), to pass on to the person by a safe channel.
 */
export function CreatedAccount({ created, onAnother }: { created: CreatedUser; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { user, oneTimePassword } = created;
  return (
    <Paper withBorder p="lg" maw={720} component="section" aria-labelledby="created-account">
      <Stack gap="md">
        <Title order={2} size="h3" id="created-account" ref={heading} tabIndex={-1}>
          {t('administration.user.created', { name: user.displayName })}
        </Title>
        {oneTimePassword ? (
          <Alert color="yellow" variant="light" title={t('administration.user.oneTimeTitle')}>
            <Stack gap="sm">
              <Text size="sm">{t('administration.user.oneTimeText')}</Text>
              <Group gap="sm">
                <Text span fw={700} size="lg">
                  <Mono>{oneTimePassword}</Mono>
                </Text>
                <CopyButton value={oneTimePassword}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? t('administration.user.copied') : t('administration.user.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Text>{t('administration.user.passwordGiven')}</Text>
        )}
        <Group gap="md">
          <Anchor component={Link} to={`/staff/administration/users/${user.id}`}>
            {t('administration.user.openPage', { name: user.displayName })}
          </Anchor>
          <Button variant="default" onClick={onAnother}>
            {t('administration.user.createAnother')}
          </Button>
          <Anchor component={Link} to="/staff/administration/users">
            {t('administration.user.backToList')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
