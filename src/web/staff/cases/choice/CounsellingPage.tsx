import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COERCION_INDICATORS, type CoercionIndicator } from '../../../../shared/cases/constants.ts';
import type { HouseholdVoluntariness, VoluntarinessFile } from '../../../../shared/cases/schemas.ts';
import { LANGUAGES } from '../../../../shared/vocabulary.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { endonym } from '../../../i18n/languages.ts';
import { usePublicZone } from '../../../public/zones/api.ts';
import { Done } from '../../components/Done.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { todayLocal, useDay } from './labels.ts';
import { useHouseholdWrite, useVoluntariness } from './queries.ts';
import { ZoneInformationPanel } from './ZoneInformationPanel.tsx';

/** The largest scanned declaration accepted, in bytes (its base64 stays within the request size). */
const SCAN_MAX_BYTES = 700_000;

/**
 * The counselling form: a member's voluntariness file, step by step and in order. Each step's form opens once the
 * steps before it are recorded; the zone's class and explanation are shown in the person's language to be read to
 * them, then recorded as given. Any coercion indicator raises a protection flag.
 */
export default function CounsellingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useVoluntariness(id);
  const [chosen, setChosen] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const title = t('casesChoice.counselling.title');
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <>
        <ScreenHeader title={title} />
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const data = query.data;
  const file = data.files.find((candidate) => candidate.personId === chosen) ?? data.files[0];
  return (
    <>
      <ScreenHeader
        title={title}
        description={t('casesChoice.counselling.intro', { reference: data.reference })}
        actions={
          <Anchor component={Link} to={`/staff/cases/households/${id}`}>
            {t('casesChoice.counselling.back')}
          </Anchor>
        }
      />
      <Done message={done} onClose={() => setDone('')} />
      {!file ? (
        <Text>{t('casesChoice.voluntariness.noMembers')}</Text>
      ) : (
        <Stack gap="lg" maw={760}>
          <Select
            label={t('casesChoice.counselling.person')}
            data={data.files.map((candidate) => ({
              value: candidate.personId,
              label: `${candidate.name} (${t(`casesChoice.fileStatus.${candidate.status ?? 'none'}`)})`,
            }))}
            value={file.personId}
            onChange={(value) => setChosen(value)}
            allowDeselect={false}
          />
          <Group gap="xs">
            <StatusBadge tone={file.nextStep ? 'fair' : 'good'}>
              {file.nextStep
                ? t('casesChoice.file.next', { step: t(`casesChoice.step.${file.nextStep}`) })
                : t(`casesChoice.fileStatus.${file.status ?? 'none'}`)}
            </StatusBadge>
          </Group>
          <Steps key={file.personId} household={data} file={file} onDone={setDone} />
          <RaiseFlag household={data} file={file} onDone={setDone} />
        </Stack>
      )}
    </>
  );
}

/** One step's card: its title, whether it is done, and its form while it may be recorded. */
function StepCard({
  title,
  state,
  children,
}: {
  title: string;
  state: 'done' | 'open' | 'waiting';
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          <StatusBadge tone={state === 'done' ? 'good' : state === 'open' ? 'fair' : 'neutral'}>
            {t(`casesChoice.stepState.${state}`)}
          </StatusBadge>
        </Group>
        {state === 'waiting' ? <Text size="sm">{t('casesChoice.stepState.waitingHelp')}</Text> : children}
      </Stack>
    </Card>
  );
}

function Steps({
  household,
  file,
  onDone,
}: {
  household: HouseholdVoluntariness;
  file: VoluntarinessFile;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const day = useDay();
  const withdrawn = file.status === 'withdrawn' || file.status === null;
  const order = ['intention', 'counselling', 'zone_information', 'declaration'] as const;
  const reached = (step: (typeof order)[number]) => {
    if (file.nextStep === null || file.nextStep === 'cooling_off') return true;
    return order.indexOf(step) <= order.indexOf(file.nextStep as (typeof order)[number]);
  };
  const counselled = reached('zone_information');
  const informed = reached('declaration');
  const declared = file.declaration !== null && file.status !== 'withdrawn';
  return (
    <>
      <StepCard title={t('casesChoice.step.intention')} state={file.nextStep === 'intention' ? 'open' : 'done'}>
        {file.nextStep === 'intention' ? (
          <IntentionForm household={household} file={file} onDone={onDone} />
        ) : (
          <Text size="sm">
            {t('casesChoice.file.intention', { date: day(file.intentionOn ?? '') })}
            {file.intention ? ` — “${file.intention}”` : ''}
          </Text>
        )}
      </StepCard>
      <StepCard title={t('casesChoice.step.counselling')} state={withdrawn ? 'waiting' : counselled ? 'done' : 'open'}>
        <SessionForm household={household} file={file} onDone={onDone} />
      </StepCard>
      <StepCard
        title={t('casesChoice.step.zone_information')}
        state={withdrawn || !counselled ? 'waiting' : informed ? 'done' : 'open'}
      >
        <ZoneInformationForm household={household} file={file} onDone={onDone} />
      </StepCard>
      <StepCard
        title={t('casesChoice.step.go_and_see')}
        state={withdrawn || !informed ? 'waiting' : file.goAndSee.length > 0 ? 'done' : 'open'}
      >
        <GoAndSeeForm household={household} file={file} onDone={onDone} />
      </StepCard>
      <StepCard
        title={t('casesChoice.step.declaration')}
        state={withdrawn || !informed ? 'waiting' : declared ? 'done' : 'open'}
      >
        {declared && file.declaration ? (
          <Text size="sm">
            {t('casesChoice.file.declaration', {
              date: day(file.declaration.signedOn),
              witness: file.declaration.witness,
            })}
            {file.coolingOffEndsOn
              ? ` ${t(
                  file.nextStep === 'cooling_off' ? 'casesChoice.file.coolingOff' : 'casesChoice.file.coolingOffEnded',
                  {
                    date: day(file.coolingOffEndsOn),
                  },
                )}`
              : ''}
          </Text>
        ) : (
          <DeclarationForm household={household} file={file} onDone={onDone} />
        )}
      </StepCard>
    </>
  );
}

interface FormProps {
  household: HouseholdVoluntariness;
  file: VoluntarinessFile;
  onDone: (message: string) => void;
}

/** Submits a step, and says so when it is recorded. */
function useStep<Body>(props: FormProps, path: string, doneKey: string) {
  const { t } = useTranslation();
  const write = useHouseholdWrite<Body>(props.household.householdId, `people/${props.file.personId}/${path}`);
  const submit = (event: FormEvent, body: Body, after?: () => void) => {
    event.preventDefault();
    write.mutate(body, {
      onSuccess: () => {
        props.onDone(t(doneKey, { name: props.file.name }));
        after?.();
      },
    });
  };
  return { write, submit };
}

function IntentionForm(props: FormProps) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayLocal());
  const [words, setWords] = useState('');
  const { write, submit } = useStep<{ on: string; words?: string }>(props, 'intention', 'casesChoice.done.intention');
  return (
    <form onSubmit={(event) => submit(event, { on, ...(words.trim() ? { words: words.trim() } : {}) })}>
      <Stack gap="sm">
        <FormError error={write.error} />
        <TextInput
          type="date"
          label={t('casesChoice.form.intentionOn')}
          required
          value={on}
          max={todayLocal()}
          onChange={(event) => setOn(event.currentTarget.value)}
          error={fieldError(t, write.error, 'on')}
        />
        <Textarea
          label={t('casesChoice.form.words')}
          description={t('casesChoice.form.wordsHelp')}
          value={words}
          onChange={(event) => setWords(event.currentTarget.value)}
          maxLength={4000}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('casesChoice.form.recordIntention')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SessionForm(props: FormProps) {
  const { t } = useTranslation();
  const [heldOn, setHeldOn] = useState(todayLocal());
  const [language, setLanguage] = useState('ar');
  const [privately, setPrivately] = useState(true);
  const [notes, setNotes] = useState('');
  const [indicators, setIndicators] = useState<string[]>([]);
  const { write, submit } = useStep<{
    heldOn: string;
    language: string;
    private: boolean;
    notes?: string;
    coercionIndicators: CoercionIndicator[];
  }>(props, 'counselling-sessions', 'casesChoice.done.session');
  const reset = () => {
    setNotes('');
    setIndicators([]);
  };
  return (
    <form
      onSubmit={(event) =>
        submit(
          event,
          {
            heldOn,
            language: language.trim(),
            private: privately,
            ...(notes.trim() ? { notes: notes.trim() } : {}),
            coercionIndicators: indicators as CoercionIndicator[],
          },
          reset,
        )
      }
    >
      <Stack gap="sm">
        {props.file.sessions.length > 0 ? (
          <Text size="sm">{t('casesChoice.form.sessionsSoFar', { count: props.file.sessions.length })}</Text>
        ) : null}
        <FormError error={write.error} />
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            type="date"
            label={t('casesChoice.form.heldOn')}
            required
            value={heldOn}
            max={todayLocal()}
            onChange={(event) => setHeldOn(event.currentTarget.value)}
            miw={180}
          />
          <TextInput
            label={t('casesChoice.form.language')}
            description={t('casesChoice.form.languageHelp')}
            required
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value)}
            error={fieldError(t, write.error, 'language')}
            miw={180}
          />
        </Group>
        <Switch
          label={t('casesChoice.form.private')}
          description={t('casesChoice.form.privateHelp')}
          checked={privately}
          onChange={(event) => setPrivately(event.currentTarget.checked)}
        />
        <Checkbox.Group
          label={t('casesChoice.form.indicators')}
          description={t('casesChoice.form.indicatorsHelp')}
          value={indicators}
          onChange={setIndicators}
        >
          <Stack gap={6} mt={6}>
            {COERCION_INDICATORS.map((code) => (
              <Checkbox key={code} value={code} label={t(`casesChoice.indicator.${code}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {indicators.length > 0 ? (
          <Alert color="red" variant="light" title={t('casesChoice.form.flagWillBeRaised')}>
            <Text size="sm">{t('casesChoice.flag.openIntro')}</Text>
          </Alert>
        ) : null}
        <Textarea
          label={t('casesChoice.form.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          maxLength={4000}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('casesChoice.form.recordSession')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ZoneInformationForm(props: FormProps) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const base = i18n.language.split('-')[0] ?? 'en';
  const [language, setLanguage] = useState<string>((LANGUAGES as readonly string[]).includes(base) ? base : 'en');
  const zone = usePublicZone(props.household.destination.pcode);
  const { write, submit } = useStep<{ language: string; publicationId: string | null }>(
    props,
    'zone-information',
    'casesChoice.done.zoneInformation',
  );
  const given = props.file.zoneInformation.at(-1);
  return (
    <Stack gap="sm">
      {given ? (
        <Text size="sm">
          {t('casesChoice.file.zoneInformation', {
            date: day(given.givenOn),
            zoneClass: t(`zoneTerms.class.${given.zoneClass}`),
          })}
        </Text>
      ) : null}
      <Select
        label={t('casesChoice.form.toldIn')}
        data={LANGUAGES.map((code) => ({ value: code, label: endonym(code) }))}
        value={language}
        onChange={(value) => value && setLanguage(value)}
        allowDeselect={false}
        maw={320}
      />
      <Text size="sm">{t('casesChoice.form.readOut')}</Text>
      <Card withBorder padding="sm" bg="gray.0">
        {zone.isPending ? (
          <PageLoader />
        ) : zone.isError ? (
          <ErrorPanel error={zone.error} onRetry={() => void zone.refetch()} />
        ) : (
          <ZoneInformationPanel zone={zone.data} language={language} />
        )}
      </Card>
      <form
        onSubmit={(event) => submit(event, { language, publicationId: zone.data?.current?.publication.id ?? null })}
      >
        <Stack gap="sm">
          <FormError error={write.error} />
          <Group>
            <Button type="submit" loading={write.isPending} disabled={zone.isPending || zone.isError}>
              {t('casesChoice.form.recordZoneInformation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function GoAndSeeForm(props: FormProps) {
  const { t } = useTranslation();
  const day = useDay();
  const [visitedOn, setVisitedOn] = useState(todayLocal());
  const [notes, setNotes] = useState('');
  const { write, submit } = useStep<{ visitedOn: string; notes?: string }>(
    props,
    'go-and-see',
    'casesChoice.done.goAndSee',
  );
  return (
    <form
      onSubmit={(event) =>
        submit(event, { visitedOn, ...(notes.trim() ? { notes: notes.trim() } : {}) }, () => setNotes(''))
      }
    >
      <Stack gap="sm">
        <Text size="sm">{t('casesChoice.form.goAndSeeHelp')}</Text>
        {props.file.goAndSee.map((visit) => (
          <Text size="sm" key={visit.id}>
            {t('casesChoice.file.goAndSee', { date: day(visit.visitedOn) })}
          </Text>
        ))}
        <FormError error={write.error} />
        <TextInput
          type="date"
          label={t('casesChoice.form.visitedOn')}
          required
          value={visitedOn}
          max={todayLocal()}
          onChange={(event) => setVisitedOn(event.currentTarget.value)}
          maw={320}
        />
        <Textarea
          label={t('casesChoice.form.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          maxLength={4000}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" variant="default" loading={write.isPending}>
            {t('casesChoice.form.recordGoAndSee')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A file's bytes as base64, for the scanned declaration. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function DeclarationForm(props: FormProps) {
  const { t } = useTranslation();
  const [signedOn, setSignedOn] = useState(todayLocal());
  const [witness, setWitness] = useState('');
  const [language, setLanguage] = useState('ar');
  const [scan, setScan] = useState<File | null>(null);
  const [scanProblem, setScanProblem] = useState('');
  const { write, submit } = useStep<{ signedOn: string; witness: string; language: string; scan?: string }>(
    props,
    'declaration',
    'casesChoice.done.declaration',
  );
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        if (!witness.trim()) return;
        const encoded = scan ? await base64Of(scan) : undefined;
        submit(event, {
          signedOn,
          witness: witness.trim(),
          language: language.trim(),
          ...(encoded ? { scan: encoded } : {}),
        });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('casesChoice.form.coolingOffHelp', { count: props.household.coolingOffDays })}</Text>
        <FormError error={write.error} />
        <TextInput
          type="date"
          label={t('casesChoice.form.signedOn')}
          required
          value={signedOn}
          max={todayLocal()}
          onChange={(event) => setSignedOn(event.currentTarget.value)}
          maw={320}
        />
        <TextInput
          label={t('casesChoice.form.witness')}
          description={t('casesChoice.form.witnessHelp')}
          required
          value={witness}
          onChange={(event) => setWitness(event.currentTarget.value)}
          maxLength={200}
          error={fieldError(t, write.error, 'witness')}
        />
        <TextInput
          label={t('casesChoice.form.formLanguage')}
          description={t('casesChoice.form.languageHelp')}
          required
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value)}
          maw={320}
        />
        <FileInput
          label={t('casesChoice.form.scan')}
          description={t('casesChoice.form.scanHelp')}
          accept="image/jpeg,image/png,application/pdf"
          value={scan}
          clearable
          error={scanProblem || undefined}
          onChange={(chosen) => {
            if (chosen && chosen.size > SCAN_MAX_BYTES) {
              setScanProblem(t('casesChoice.form.scanTooLarge'));
              setScan(null);
              return;
            }
            setScanProblem('');
            setScan(chosen);
          }}
        />
        <Group>
          <Button type="submit" loading={write.isPending} disabled={!witness.trim()}>
            {t('casesChoice.form.recordDeclaration')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RaiseFlag({ household, file, onDone }: FormProps) {
  const { t } = useTranslation();
  const [indicators, setIndicators] = useState<string[]>([]);
  const write = useHouseholdWrite<{ personId: string; indicators: string[] }>(
    household.householdId,
    'protection-flags',
  );
  return (
    <Card withBorder padding="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (indicators.length === 0) return;
          write.mutate(
            { personId: file.personId, indicators },
            {
              onSuccess: () => {
                setIndicators([]);
                onDone(t('casesChoice.done.flag'));
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('casesChoice.flag.raiseTitle')}
          </Title>
          <Text size="sm">{t('casesChoice.flag.raiseHelp', { name: file.name })}</Text>
          <FormError error={write.error} />
          <Checkbox.Group label={t('casesChoice.form.indicators')} value={indicators} onChange={setIndicators}>
            <Stack gap={6} mt={6}>
              {COERCION_INDICATORS.map((code) => (
                <Checkbox key={code} value={code} label={t(`casesChoice.indicator.${code}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group>
            <Button type="submit" color="red.9" loading={write.isPending} disabled={indicators.length === 0}>
              {t('casesChoice.flag.raise')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
