import { Checkbox, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Answers, FormDefinition, FormNode, LocalizedLabel, Question } from '../../../../shared/outcomes/form.ts';
import type { AnswerProblem } from '../../../../shared/outcomes/form-engine.ts';

/**
 * A survey instrument as a staff form: every question of the form in the language chosen, each problem the
 * server found beside its field. A plain rendering (groups as headed sections, repeats not expanded) that the
 * full renderer with client-side skip logic replaces; its props are the interface screens code against.
 */
export interface FormRendererProps {
  form: FormDefinition;
  language: string;
  answers: Answers;
  onChange: (answers: Answers) => void;
  problems: readonly AnswerProblem[];
}

const text = (form: FormDefinition, language: string, label: LocalizedLabel | undefined) =>
  label ? (label[language] ?? label.default ?? label[form.defaultLanguage] ?? Object.values(label)[0] ?? '') : '';

export function FormRenderer({ form, language, answers, onChange, problems }: FormRendererProps) {
  const render = (nodes: FormNode[]) =>
    nodes.map((node) => {
      if (node.kind === 'question') {
        return (
          <Field
            key={node.name}
            form={form}
            language={language}
            question={node}
            answers={answers}
            onChange={onChange}
            problems={problems}
          />
        );
      }
      if (node.kind === 'repeat') return null;
      return (
        <section key={node.name} aria-label={text(form, language, node.label)}>
          <Title order={3} mb="xs">
            {text(form, language, node.label)}
          </Title>
          <Stack gap="sm">{render(node.children)}</Stack>
        </section>
      );
    });
  return <Stack gap="md">{render(form.children)}</Stack>;
}

function Field({
  form,
  language,
  question,
  answers,
  onChange,
  problems,
}: Omit<FormRendererProps, 'onChange'> & { question: Question; onChange: (answers: Answers) => void }) {
  const label = text(form, language, question.label);
  const error = problems.find((problem) => problem.field === question.name);
  const message = error
    ? error.code === 'constraint' && question.constraintMessage
      ? text(form, language, question.constraintMessage)
      : error.message
    : undefined;
  const value = answers[question.name];
  const set = (next: Answers[string] | undefined) => {
    const copy = { ...answers };
    if (next === undefined || next === '') delete copy[question.name];
    else copy[question.name] = next;
    onChange(copy);
  };
  const choices = form.choices[question.listName ?? ''] ?? [];
  if (question.type === 'note') return <Text>{label}</Text>;
  if (question.type === 'calculate' || question.type === 'geopoint' || question.type === 'image') return null;
  if (question.type === 'select_one') {
    return (
      <NativeSelect
        label={label}
        error={message}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => set(event.currentTarget.value)}
        data={[
          { value: '', label: '—' },
          ...choices.map((c) => ({ value: c.name, label: text(form, language, c.label) })),
        ]}
      />
    );
  }
  if (question.type === 'select_multiple') {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    return (
      <Checkbox.Group
        label={label}
        error={message}
        value={chosen}
        onChange={(next) => set(next.length ? next : undefined)}
      >
        <Stack gap={4} mt="xs">
          {choices.map((c) => (
            <Checkbox key={c.name} value={c.name} label={text(form, language, c.label)} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  const numeric = question.type === 'integer' || question.type === 'decimal';
  return (
    <TextInput
      label={label}
      description={question.hint ? text(form, language, question.hint) : undefined}
      error={message}
      type={question.type === 'date' ? 'date' : 'text'}
      inputMode={numeric ? 'decimal' : undefined}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(event) => {
        const raw = event.currentTarget.value;
        set(numeric && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw);
      }}
    />
  );
}
