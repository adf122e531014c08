import { Box, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { currentEntry, navigationFor } from '../modules.ts';
import { STAFF_MODULES } from '../registry.ts';
import { useMe } from '../session.ts';

function NavItem({ to, label, current }: { to: string; label: string; current: string | undefined }) {
  const active = to === current;
  // One entry is the current page (aria-current="page"); Mantine shows it with a bar and weight.
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      fw={active ? 700 : 500}
    />
  );
}

/** The workspace navigation: grouped by module, listing only the screens the person's roles open. */
export function StaffNav() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const modules = navigationFor(STAFF_MODULES, me.permissions);
  const current = currentEntry(pathname, [
    { to: '/staff', exact: true },
    ...modules.flatMap((module) => module.screens.map((screen) => ({ to: `/staff/${screen.path}` }))),
  ]);
  return (
    <nav aria-label={t('staff.nav.label')}>
      <Stack gap="md">
        <NavItem to="/staff" label={t('staff.home.title')} current={current} />
        {modules.map((module) => (
          <div key={module.id}>
            <Text id={`nav-group-${module.id}`} size="xs" fw={700} c="dimmed" px="sm" mb={4}>
              {t(module.label)}
            </Text>
            <Box component="ul" aria-labelledby={`nav-group-${module.id}`} m={0} p={0} style={{ listStyle: 'none' }}>
              {module.screens.map((screen) => (
                <li key={screen.path}>
                  <NavItem to={`/staff/${screen.path}`} label={t(screen.label)} current={current} />
                </li>
              ))}
            </Box>
          </div>
        ))}
      </Stack>
    </nav>
  );
}
