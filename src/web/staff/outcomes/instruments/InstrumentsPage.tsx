import { Anchor, Badge, Button, FileInput, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelIn } from '../../../../shared/outcomes/form-engine.ts';
import { isApiError } from '../../../api/api.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { useCan } from '../../session.ts';
import { languageName } from './languages.ts';
import { useImportInstrument, useInstruments } from './queries.ts';

/**
 * `outcomes/instruments`: the survey instruments, every version, and (for coordinators and administrators) the
 * import of an XLSForm workbook from Kobo or ODK. A refused form lists each problem with its sheet, row and
 * question, as the server named them.
 */
export default function InstrumentsPage() {
  const { t, i18n } = useTranslation();
  const { date } = useFormatters();
  const instruments = useInstruments();
  const can = useCan();
  const canImport = can('instrument:import');
  return (
    <>
      <ScreenHeader title={t('outcomes.instruments.title')} description={t('outcomes.instruments.intro')} />
      <Stack gap="lg">
        {canImport ? <ImportForm /> : null}
        {instruments.isPending ? (
          <PageLoader />
        ) : instruments.isError ? (
          <ErrorPanel error={instruments.error} onRetry={() => void instruments.refetch()} />
        ) : instruments.data.items.length === 0 ? (
          <Text>{t('outcomes.instruments.none')}</Text>
        ) : (
          <StackTable striped captionSide="top" verticalSpacing="sm">
            <Table.Caption ta="start">
              {t('outcomes.instruments.caption', { count: instruments.data.items.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('outcomes.instruments.form')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.instruments.version')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.instruments.languages')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.instruments.questions')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.instruments.imported')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {instruments.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/staff/outcomes/instruments/${item.id}`} fw={600}>
                      {labelIn(item.title, i18n.language, item.defaultLanguage)}
                    </Anchor>
                    <Text size="xs" c="dimmed" className="ltr-value">
                      {item.formId}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <span className="ltr-value">{item.version}</span>{' '}
                    {item.latest ? <Badge variant="light">{t('outcomes.instruments.latest')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>
                    {item.languages
                      .map((code) => languageName(code, t('outcomes.instruments.defaultLanguage')))
                      .join(', ')}
                  </Table.Td>
                  <Table.Td>{item.questions}</Table.Td>
                  <Table.Td>{date(item.importedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
        )}
      </Stack>
    </>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState('');
  const importing = useImportInstrument();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setDone('');
    importing.mutate(file, {
      onSuccess: (result) =>
        setDone(
          result.created
            ? t('outcomes.instruments.importedNew', {
                formId: result.instrument.formId,
                version: result.instrument.version,
                count: result.instrument.questions,
              })
            : t('outcomes.instruments.importedSame', {
                formId: result.instrument.formId,
                version: result.instrument.version,
              }),
        ),
    });
  };
  const problems = isApiError(importing.error) ? importing.error.fieldErrors : [];
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="instrument-import-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="instrument-import-title">
          {t('outcomes.instruments.import')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('outcomes.instruments.importHelp')}
        </Text>
        <FileInput
          label={t('outcomes.instruments.file')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
          required
        />
        <Button type="submit" loading={importing.isPending} disabled={!file} style={{ alignSelf: 'flex-start' }}>
          {t('outcomes.instruments.importButton')}
        </Button>
        <Done message={done} onClose={() => setDone('')} />
        <FormError error={importing.error} />
        {problems.length > 0 ? (
          <List size="sm" spacing={4} aria-label={t('outcomes.instruments.problems')}>
            {problems.map((problem) => (
              <List.Item key={`${problem.name}-${problem.code}-${problem.message}`}>
                <Text span fw={600} className="ltr-value">
                  {problem.name}
                </Text>
                : <span className="ltr-value">{problem.message}</span>
              </List.Item>
            ))}
          </List>
        ) : null}
        {isApiError(importing.error) && importing.error.existing ? (
          <Anchor component={Link} to={`/staff/outcomes/instruments/${importing.error.existing.id}`}>
            {t('outcomes.instruments.seeExisting')}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
  );
}
