import { Anchor, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../components/format.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { navigationFor } from '../modules.ts';
import { STAFF_MODULES } from '../registry.ts';
import { useMe } from '../session.ts';

/** The workspace's first page: where the person acts, and the screens their roles open. */
export function StaffHome() {
  const { t } = useTranslation();
  const me = useMe();
  const modules = navigationFor(STAFF_MODULES, me.permissions);
  const format = useFormatters();
  return (
    <>
      <ScreenHeader
        title={t('staff.home.welcome', { name: me.user.displayName })}
        description={t('staff.home.actingAs', {
          organisation: me.organisation.name,
          roles: format.list(me.roles.map((role) => t(`role.${role}`))),
        })}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {modules.map((module) => (
          <Paper key={module.id} withBorder p="md" component="section" aria-labelledby={`home-${module.id}`}>
            <Title order={2} size="h4" id={`home-${module.id}`} mb="xs">
              {t(module.label)}
            </Title>
            <List spacing={4}>
              {module.screens.map((screen) => (
                <List.Item key={screen.path}>
                  <Anchor component={Link} to={`/staff/${screen.path}`}>
                    {t(screen.label)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Paper>
        ))}
      </SimpleGrid>
      {modules.length === 0 ? <Text>{t('staff.home.nothing')}</Text> : null}
    </>
  );
}
