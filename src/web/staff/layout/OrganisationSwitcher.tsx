import { Button, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api.ts';
import { errorMessage } from '../../components/forms.tsx';
import { ME_KEY, type Me, useMe } from '../session.ts';

/**
 * Where the person acts now; with several memberships, a menu to act for another organisation. Everything
 * loaded for the previous organisation is dropped, since what one may see depends on where one acts.
 */
export function OrganisationSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const switchTo = useMutation({
    mutationFn: (organisationId: string) => api.post<Me>('/me/organisation', { organisationId }),
    onSuccess: (updated) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, updated);
      setAnnouncement(t('staff.organisation.switched', { name: updated.organisation.name }));
    },
    onError: (error) => setAnnouncement(errorMessage(t, error)),
  });

  if (me.memberships.length < 2) {
    return (
      <Text size="sm" fw={600} visibleFrom="sm" truncate maw={280}>
        {me.organisation.name}
      </Text>
    );
  }
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="sm"
            loading={switchTo.isPending}
            aria-label={t('staff.organisation.button', { name: me.organisation.name })}
            maw={300}
          >
            <Text span truncate size="sm">
              {me.organisation.name}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('staff.organisation.actFor')}</Menu.Label>
          {me.memberships.map(({ organisation }) => {
            const current = organisation.id === me.organisation.id;
            return (
              <Menu.Item
                key={organisation.id}
                disabled={current}
                onClick={() => switchTo.mutate(organisation.id)}
                leftSection={<span aria-hidden="true">{current ? '✓' : ''}</span>}
              >
                {organisation.name}
                {current ? <VisuallyHidden>{t('staff.organisation.current')}</VisuallyHidden> : null}
              </Menu.Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </>
  );
}
