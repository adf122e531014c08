import { Anchor, AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { useFocusOnNavigate } from '../../components/page.ts';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.tsx';
import { useMe } from '../session.ts';
import { OrganisationSwitcher } from './OrganisationSwitcher.tsx';
import { SignOutButton } from './SignOutButton.tsx';
import { StaffNav } from './StaffNav.tsx';

/** The signed-in frame: banner (organisation, account, sign-out), navigation by module, and the screen. */
export function StaffLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [navOpen, nav] = useDisclosure(false);
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname) nav.close(); // on a phone, the opened navigation closes once a screen is chosen
  }, [pathname, nav.close]);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 270, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpen}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t(navOpen ? 'staff.nav.close' : 'staff.nav.open')}
                aria-expanded={navOpen}
                aria-controls="staff-navigation"
              />
              <Anchor component={Link} to="/staff" underline="never" c="homeward.9" fw={800} fz="lg">
                {t('app.name')}{' '}
                <Text span fw={500} c="dimmed" fz="sm">
                  {t('staff.workspace')}
                </Text>
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <OrganisationSwitcher />
              <Anchor component={Link} to="/staff/account" size="sm" visibleFrom="md" truncate maw={200}>
                {me.user.displayName}
              </Anchor>
              <SignOutButton />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id="staff-navigation" p="sm" component="div">
          {/* The navigation scrolls within the bar when it is taller than the window (many modules, a short screen). */}
          <AppShell.Section grow component={ScrollArea} type="auto" offsetScrollbars>
            <StaffNav />
          </AppShell.Section>
          <AppShell.Section pt="sm" component="section" aria-label={t('language.label')}>
            <LanguageSelect />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} ref={main} tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
