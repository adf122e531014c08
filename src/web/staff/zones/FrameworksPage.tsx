import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Done } from '../components/Done.tsx';
import { useFilters } from '../components/filters.ts';
import { Mono } from '../components/Mono.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { FrameworkView } from './FrameworkView.tsx';
import { useFrameworks } from './queries.ts';
import type { FrameworkVersion } from './types.ts';

function VersionStatus({ version, active }: { version: FrameworkVersion; active: boolean }) {
  const { t } = useTranslation();
  if (version.status === 'draft') return <StatusBadge tone="fair">{t('zones.framework.status.draft')}</StatusBadge>;
  return (
    <StatusBadge tone={active ? 'good' : 'neutral'}>
      {active ? t('zones.framework.active') : t('zones.framework.status.published')}
    </StatusBadge>
  );
}

/** The criteria framework's versions: read any of them, edit the one draft, publish it. Published versions stay as they are. */
export default function FrameworksPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const versions = useFrameworks();
  const [{ version: chosen }, setFilters] = useFilters({ version: '' });
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState('');
  if (versions.isPending) return <PageLoader />;
  if (versions.isError)
    return (
      <>
        <ScreenHeader title={t('zones.frameworks')} />
        <ErrorPanel error={versions.error} onRetry={() => void versions.refetch()} />
      </>
    );
  const list = versions.data;
  const active = list.find((version) => version.status === 'published');
  const draft = list.find((version) => version.status === 'draft');
  const shown = list.find((version) => String(version.version) === chosen) ?? active;

  return (
    <>
      <ScreenHeader
        title={t('zones.frameworks')}
        description={t('zones.framework.intro')}
        actions={
          !editing && (draft || active) ? (
            <Button onClick={() => setEditing(true)}>
              {draft
                ? t('zones.framework.editDraft', { version: draft.version })
                : t('zones.framework.createDraft', { version: active?.version ?? 0 })}
            </Button>
          ) : null
        }
      />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        {editing && (draft || active) ? (
          <DraftEditor
            draft={draft}
            base={(draft ?? active)!.definition}
            onSaved={setDone}
            onPublished={(message) => {
              setEditing(false);
              setFilters({ version: '' });
              setDone(message);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : null}
        <Paper withBorder p="md" component="section" aria-labelledby="framework-versions">
          <Title order={2} size="h4" id="framework-versions" mb="sm">
            {t('zones.framework.versionsTitle')}
          </Title>
          <StackTable striped captionSide="top" verticalSpacing="sm">
            <Table.Caption ta="start">{t('zones.framework.versionsCaption', { count: list.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('zones.framework.version')}</Table.Th>
                <Table.Th scope="col">{t('zones.framework.statusLabel')}</Table.Th>
                <Table.Th scope="col">{t('zones.framework.publishedAt')}</Table.Th>
                <Table.Th scope="col">{t('zones.framework.hash')}</Table.Th>
                <Table.Th scope="col">{t('administration.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((version) => {
                const label = t('zones.framework.versionNumber', { version: version.version });
                return (
                  <Table.Tr key={version.id}>
                    <Table.Th scope="row">{label}</Table.Th>
                    <Table.Td>
                      <VersionStatus version={version} active={version.id === active?.id} />
                    </Table.Td>
                    <Table.Td>
                      {version.publishedAt
                        ? format.dateTime(version.publishedAt)
                        : t('zones.framework.notPublished', { date: format.dateTime(version.createdAt) })}
                    </Table.Td>
                    <Table.Td>
                      <Mono>{version.definitionHash}</Mono>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={shown?.id === version.id ? 'filled' : 'default'}
                        aria-pressed={shown?.id === version.id}
                        onClick={() => setFilters({ version: String(version.version) })}
                        aria-label={t('zones.framework.viewNamed', { version: label })}
                      >
                        {t('zones.framework.view')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </StackTable>
        </Paper>
        {shown ? (
          <Paper withBorder p="md" component="section" aria-labelledby="framework-shown">
            <Title order={2} size="h4" id="framework-shown" mb="xs">
              {t('zones.framework.shownTitle', { version: shown.version })}
            </Title>
            <Text size="sm" mb="md">
              {shown.status === 'published' ? t('zones.framework.readOnly') : t('zones.framework.draftShown')}
            </Text>
            <FrameworkView framework={shown} />
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
