import {
  Button,
  Checkbox,
  FileInput,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  Group as Row,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Answers,
  type AnswerValue,
  type FormDefinition,
  type FormNode,
  type Group,
  METADATA_TYPES,
  type Question,
} from '../../../../shared/outcomes/form.ts';
import {
  type AnswerProblem,
  type EngineOptions,
  type LiveForm,
  labelIn,
  liveForm,
} from '../../../../shared/outcomes/form-engine.ts';

/**
 * An instrument's form, rendered from its XLSForm definition in one of its languages (right to left for Arabic,
 * Kurdish Sorani, Persian, Pashto and Urdu), showing and hiding questions as they are answered with the very
 * engine the server checks answers with. Groups are fieldsets; a repeat lists its instances (as many as its
 * repeat_count says, or added and removed by hand); a geopoint is two numbers; an image question keeps only the
 * chosen file's name (the picture itself is not uploaded from this form).
 *
 * The parent holds the answers (`onChange` gives the new set). `problems` are the server's, by field path; the
 * form's own live checks (constraints, types, choices) show as soon as an answer is given, and unanswered
 * required questions once `showRequired` is set (after a first attempt to save).
 */
export interface FormRendererProps {
  form: FormDefinition;
  language: string;
  answers: Answers;
  onChange: (answers: Answers) => void;
  problems?: readonly AnswerProblem[];
  showRequired?: boolean;
  options?: EngineOptions;
  disabled?: boolean;
}

const RTL = new Set(['ar', 'ckb', 'fa', 'prs', 'ps', 'ur', 'he', 'ku-arab']);
export const directionOfLanguage = (language: string): 'rtl' | 'ltr' =>
  RTL.has(language.toLowerCase()) ? 'rtl' : 'ltr';

/** A label's `${name}` references filled with the answers as they stand (in the same repeat instance first). */
function filled(text: string, live: LiveForm, prefix: string): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g, (_, name: string) => {
    const value = live.valueOf(`${prefix}${name}`) ?? live.valueOf(name);
    return value === undefined || value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  });
}

const isHidden = (q: Question) => q.type === 'calculate' || (METADATA_TYPES as readonly string[]).includes(q.type);

/** The answers with every repeat holding as many instances as its repeat_count says (dropping the extra ones). */
function withRepeatCounts(form: FormDefinition, answers: Answers, live: LiveForm): Answers {
  let changed = false;
  const sync = (nodes: readonly FormNode[], scope: Answers, prefix: string): Answers => {
    let out = scope;
    for (const node of nodes) {
      if (node.kind === 'question') continue;
      if (node.kind === 'group') {
        out = sync(node.children, out, prefix);
        continue;
      }
      const path = `${prefix}${node.name}`;
      const given = Array.isArray(out[node.name]) ? (out[node.name] as Answers[]) : [];
      const count = live.isRelevant(path) ? live.repeatCount(path) : undefined;
      let list = given;
      if (count !== undefined && count !== given.length) {
        list = Array.from({ length: count }, (_, i) => given[i] ?? {});
        changed = true;
      }
      const inner = list.map((instance, i) => sync(node.children, instance, `${path}[${i + 1}]/`));
      if (inner.some((instance, i) => instance !== list[i])) list = inner;
      if (list !== given) {
        out = { ...out };
        if (list.length === 0) delete out[node.name];
        else out[node.name] = list;
      }
    }
    return out;
  };
  const synced = sync(form.children, answers, '');
  return changed ? synced : answers;
}

export function FormRenderer(props: FormRendererProps) {
  const { form, language, answers, onChange } = props;
  const live = useMemo(() => liveForm(form, answers, props.options), [form, answers, props.options]);
  useEffect(() => {
    const synced = withRepeatCounts(form, answers, live);
    if (synced !== answers) onChange(synced);
  }, [form, answers, live, onChange]);
  const problems = useMemo(() => {
    const byField = new Map<string, AnswerProblem>();
    for (const problem of live.problems) {
      if (problem.code === 'required' && !props.showRequired) continue;
      if (problem.code === 'repeat_count') continue;
      byField.set(problem.field, problem);
    }
    for (const problem of props.problems ?? []) byField.set(problem.field, problem);
    return byField;
  }, [live, props.problems, props.showRequired]);
  const dir = directionOfLanguage(language);
  return (
    <div dir={dir} lang={language === 'default' ? undefined : language} className="outcome-form">
      <Stack gap="md">
        <Nodes
          nodes={form.children}
          scope={answers}
          prefix=""
          onScope={onChange}
          ctx={{ form, language, live, problems, disabled: props.disabled === true }}
        />
      </Stack>
    </div>
  );
}

interface RenderContext {
  form: FormDefinition;
  language: string;
  live: LiveForm;
  problems: Map<string, AnswerProblem>;
  disabled: boolean;
}

function Nodes({
  nodes,
  scope,
  prefix,
  onScope,
  ctx,
}: {
  nodes: readonly FormNode[];
  scope: Answers;
  prefix: string;
  onScope: (scope: Answers) => void;
  ctx: RenderContext;
}) {
  return (
    <>
      {nodes.map((node) => {
        const path = `${prefix}${node.name}`;
        if (!ctx.live.isRelevant(path)) return null;
        if (node.kind === 'group') {
          return (
            <GroupBlock key={node.name} group={node} ctx={ctx}>
              <Nodes nodes={node.children} scope={scope} prefix={prefix} onScope={onScope} ctx={ctx} />
            </GroupBlock>
          );
        }
        if (node.kind === 'repeat') {
          return (
            <RepeatBlock key={node.name} repeat={node} scope={scope} prefix={prefix} onScope={onScope} ctx={ctx} />
          );
        }
        if (node.kind !== 'question' || isHidden(node)) return null;
        const set = (name: string, value: AnswerValue | undefined) => {
          const next = { ...scope };
          if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
            delete next[name];
          } else next[name] = value;
          onScope(next);
        };
        return (
          <QuestionField
            key={node.name}
            question={node}
            scope={scope}
            path={path}
            prefix={prefix}
            set={set}
            ctx={ctx}
          />
        );
      })}
    </>
  );
}

function GroupBlock({ group, ctx, children }: { group: Group; ctx: RenderContext; children: React.ReactNode }) {
  const label = labelIn(group.label, ctx.language, ctx.form.defaultLanguage);
  return (
    <Paper withBorder p="md" component="fieldset" style={{ margin: 0 }}>
      {label ? (
        <Title order={2} size="h4" component="legend" px={4}>
          {label}
        </Title>
      ) : null}
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function RepeatBlock({
  repeat,
  scope,
  prefix,
  onScope,
  ctx,
}: {
  repeat: Group;
  scope: Answers;
  prefix: string;
  onScope: (scope: Answers) => void;
  ctx: RenderContext;
}) {
  const { t } = useTranslation();
  const path = `${prefix}${repeat.name}`;
  const instances = Array.isArray(scope[repeat.name]) ? (scope[repeat.name] as Answers[]) : [];
  const fixed = ctx.live.repeatCount(path) !== undefined;
  const label = labelIn(repeat.label, ctx.language, ctx.form.defaultLanguage) || repeat.name;
  const write = (list: Answers[]) => {
    const next = { ...scope };
    if (list.length === 0) delete next[repeat.name];
    else next[repeat.name] = list;
    onScope(next);
  };
  return (
    <Paper withBorder p="md" component="fieldset" style={{ margin: 0 }}>
      <Title order={2} size="h4" component="legend" px={4}>
        {label}
      </Title>
      <Stack gap="md">
        {instances.map((instance, i) => (
          // An instance is known by its position alone: its answers' paths are `repeat[2]/question`.
          // biome-ignore lint/suspicious/noArrayIndexKey: positional by design, as the engine's paths are
          <Paper key={`${repeat.name}-${i + 1}`} withBorder p="sm" component="section" aria-label={`${label} ${i + 1}`}>
            <Row justify="space-between" mb="xs">
              <Text fw={600}>{t('outcomes.form.instance', { label, number: i + 1 })}</Text>
              {fixed || ctx.disabled ? null : (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => write(instances.filter((_, j) => j !== i))}
                >
                  {t('outcomes.form.remove', { label, number: i + 1 })}
                </Button>
              )}
            </Row>
            <Stack gap="md">
              <Nodes
                nodes={repeat.children}
                scope={instance}
                prefix={`${path}[${i + 1}]/`}
                onScope={(next) => write(instances.map((item, j) => (j === i ? next : item)))}
                ctx={ctx}
              />
            </Stack>
          </Paper>
        ))}
        {instances.length === 0 ? <Text c="dimmed">{t('outcomes.form.noInstances')}</Text> : null}
        {fixed || ctx.disabled ? null : (
          <Button variant="light" onClick={() => write([...instances, {}])} style={{ alignSelf: 'flex-start' }}>
            {t('outcomes.form.add', { label })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function problemText(
  t: (key: string, options?: Record<string, unknown>) => string,
  problem: AnswerProblem | undefined,
  question: Question,
  language: string,
): string | undefined {
  if (!problem) return undefined;
  if (problem.messages) return problem.messages[language] ?? problem.message;
  if (problem.code === 'required' && question.requiredMessage) {
    return labelIn(question.requiredMessage, language);
  }
  return t(`outcomes.form.problem.${problem.code}`);
}

function QuestionField({
  question,
  scope,
  path,
  prefix,
  set,
  ctx,
}: {
  question: Question;
  scope: Answers;
  path: string;
  prefix: string;
  set: (name: string, value: AnswerValue | undefined) => void;
  ctx: RenderContext;
}) {
  const { t } = useTranslation();
  const { form, language } = ctx;
  const label = filled(labelIn(question.label, language, form.defaultLanguage), ctx.live, prefix) || question.name;
  const hint = question.hint
    ? filled(labelIn(question.hint, language, form.defaultLanguage), ctx.live, prefix)
    : undefined;
  const error = problemText(t, ctx.problems.get(path), question, language);
  const value = scope[question.name] as AnswerValue | undefined;
  const required = question.required !== undefined && question.required !== false;
  const disabled = ctx.disabled || question.readOnly === true;
  const common = { label, description: hint, error, withAsterisk: required, disabled };
  switch (question.type) {
    case 'note':
      return (
        <Text component="p" fw={500}>
          {label}
          {hint ? (
            <Text component="span" display="block" c="dimmed" size="sm">
              {hint}
            </Text>
          ) : null}
        </Text>
      );
    case 'integer':
    case 'decimal':
      return (
        <NumberInput
          {...common}
          allowDecimal={question.type === 'decimal'}
          value={typeof value === 'number' ? value : typeof value === 'string' ? value : ''}
          onChange={(v) => set(question.name, v === '' ? undefined : typeof v === 'number' ? v : String(v))}
          inputMode={question.type === 'decimal' ? 'decimal' : 'numeric'}
          dir="ltr"
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(question.name, e.currentTarget.value || undefined)}
          dir="ltr"
        />
      );
    case 'geopoint':
      return (
        <PointField common={common} value={typeof value === 'string' ? value : ''} set={(v) => set(question.name, v)} />
      );
    case 'image':
      return (
        <FileInput
          {...common}
          accept="image/*"
          clearable
          placeholder={typeof value === 'string' && value ? value : t('outcomes.form.chooseImage')}
          onChange={(file) => set(question.name, file ? file.name : undefined)}
        />
      );
    case 'select_one': {
      const choices = ctx.live.choices(path);
      const other = question.orOther && value === 'other';
      const select =
        question.appearance?.includes('minimal') || choices.length > 8 ? (
          <NativeSelect
            {...common}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => set(question.name, e.currentTarget.value || undefined)}
            data={[
              { value: '', label: t('outcomes.form.pick') },
              ...choices.map((c) => ({
                value: c.name,
                label: labelIn(c.label, language, form.defaultLanguage) || c.name,
              })),
            ]}
          />
        ) : (
          <Radio.Group
            {...common}
            value={typeof value === 'string' ? value : null}
            onChange={(v) => set(question.name, v || undefined)}
          >
            <Stack gap={6} mt={6}>
              {choices.map((c) => (
                <Radio
                  key={c.name}
                  value={c.name}
                  label={labelIn(c.label, language, form.defaultLanguage) || c.name}
                  disabled={disabled}
                />
              ))}
            </Stack>
          </Radio.Group>
        );
      return (
        <Stack gap={6}>
          {select}
          {other ? <OtherField question={question} scope={scope} prefix={prefix} set={set} ctx={ctx} /> : null}
        </Stack>
      );
    }
    case 'select_multiple': {
      const choices = ctx.live.choices(path);
      const picked = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Stack gap={6}>
          <Checkbox.Group {...common} value={picked} onChange={(v) => set(question.name, v)}>
            <Stack gap={6} mt={6}>
              {choices.map((c) => (
                <Checkbox
                  key={c.name}
                  value={c.name}
                  label={labelIn(c.label, language, form.defaultLanguage) || c.name}
                  disabled={disabled}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {question.orOther && picked.includes('other') ? (
            <OtherField question={question} scope={scope} prefix={prefix} set={set} ctx={ctx} />
          ) : null}
        </Stack>
      );
    }
    default: {
      const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
      const onText = (v: string) => set(question.name, v === '' ? undefined : v);
      return question.appearance?.includes('multiline') ? (
        <Textarea {...common} autosize minRows={3} value={text} onChange={(e) => onText(e.currentTarget.value)} />
      ) : (
        <TextInput {...common} value={text} onChange={(e) => onText(e.currentTarget.value)} />
      );
    }
  }
}

function OtherField({
  question,
  scope,
  prefix,
  set,
  ctx,
}: {
  question: Question;
  scope: Answers;
  prefix: string;
  set: (name: string, value: AnswerValue | undefined) => void;
  ctx: RenderContext;
}) {
  const { t } = useTranslation();
  const name = `${question.name}_other`;
  const problem = ctx.problems.get(`${prefix}${name}`);
  return (
    <TextInput
      label={t('outcomes.form.otherLabel')}
      withAsterisk
      disabled={ctx.disabled}
      value={typeof scope[name] === 'string' ? (scope[name] as string) : ''}
      onChange={(e) => set(name, e.currentTarget.value || undefined)}
      error={problem ? t(`outcomes.form.problem.${problem.code}`) : undefined}
    />
  );
}

function PointField({
  common,
  value,
  set,
}: {
  common: {
    label: string;
    description?: string | undefined;
    error?: string | undefined;
    withAsterisk: boolean;
    disabled: boolean;
  };
  value: string;
  set: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [lat = '', lon = ''] = value.split(/\s+/);
  const write = (nextLat: string, nextLon: string) =>
    set(nextLat === '' && nextLon === '' ? undefined : `${nextLat || 0} ${nextLon || 0}`);
  return (
    <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        {common.label}
        {common.withAsterisk ? <span aria-hidden="true"> *</span> : null}
      </Text>
      {common.description ? (
        <Text size="xs" c="dimmed">
          {common.description}
        </Text>
      ) : null}
      <Row grow dir="ltr">
        <NumberInput
          label={t('outcomes.form.latitude')}
          min={-90}
          max={90}
          decimalScale={6}
          value={lat}
          disabled={common.disabled}
          onChange={(v) => write(String(v), lon)}
        />
        <NumberInput
          label={t('outcomes.form.longitude')}
          min={-180}
          max={180}
          decimalScale={6}
          value={lon}
          disabled={common.disabled}
          onChange={(v) => write(lat, String(v))}
        />
      </Row>
      {common.error ? (
        <Text size="xs" c="red" role="alert">
          {common.error}
        </Text>
      ) : null}
    </Stack>
  );
}
