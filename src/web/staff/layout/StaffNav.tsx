import { Box, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useMatch } from 'react-router';
import { navigationFor } from '../modules.ts';
import { STAFF_MODULES } from '../registry.ts';
import { useMe } from '../session.ts';

function NavItem({ to, label, end = false }: { to: string; label: string; end?: boolean }) {
  const active = useMatch({ path: to, end }) !== null;
  // The router's link marks the current page with aria-current="page"; Mantine shows it with a bar and weight.
  return <NavLink component={RouterNavLink} to={to} end={end} label={label} active={active} fw={active ? 700 : 500} />;
}

/** The workspace navigation: grouped by module, listing only the screens the person's roles open. */
export function StaffNav() {
  const { t } = useTranslation();
  const me = useMe();
  const modules = navigationFor(STAFF_MODULES, me.permissions);
  return (
    <nav aria-label={t('staff.nav.label')}>
      <Stack gap="md">
        <NavItem to="/staff" label={t('staff.home.title')} end />
        {modules.map((module) => (
          <div key={module.id}>
            <Text id={`nav-group-${module.id}`} size="xs" fw={700} c="dimmed" px="sm" mb={4}>
              {t(module.label)}
            </Text>
            <Box component="ul" aria-labelledby={`nav-group-${module.id}`} m={0} p={0} style={{ listStyle: 'none' }}>
              {module.screens.map((screen) => (
                <li key={screen.path}>
                  <NavItem to={`/staff/${screen.path}`} label={t(screen.label)} />
                </li>
              ))}
            </Box>
          </div>
        ))}
      </Stack>
    </nav>
  );
}
