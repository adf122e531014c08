import {
  Alert,
  Button,
  FileInput,
  List,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_INSTRUMENT_FORM_ID, type Population, ROUNDS } from '../../../../shared/outcomes/constants.ts';
import type { ImportedResponses, ImportResponsesRequest } from '../../../../shared/outcomes/schemas/imports.ts';
import { api } from '../../../api/api.ts';
import { isApiError } from '../../../api/problem.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';

/** The largest file the server takes by default (HOMEWARD_OUTCOME_IMPORT_MAX_BYTES): refused here before sending. */
const MAX_BYTES = 20 * 1024 * 1024;

/** The file as base64, without reading it into a string of text first. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * `outcomes/imports`: a KoboToolbox (CSV, XLSX, JSON) or ODK Central (CSV, or its zip) export of answers, imported all or
 * nothing. A refused file lists every problem by its line and question, so that it can be fixed and sent again;
 * an imported one says how many answer sets were stored and how many were already there.
 */
export default function ImportAnswersPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const [formId, setFormId] = useState<string>(DEFAULT_INSTRUMENT_FORM_ID);
  const [population, setPopulation] = useState<Population>('returnee');
  const [round, setRound] = useState('');
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const body: ImportResponsesRequest = {
        formId: formId.trim(),
        fileName: chosen.name,
        contentBase64: await base64Of(chosen),
        population,
        ...(round ? { round: Number(round) as ImportResponsesRequest['round'] } : {}),
      };
      return api.post<ImportedResponses>('/outcomes/imports', body);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileProblem(t('outcomes.imports.fileRequired'));
      return;
    }
    upload.mutate(file);
  };
  const refusal = isApiError(upload.error) && upload.error.code === 'validation_failed' ? upload.error : undefined;
  const rowProblems = refusal?.fieldErrors.filter((p) => !p.field.startsWith('body.')) ?? [];
  const roundMissing = population === 'resident' && !round;
  return (
    <>
      <ScreenHeader title={t('outcomes.imports.title')} description={t('outcomes.imports.intro')} />
      <Stack gap="lg" maw={880}>
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <FileInput
                label={t('outcomes.imports.file')}
                description={t('outcomes.imports.fileHelp')}
                accept=".csv,.xlsx,.json,.zip,text/csv,application/json,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                clearable
                clearButtonProps={{ 'aria-label': t('outcomes.imports.clearFile') }}
                required
                error={fileProblem || undefined}
                onChange={(chosen) => {
                  upload.reset();
                  if (chosen && chosen.size > MAX_BYTES) {
                    setFileProblem(t('outcomes.imports.fileTooLarge', { megabytes: MAX_BYTES / 1024 / 1024 }));
                    setFile(null);
                    return;
                  }
                  setFileProblem('');
                  setFile(chosen);
                }}
              />
              <TextInput
                label={t('outcomes.imports.form')}
                description={t('outcomes.imports.formHelp')}
                value={formId}
                onChange={(event) => setFormId(event.currentTarget.value)}
                error={fieldError(t, upload.error, 'formId')}
                dir="ltr"
                maw={360}
                required
              />
              <Radio.Group
                label={t('outcomes.imports.population')}
                value={population}
                onChange={(value) => setPopulation(value as Population)}
              >
                <Stack gap={6} mt={6}>
                  <Radio value="returnee" label={t('outcomes.imports.population.returnee')} />
                  <Radio value="resident" label={t('outcomes.imports.population.resident')} />
                </Stack>
              </Radio.Group>
              <NativeSelect
                label={t('outcomes.imports.round')}
                description={
                  population === 'resident' ? t('outcomes.imports.roundResident') : t('outcomes.imports.roundReturnee')
                }
                value={round}
                onChange={(event) => setRound(event.currentTarget.value)}
                data={[
                  ...(population === 'returnee' ? [{ value: '', label: t('outcomes.imports.roundNearest') }] : []),
                  ...(population === 'resident' ? [{ value: '', label: t('outcomes.imports.roundChoose') }] : []),
                  ...ROUNDS.map((r) => ({ value: String(r), label: t('outcomes.imports.roundMonths', { count: r }) })),
                ]}
                error={roundMissing && upload.isError ? t('outcomes.imports.roundRequired') : undefined}
                maw={360}
              />
              <div>
                <Button type="submit" loading={upload.isPending} disabled={roundMissing}>
                  {t('outcomes.imports.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        </Paper>

        {upload.isSuccess ? (
          <Alert color="green" variant="light" title={t('outcomes.imports.done')} role="status">
            <List size="sm">
              <List.Item>{t('outcomes.imports.created', { count: upload.data.created })}</List.Item>
              <List.Item>{t('outcomes.imports.unchanged', { count: upload.data.unchanged })}</List.Item>
              {upload.data.skipped > 0 ? (
                <List.Item>{t('outcomes.imports.skipped', { count: upload.data.skipped })}</List.Item>
              ) : null}
            </List>
          </Alert>
        ) : null}

        {refusal && rowProblems.length > 0 ? (
          <Stack gap="xs" role="alert">
            <Title order={2} size="h3">
              {t('outcomes.imports.refused')}
            </Title>
            <Text>{t('outcomes.imports.refusedHelp', { count: rowProblems.length })}</Text>
            <StackTable striped captionSide="top">
              <Table.Caption ta="start">{t('outcomes.imports.problems', { count: rowProblems.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outcomes.imports.where')}</Table.Th>
                  <Table.Th scope="col">{t('outcomes.imports.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowProblems.map((problem) => (
                  <Table.Tr key={`${problem.field}|${problem.code}|${problem.message}`}>
                    <Table.Th scope="row">
                      <span className="ltr-value">{problem.field}</span>
                    </Table.Th>
                    <Table.Td>
                      <span lang="en">{problem.message}</span>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackTable>
          </Stack>
        ) : upload.isError ? (
          <FormError error={upload.error} />
        ) : null}
      </Stack>
    </>
  );
}
