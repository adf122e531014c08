import { Anchor, Box, Container, Group, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useFocusOnNavigate } from '../components/page.ts';
import { MAIN_ID, SkipLink } from '../components/SkipLink.tsx';
import { ContactChannels } from './ContactChannels.tsx';
import { LanguageForm } from './LanguageForm.tsx';

function HeaderLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={NavLink} to={to} end fw={600} underline="always" c="homeward.8">
      {children}
    </Anchor>
  );
}

/** The public portal's frame: banner with navigation and language, the page, and a footer with contacts. */
export function PublicLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLDivElement>(null);
  useFocusOnNavigate(main);
  return (
    <>
      <SkipLink />
      <Box
        component="header"
        bg="homeward.0"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-homeward-2)' }}
      >
        <Container size="lg">
          <Group justify="space-between" align="end" gap="md">
            <Anchor component={Link} to="/" underline="never" c="homeward.9" fz="xl" fw={800}>
              {t('app.name')}
            </Anchor>
            <Box component="nav" aria-label={t('public.nav.label')}>
              <Group gap="lg">
                <HeaderLink to="/">{t('public.nav.home')}</HeaderLink>
                <HeaderLink to="/zones">{t('publicZones.nav')}</HeaderLink>
                <HeaderLink to="/feedback">{t('gatewayPortal.nav')}</HeaderLink>
                <HeaderLink to="/help">{t('public.nav.help')}</HeaderLink>
                <HeaderLink to="/languages">{t('public.nav.languages')}</HeaderLink>
              </Group>
            </Box>
            <LanguageForm />
          </Group>
        </Container>
      </Box>
      <Container component="main" id={MAIN_ID} ref={main} tabIndex={-1} size="lg" py="xl">
        <Outlet />
      </Container>
      <Box
        component="footer"
        bg="gray.1"
        py="xl"
        mt="xl"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="lg">
          <Title order={2} size="h3" mb="sm">
            {t('footer.contactTitle')}
          </Title>
          <Text mb="sm">{t('footer.contactIntro')}</Text>
          <ContactChannels />
          <Box component="nav" aria-label={t('footer.nav.label')} mt="lg">
            <Group gap="lg">
              <Anchor component={Link} to="/zones">
                {t('publicZones.nav')}
              </Anchor>
              <Anchor component={Link} to="/feedback">
                {t('gatewayPortal.nav')}
              </Anchor>
              <Anchor component={Link} to="/outcomes">
                {t('outcomes.figures.nav')}
              </Anchor>
              <Anchor component={Link} to="/timeline">
                {t('forum.timeline.footer')}
              </Anchor>
              <Anchor component={Link} to="/commitments">
                {t('forumPortal.commitments.title')}
              </Anchor>
              <Anchor component={Link} to="/consultations">
                {t('forumPortal.consultations.title')}
              </Anchor>
              <Anchor component={Link} to="/help">
                {t('public.nav.help')}
              </Anchor>
              <Anchor component={Link} to="/languages">
                {t('public.nav.languages')}
              </Anchor>
              <Anchor component={Link} to="/staff/sign-in">
                {t('footer.staffSignIn')}
              </Anchor>
            </Group>
          </Box>
          <Text size="sm" mt="lg">
            {t('footer.privacy')}
          </Text>
        </Container>
      </Box>
    </>
  );
}
