import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/cases/constants.ts';
import type { CaseSearchRequest } from '../../../../shared/cases/schemas/people.ts';
import { FormError } from '../../../components/forms.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { ZoneName } from '../../components/ZoneName.tsx';
import { useMe } from '../../session.ts';
import { useCaseSearch } from './queries.ts';

type By = 'name' | 'document' | 'phone';

/**
 * The cases module's landing page: find a household by a member's exact name, a document number or a phone.
 * The terms are sent in a POST body and turned into blind indexes on the server; the results show references,
 * stages and zones, and which member matched, never names.
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [by, setBy] = useState<By>('name');
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const search = useCaseSearch();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = term.trim();
    if (!value) return;
    const body: CaseSearchRequest =
      by === 'name'
        ? { name: value }
        : by === 'phone'
          ? { phone: value }
          : { document: kind ? { kind, number: value } : { number: value } };
    search.mutate(body);
  };
  const results = search.data?.items;
  return (
    <>
      <ScreenHeader
        title={t('people.search.title')}
        description={t('people.search.intro')}
        actions={
          <Group gap="xs">
            {me.permissions.includes('case:register') ? (
              <Button component={Link} to="/staff/cases/register">
                {t('people.register.title')}
              </Button>
            ) : null}
            <Button component={Link} to="/staff/cases/households" variant="default">
              {t('people.list.title')}
            </Button>
          </Group>
        }
      />
      <Paper withBorder p="md" component="form" onSubmit={submit} role="search" aria-label={t('people.search.title')}>
        <Stack gap="sm">
          <SegmentedControl
            value={by}
            onChange={(value) => setBy(value as By)}
            data={(['name', 'document', 'phone'] as const).map((value) => ({
              value,
              label: t(`people.search.by.${value}`),
            }))}
            fullWidth
            aria-label={t('people.search.byLabel')}
          />
          {by === 'document' ? (
            <NativeSelect
              label={t('people.document.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as DocumentKind | '')}
            >
              <option value="">{t('people.search.anyKind')}</option>
              {DOCUMENT_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`people.documentKind.${value}`)}
                </option>
              ))}
            </NativeSelect>
          ) : null}
          <TextInput
            label={t(`people.search.term.${by}`)}
            description={t(`people.search.hint.${by}`)}
            value={term}
            onChange={(event) => setTerm(event.currentTarget.value)}
            autoComplete="off"
            dir={by === 'name' ? 'auto' : 'ltr'}
            required
            name="term"
          />
          <Group>
            <Button type="submit" loading={search.isPending}>
              {t('people.search.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <FormError error={search.error} />
      {results ? (
        results.length === 0 ? (
          <Text mt="md" role="status">
            {t('people.search.none')}
          </Text>
        ) : (
          <StackTable striped captionSide="top" mt="md">
            <Table.Caption ta="start" role="status">
              {t('people.search.caption', { count: results.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.reference')}</Table.Th>
                <Table.Th scope="col">{t('people.stageColumn')}</Table.Th>
                <Table.Th scope="col">{t('people.zone')}</Table.Th>
                <Table.Th scope="col">{t('people.search.matchedColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((result) => (
                <Table.Tr key={`${result.householdId}-${result.memberPosition}`}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/staff/cases/households/${result.householdId}`} fw={600}>
                      <span className="ltr-value">{result.reference}</span>
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`people.stage.${result.stage}`)}</Table.Td>
                  <Table.Td>
                    <ZoneName pcode={result.intendedPcode} names={result.intendedZoneName} />
                  </Table.Td>
                  <Table.Td>
                    {t('people.search.matched', {
                      field: t(`people.search.by.${result.matched}`),
                      relationship: t(`people.relationship.${result.relationship}`),
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
        )
      ) : null}
    </>
  );
}
