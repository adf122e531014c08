import {
  Button,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CONSULTATION_DAYS } from '../../../../shared/forum/constants.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { useLocalName } from '../../zones/ui.tsx';
import { useFrameworks, useOpenConsultation } from './queries.ts';

const EMPTY = { frameworkVersion: '', title: '', summary: '', days: DEFAULT_CONSULTATION_DAYS };

/**
 * Opening a consultation (`consultation:manage`) on a draft of the zone criteria framework not consulted on yet:
 * its title, a summary of what changes, and how many days it stays open (at least the configured minimum, 21 by
 * default; the server refuses a shorter period and says so).
 */
export function OpenConsultation({
  consulted,
  onOpened,
}: {
  consulted: readonly number[];
  onOpened: (title: string) => void;
}) {
  const { t } = useTranslation();
  const open = useOpenConsultation();
  const frameworks = useFrameworks();
  const nameOf = useLocalName();
  const [form, setForm] = useState(EMPTY);
  const drafts = (frameworks.data ?? []).filter(
    (framework) => framework.status === 'draft' && !consulted.includes(framework.version),
  );
  const set = (change: Partial<typeof EMPTY>) => setForm({ ...form, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate(
      {
        frameworkVersion: Number(form.frameworkVersion),
        title: form.title.trim(),
        summary: form.summary.trim(),
        days: form.days,
      },
      {
        onSuccess: (consultation) => {
          setForm(EMPTY);
          onOpened(consultation.title);
        },
      },
    );
  };
  const ready = form.frameworkVersion !== '' && form.title.trim() !== '' && form.summary.trim() !== '';
  return (
    <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="open-consultation">
      <Title order={2} size="h4" id="open-consultation" mb="sm">
        {t('forumConsultations.open.title')}
      </Title>
      {frameworks.isSuccess && drafts.length === 0 ? (
        <Text>{t('forumConsultations.open.noDraft')}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('forumConsultations.open.intro', { days: DEFAULT_CONSULTATION_DAYS })}</Text>
            <FormError error={open.error ?? frameworks.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('forumConsultations.open.draft')}
                value={form.frameworkVersion}
                onChange={(event) => set({ frameworkVersion: event.currentTarget.value })}
                required
                error={fieldError(t, open.error, 'frameworkVersion')}
              >
                <option value="">{t('forumConsultations.open.chooseDraft')}</option>
                {drafts.map((framework) => (
                  <option key={framework.version} value={framework.version}>
                    {t('forumConsultations.open.draftOption', {
                      version: framework.version,
                      title: nameOf(framework.definition.title),
                    })}
                  </option>
                ))}
              </NativeSelect>
              <NumberInput
                label={t('forumConsultations.open.days')}
                description={t('forumConsultations.open.daysHint', { days: DEFAULT_CONSULTATION_DAYS })}
                value={form.days}
                onChange={(value) => set({ days: typeof value === 'number' ? value : Number(value) || 0 })}
                min={1}
                max={365}
                allowDecimal={false}
                required
                error={fieldError(t, open.error, 'days')}
              />
            </SimpleGrid>
            <TextInput
              label={t('forumConsultations.open.name')}
              value={form.title}
              onChange={(event) => set({ title: event.currentTarget.value })}
              maxLength={200}
              required
              error={fieldError(t, open.error, 'title')}
            />
            <Textarea
              label={t('forumConsultations.open.summary')}
              description={t('forumConsultations.open.summaryHint')}
              value={form.summary}
              onChange={(event) => set({ summary: event.currentTarget.value })}
              maxLength={10_000}
              required
              autosize
              minRows={3}
              error={fieldError(t, open.error, 'summary')}
            />
            <div>
              <Button type="submit" loading={open.isPending} disabled={!ready}>
                {t('forumConsultations.open.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
