import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Evidence } from '../../../shared/forum/schemas/common.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageStatus, usePageTitle } from '../../components/page.ts';
import { RECORD_ID } from './api.ts';

/** A forum record's page when the address names no such record (status 404). */
export function RecordNotFound({ back, backLabel }: { back: string; backLabel: string }) {
  const { t } = useTranslation();
  usePageTitle(t('forumPortal.notFound.title'));
  usePageStatus(404);
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('forumPortal.notFound.title')}</Title>
      <Text>{t('forumPortal.notFound.text')}</Text>
      <Anchor component={Link} to={back}>
        {backLabel}
      </Anchor>
    </Stack>
  );
}

/** The loader, the error with its retry, or the page's content once its data is here. */
export function Loaded<T>({
  query,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError || query.data === undefined) {
    return <ErrorPanel error={query.error as Error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

/** Where a piece of evidence points: a published record of Homeward, or a web link. */
function evidenceHref(evidence: Evidence): string | null {
  if (evidence.kind === 'link') return evidence.ref;
  const pcode = /^[A-Z]{2}[0-9]{0,12}\b/.exec(evidence.ref)?.[0];
  if (evidence.kind === 'zone_class' && pcode) return `/zones/${pcode}`;
  if (evidence.kind === 'commitment' && RECORD_ID.test(evidence.ref)) return `/commitments/${evidence.ref}`;
  if (evidence.kind === 'outcome_figure') return '/outcomes';
  if (evidence.kind === 'gateway_figure') return '/feedback/figures';
  return null;
}

/** The evidence a position, an update or a flag rests on, each with what it is and, where public, its link. */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('forumPortal.evidence.title')}
      </Text>
      <List size="sm">
        {evidence.map((item) => {
          const href = evidenceHref(item);
          const label = `${t(`forumPortal.evidence.${item.kind}`)}: ${item.note ?? item.ref}`;
          return (
            <List.Item key={`${item.kind}:${item.ref}`} style={{ overflowWrap: 'anywhere' }}>
              {href?.startsWith('/') ? (
                <Anchor component={Link} to={href}>
                  {label}
                </Anchor>
              ) : href ? (
                <Anchor href={href} rel="noopener noreferrer nofollow">
                  {label}
                </Anchor>
              ) : (
                label
              )}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
