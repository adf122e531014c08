import {
  compiled,
  type EvalContext,
  evaluate,
  referencesOf,
  type Scalar,
  toBoolean,
  toNumber,
  type Value,
} from './expressions.ts';
import type {
  Answers,
  AnswerValue,
  Choice,
  FormDefinition,
  FormNode,
  Group,
  LocalizedLabel,
  Question,
} from './form.ts';
import { METADATA_TYPES } from './form.ts';

/**
 * The form engine: the one reading of an instrument's rules, used by the server to check answers (web form, API,
 * household link, file imports) and by the web form to show and hide questions as they are answered.
 *
 * `checkAnswers` takes the answers as given (a field's name → its value; a repeat's name → an array of answer
 * sets), works out the calculations and defaults, and returns every problem: a required question unanswered, a
 * constraint broken (with its constraint_message), an answer to a question that is not relevant, a choice not in
 * the list (or filtered out), a value of the wrong type, a field the form does not have, a repeat with another
 * number of instances than its repeat_count. `field` is the question's name, with the repeat path for questions
 * in repeats (`separated_member[2]/relationship`, instances counted from 1).
 */
export interface AnswerProblem {
  field: string;
  code: 'required' | 'constraint' | 'not_relevant' | 'unknown_choice' | 'wrong_type' | 'unknown_field' | 'repeat_count';
  /** In the form's default language when the form gives the text (constraint_message, required_message). */
  message: string;
  /** The form's own text in each of its languages, when it gives one. */
  messages?: LocalizedLabel;
}

export interface CheckedAnswers {
  /** The answers as stored: typed, calculations filled, non-relevant questions absent. */
  answers: Answers;
  problems: AnswerProblem[];
}

export interface EngineOptions {
  /** `YYYY-MM-DD`: today() and the `today` metadata field. */
  today?: string;
  /** ISO date and time: now() and the `start`/`end` metadata fields. */
  now?: string;
  /** What the `deviceid` and `username` metadata fields are filled with when the answers do not give them. */
  deviceId?: string;
  username?: string;
}

/** The `other` choice an `or_other` question adds to its list, in the languages Homeward speaks. */
export const OTHER_CHOICE: Choice = {
  name: 'other',
  label: { default: 'Other', en: 'Other', ar: 'أخرى', fr: 'Autre', ku: 'Yên din', ckb: 'هی تر' },
};

/** A label in a language: that language, else the form's default, else `default`, else any. */
export function labelIn(label: LocalizedLabel | undefined, language: string, fallback?: string): string {
  if (!label) return '';
  return (
    label[language] ??
    (fallback ? label[fallback] : undefined) ??
    label.default ??
    label.en ??
    Object.values(label)[0] ??
    ''
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The form's index

interface NameInfo {
  node: FormNode;
  /** The nearest repeat around it (null at the top). */
  repeat: string | null;
}

const indexes = new WeakMap<FormDefinition, Map<string, NameInfo>>();

function indexOf(form: FormDefinition): Map<string, NameInfo> {
  let index = indexes.get(form);
  if (!index) {
    index = new Map();
    const walk = (nodes: readonly FormNode[], repeat: string | null) => {
      for (const node of nodes) {
        index!.set(node.name, { node, repeat });
        if (node.kind !== 'question') walk(node.children, node.kind === 'repeat' ? node.name : repeat);
      }
    };
    walk(form.children, null);
    indexes.set(form, index);
  }
  return index;
}

const isMetadata = (q: Question) => (METADATA_TYPES as readonly string[]).includes(q.type);

// ---------------------------------------------------------------------------------------------------------------
// Instances: the top of the form, and each instance of each repeat

type Typed = string | number | string[];

interface Instance {
  repeat: string | null;
  /** `separated_member[2]/` (empty at the top). */
  prefix: string;
  position: number;
  parent: Instance | null;
  values: Map<string, Typed>;
  /** Names the answers gave (an explicit empty answer included), so defaults fill only what was never given. */
  given: Set<string>;
  /** Names whose answer was of the wrong type (refused already, so not also asked for). */
  invalid: Set<string>;
  repeats: Map<string, Instance[]>;
}

const newInstance = (repeat: string | null, prefix: string, position: number, parent: Instance | null): Instance => ({
  repeat,
  prefix,
  position,
  parent,
  values: new Map(),
  given: new Set(),
  invalid: new Set(),
  repeats: new Map(),
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (text: string) => DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** An answer as its question's type holds it, or an error message. */
function typeAnswer(question: Question, raw: AnswerValue): { value?: Typed; error?: string } {
  if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return {};
  switch (question.type) {
    case 'integer': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
      return Number.isSafeInteger(n) ? { value: n } : { error: 'must be a whole number' };
    }
    case 'decimal': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(raw)
            ? Number(raw)
            : Number.NaN;
      return Number.isFinite(n) ? { value: n } : { error: 'must be a number' };
    }
    case 'date':
      return typeof raw === 'string' && validDate(raw.trim())
        ? { value: raw.trim() }
        : { error: 'must be a date, YYYY-MM-DD' };
    case 'select_multiple': {
      const names = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s+/).filter(Boolean) : null;
      if (!names || names.some((n) => typeof n !== 'string')) return { error: 'must be a list of choice names' };
      return { value: [...new Set(names)] };
    }
    case 'geopoint': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      const parts = text.split(/\s+/).map(Number);
      const [lat, lon] = parts;
      const ok =
        (parts.length === 2 || parts.length === 4 || parts.length === 3) &&
        parts.every(Number.isFinite) &&
        Math.abs(lat!) <= 90 &&
        Math.abs(lon!) <= 180;
      return ok ? { value: parts.join(' ') } : { error: 'must be a point: latitude and longitude (lat lon [alt acc])' };
    }
    case 'note':
      return { error: 'is a note: it takes no answer' };
    default:
      if (typeof raw === 'number') return { value: String(raw) };
      return typeof raw === 'string' ? { value: raw } : { error: 'must be text' };
  }
}

const otherField = (question: Question) => `${question.name}_other`;

/** Reads the answers into instances, noting wrong types and unknown fields. */
function load(form: FormDefinition, answers: Answers, problems: AnswerProblem[]): Instance {
  const index = indexOf(form);
  const top = newInstance(null, '', 1, null);
  const fill = (instance: Instance, given: Answers) => {
    if (given === null || typeof given !== 'object' || Array.isArray(given)) return;
    for (const [name, raw] of Object.entries(given)) {
      const field = `${instance.prefix}${name}`;
      const info = index.get(name);
      const otherOf = name.endsWith('_other') ? index.get(name.slice(0, -6)) : undefined;
      if (!info && otherOf?.node.kind === 'question' && otherOf.node.orOther && otherOf.repeat === instance.repeat) {
        if (raw === null || raw === undefined || raw === '') instance.given.add(name);
        else if (typeof raw === 'string') {
          instance.values.set(name, raw);
          instance.given.add(name);
        } else problems.push({ field, code: 'wrong_type', message: 'must be text' });
        continue;
      }
      if (!info || info.node.kind === 'group' || info.repeat !== instance.repeat) {
        problems.push({
          field,
          code: 'unknown_field',
          message:
            info && info.repeat !== instance.repeat
              ? info.repeat
                ? `is a question of the repeat ${info.repeat}: give it in each of its instances`
                : 'is not a question of this repeat'
              : 'is not a question of this form',
        });
        continue;
      }
      if (info.node.kind === 'repeat') {
        if (
          !Array.isArray(raw) ||
          raw.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))
        ) {
          problems.push({ field, code: 'wrong_type', message: 'must be a list of answer sets, one per instance' });
          continue;
        }
        const instances = (raw as Answers[]).map((item, i) => {
          const child = newInstance(name, `${instance.prefix}${name}[${i + 1}]/`, i + 1, instance);
          fill(child, item);
          return child;
        });
        instance.repeats.set(name, instances);
        instance.given.add(name);
        continue;
      }
      const question = info.node as Question;
      if (Array.isArray(raw) && question.type !== 'select_multiple' && raw.some((x) => typeof x === 'object')) {
        problems.push({ field, code: 'wrong_type', message: 'must be a single value' });
        continue;
      }
      instance.given.add(name);
      const typed = typeAnswer(question, raw as AnswerValue);
      if (typed.error) {
        problems.push({ field, code: 'wrong_type', message: typed.error });
        instance.invalid.add(name);
      } else if (typed.value !== undefined) instance.values.set(name, typed.value);
    }
  };
  fill(top, answers);
  return top;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation in an instance

const asValue = (v: Typed | undefined): Scalar => (v === undefined ? '' : Array.isArray(v) ? v.join(' ') : v);

function instancesOf(from: Instance, repeat: string, index: Map<string, NameInfo>): Instance[] {
  // The instances of `repeat` under the nearest instance that holds that repeat's parent scope.
  const owner = index.get(repeat)?.repeat ?? null;
  let scope: Instance | null = from;
  while (scope && scope.repeat !== owner) scope = scope.parent;
  if (scope) return scope.repeats.get(repeat) ?? [];
  // Elsewhere in the form: every instance, however deep.
  const all: Instance[] = [];
  const collect = (instance: Instance) => {
    for (const [name, list] of instance.repeats) {
      if (name === repeat) all.push(...list);
      for (const child of list) collect(child);
    }
  };
  let root = from;
  while (root.parent) root = root.parent;
  collect(root);
  return all;
}

function contextFor(
  form: FormDefinition,
  instance: Instance,
  options: EngineOptions,
  current?: Typed,
  column?: (name: string) => string,
): EvalContext {
  const index = indexOf(form);
  return {
    value(name: string): Value {
      const info = index.get(name);
      if (!info) return '';
      if (info.node.kind === 'repeat') return { nodes: instancesOf(instance, name, index).map(() => '') };
      if (info.node.kind === 'group') return '';
      let scope: Instance | null = instance;
      while (scope && scope.repeat !== info.repeat) scope = scope.parent;
      if (scope) return asValue(scope.values.get(name));
      // A question of a repeat, from outside it: its answers in every instance.
      return info.repeat
        ? { nodes: instancesOf(instance, info.repeat, index).map((i) => asValue(i.values.get(name))) }
        : '';
    },
    ...(current !== undefined ? { current: asValue(current) } : {}),
    position: instance.position,
    ...(options.today ? { today: options.today } : {}),
    ...(options.now ? { now: options.now } : {}),
    choiceLabel(question: string, choice: string): string {
      const info = index.get(question);
      const list = info?.node.kind === 'question' && info.node.listName ? form.choices[info.node.listName] : undefined;
      const found = list?.find((c) => c.name === choice);
      return found ? labelIn(found.label, form.defaultLanguage) : choice;
    },
    ...(column ? { column } : {}),
  };
}

/** One context per instance and options, reused for each of its expressions (`current` set for each). */
const contexts = new WeakMap<Instance, { options: EngineOptions; ctx: EvalContext }>();

function run(form: FormDefinition, text: string, instance: Instance, options: EngineOptions, current?: Typed): Value {
  let cached = contexts.get(instance);
  if (!cached || cached.options !== options) {
    cached = { options, ctx: contextFor(form, instance, options) };
    contexts.set(instance, cached);
  }
  const ctx = cached.ctx;
  (ctx as { current: Value | undefined }).current = current === undefined ? undefined : asValue(current);
  return evaluate(compiled(text), ctx);
}

/** The calculations some expression reads: only a change to one of them needs another pass. */
const readCalculations = new WeakMap<FormDefinition, Set<string>>();

function calculationsRead(form: FormDefinition): Set<string> {
  let read = readCalculations.get(form);
  if (!read) {
    read = new Set();
    const calculations = new Set<string>();
    const texts: string[] = [];
    const walk = (nodes: readonly FormNode[]) => {
      for (const node of nodes) {
        if (node.relevant) texts.push(node.relevant);
        if (node.kind !== 'question') {
          if (node.repeatCount) texts.push(node.repeatCount);
          walk(node.children);
          continue;
        }
        if (node.type === 'calculate') calculations.add(node.name);
        for (const text of [node.calculation, node.constraint, node.choiceFilter, node.default])
          if (text) texts.push(text);
        if (typeof node.required === 'string') texts.push(node.required);
      }
    };
    walk(form.children);
    for (const text of texts) {
      try {
        for (const name of referencesOf(compiled(text, { choiceColumns: true })))
          if (calculations.has(name)) read.add(name);
      } catch {
        // An expression the reader refused never reaches a stored form.
      }
    }
    readCalculations.set(form, read);
  }
  return read;
}

/** A calculation's result as an answer: numbers stay numbers, NaN and '' are no answer, booleans `true`/`false`. */
function calculated(value: Value): Typed | undefined {
  const v = typeof value === 'object' ? (value.nodes[0] ?? '') : value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v === '' ? undefined : v;
}

/** A repeat's repeat_count in an instance: a whole number, or undefined when it has none. */
function repeatCountOf(
  form: FormDefinition,
  group: Group,
  instance: Instance,
  options: EngineOptions,
): number | undefined {
  if (!group.repeatCount) return undefined;
  const text = group.repeatCount.trim();
  const n = /^\d+$/.test(text) ? Number(text) : toNumber(run(form, text, instance, options));
  return Number.isFinite(n) && n > 0 ? Math.min(Math.trunc(n), 1000) : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The form's state: relevance, calculations, defaults and metadata

interface FormState {
  /** Paths (`name`, `separated_member[2]/relationship`) of the questions, groups and repeats that are relevant. */
  relevant: Set<string>;
  /** The answers with calculations, defaults and metadata filled (non-relevant ones still present). */
  instance: Instance;
  /** The repeat_count of each relevant repeat, by the repeat's path, when it has one. */
  repeatCounts: Map<string, number>;
}

function settle(form: FormDefinition, top: Instance, options: EngineOptions, fillDefaults: boolean): FormState {
  const relevant = new Set<string>();
  const repeatCounts = new Map<string, number>();
  // Defaults and metadata first: once, for what the answers never gave.
  const prefill = (nodes: readonly FormNode[], instance: Instance) => {
    for (const node of nodes) {
      if (node.kind === 'group') prefill(node.children, instance);
      else if (node.kind === 'repeat')
        for (const child of instance.repeats.get(node.name) ?? []) prefill(node.children, child);
      else if (node.kind === 'question' && !instance.given.has(node.name)) {
        const filled =
          metadataValue(node, options) ?? (fillDefaults ? defaultValue(form, node, instance, options) : undefined);
        if (filled !== undefined) instance.values.set(node.name, filled);
      }
    }
  };
  prefill(form.children, top);

  // Relevance and calculations, until the calculations other expressions read stop changing (they may read each
  // other in any order).
  const read = calculationsRead(form);
  const walk = (nodes: readonly FormNode[], instance: Instance, parentRelevant: boolean): boolean => {
    let changed = false;
    for (const node of nodes) {
      const path = `${instance.prefix}${node.name}`;
      const isRelevant =
        parentRelevant &&
        (node.relevant ? toBoolean(run(form, node.relevant, instance, options, instance.values.get(node.name))) : true);
      if (isRelevant) relevant.add(path);
      else relevant.delete(path);
      if (node.kind === 'group') changed = walk(node.children, instance, isRelevant) || changed;
      else if (node.kind === 'repeat') {
        const count = isRelevant ? repeatCountOf(form, node, instance, options) : undefined;
        if (count !== undefined) repeatCounts.set(path, count);
        else repeatCounts.delete(path);
        for (const child of instance.repeats.get(node.name) ?? [])
          changed = walk(node.children, child, isRelevant) || changed;
      } else if (node.kind === 'question' && node.type === 'calculate' && node.calculation) {
        const value = isRelevant ? calculated(run(form, node.calculation, instance, options)) : undefined;
        const before = instance.values.get(node.name);
        if (JSON.stringify(before) !== JSON.stringify(value)) {
          if (read.has(node.name)) changed = true;
          if (value === undefined) instance.values.delete(node.name);
          else instance.values.set(node.name, value);
        }
      }
    }
    return changed;
  };
  for (let pass = 0; pass < 10 && walk(form.children, top, true); pass++) {
    // Each pass settles the calculations that read the ones before.
  }
  return { relevant, instance: top, repeatCounts };
}

function metadataValue(question: Question, options: EngineOptions): Typed | undefined {
  if (!isMetadata(question)) return undefined;
  const now = options.now ?? new Date().toISOString();
  switch (question.type) {
    case 'start':
    case 'end':
      return now;
    case 'today':
      return options.today ?? now.slice(0, 10);
    case 'deviceid':
      return options.deviceId;
    default:
      return options.username;
  }
}

function defaultValue(
  form: FormDefinition,
  question: Question,
  instance: Instance,
  options: EngineOptions,
): Typed | undefined {
  const text = question.default;
  if (text === undefined || question.type === 'calculate' || question.type === 'note') return undefined;
  let raw: AnswerValue = text;
  if (/\$\{|\(/.test(text)) {
    try {
      raw = calculated(run(form, text, instance, options)) as AnswerValue;
    } catch {
      return undefined;
    }
  }
  const typed = typeAnswer(question, raw ?? null);
  return typed.value;
}

/** The choices a select question offers in an instance: its list (filtered by choice_filter), and `other`. */
function choicesIn(form: FormDefinition, question: Question, instance: Instance, options: EngineOptions): Choice[] {
  const list = (question.listName && form.choices[question.listName]) || [];
  const filtered = question.choiceFilter
    ? list.filter((choice) => {
        const expr = compiled(question.choiceFilter!, { choiceColumns: true });
        const column = (name: string) => (name === 'name' ? choice.name : (choice.filters?.[name] ?? ''));
        return toBoolean(evaluate(expr, contextFor(form, instance, options, undefined, column)));
      })
    : list;
  return question.orOther && !filtered.some((c) => c.name === OTHER_CHOICE.name)
    ? [...filtered, OTHER_CHOICE]
    : filtered;
}

// ---------------------------------------------------------------------------------------------------------------
// Checking

function textOf(label: LocalizedLabel | undefined, form: FormDefinition): string | undefined {
  return label && Object.keys(label).length > 0 ? labelIn(label, form.defaultLanguage) : undefined;
}

export function checkAnswers(form: FormDefinition, answers: Answers, options: EngineOptions = {}): CheckedAnswers {
  const problems: AnswerProblem[] = [];
  const top = load(form, answers, problems);
  const state = settle(form, top, options, true);

  const check = (nodes: readonly FormNode[], instance: Instance, out: Answers) => {
    for (const node of nodes) {
      const path = `${instance.prefix}${node.name}`;
      const relevant = state.relevant.has(path);
      if (node.kind === 'group') {
        check(node.children, instance, out);
        continue;
      }
      if (node.kind === 'repeat') {
        const instances = instance.repeats.get(node.name) ?? [];
        if (!relevant) {
          if (instances.length > 0 && instance.given.has(node.name)) {
            problems.push({ field: path, code: 'not_relevant', message: 'is not relevant given the other answers' });
          }
          continue;
        }
        const expected = state.repeatCounts.get(path);
        if (expected !== undefined && expected !== instances.length) {
          problems.push({
            field: path,
            code: 'repeat_count',
            message: `needs ${expected} instance${expected === 1 ? '' : 's'}, not ${instances.length}`,
          });
        }
        if (instances.length > 0) {
          out[node.name] = instances.map((child) => {
            const answers: Answers = {};
            check(node.children, child, answers);
            return answers;
          });
        }
        continue;
      }
      if (node.kind !== 'question') continue;
      const value = instance.values.get(node.name);
      const answered = value !== undefined;
      if (!relevant) {
        if (answered && instance.given.has(node.name) && node.type !== 'calculate' && !isMetadata(node)) {
          problems.push({ field: path, code: 'not_relevant', message: 'is not relevant given the other answers' });
        }
        if (node.orOther && instance.values.has(otherField(node))) {
          problems.push({
            field: `${instance.prefix}${otherField(node)}`,
            code: 'not_relevant',
            message: 'is not relevant given the other answers',
          });
        }
        continue;
      }
      if (node.type === 'note') continue;
      const required =
        node.required === true ||
        (typeof node.required === 'string' && toBoolean(run(form, node.required, instance, options, value)));
      if (!answered) {
        if (required && !instance.invalid.has(node.name)) {
          const own = textOf(node.requiredMessage, form);
          problems.push({
            field: path,
            code: 'required',
            message: own ?? 'needs an answer',
            ...(own ? { messages: node.requiredMessage } : {}),
          });
        }
        continue;
      }
      let ok = true;
      if (node.type === 'select_one' || node.type === 'select_multiple') {
        const offered = new Set(choicesIn(form, node, instance, options).map((c) => c.name));
        const picked = Array.isArray(value) ? value : [String(value)];
        const unknown = picked.filter((name) => !offered.has(name));
        if (unknown.length > 0) {
          ok = false;
          problems.push({
            field: path,
            code: 'unknown_choice',
            message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a choice' : 'are not choices'} of this question`,
          });
        }
        const other = instance.values.get(otherField(node));
        if (node.orOther && picked.includes(OTHER_CHOICE.name)) {
          if (other === undefined || String(other).trim() === '') {
            problems.push({
              field: `${instance.prefix}${otherField(node)}`,
              code: 'required',
              message: 'needs the other answer written out',
            });
          } else out[otherField(node)] = String(other);
        } else if (other !== undefined && String(other) !== '') {
          problems.push({
            field: `${instance.prefix}${otherField(node)}`,
            code: 'not_relevant',
            message: 'is given only when "other" is chosen',
          });
        }
      }
      if (ok && node.constraint && !toBoolean(run(form, node.constraint, instance, options, value))) {
        ok = false;
        const own = textOf(node.constraintMessage, form);
        problems.push({
          field: path,
          code: 'constraint',
          message: own ?? 'is not an accepted answer',
          ...(own ? { messages: node.constraintMessage } : {}),
        });
      }
      out[node.name] = value;
    }
  };
  const out: Answers = {};
  check(form.children, top, out);
  return { answers: out, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// What a web form needs while it is filled in

export interface LiveForm {
  /** Whether a question, group or repeat (by its path) is shown. */
  isRelevant(path: string): boolean;
  /** The value of a calculation (or a default or metadata field), by its path. */
  valueOf(path: string): AnswerValue | undefined;
  /** The number of instances a repeat must have, when its repeat_count says. */
  repeatCount(path: string): number | undefined;
  /** The choices a select question offers, by the question's path (choice_filter applied, `other` added). */
  choices(path: string): Choice[];
  /** The problems of the answers as they stand, by field path. */
  problems: AnswerProblem[];
}

/** The state of a form being filled in: what to show, the calculations, the choices, and the problems so far. */
export function liveForm(form: FormDefinition, answers: Answers, options: EngineOptions = {}): LiveForm {
  const problems: AnswerProblem[] = [];
  const top = load(form, answers, problems);
  const state = settle(form, top, options, false);
  const checked = checkAnswers(form, answers, options);
  const index = indexOf(form);
  const locate = (path: string): { instance: Instance; name: string } | undefined => {
    const parts = path.split('/');
    let instance: Instance | undefined = top;
    for (const part of parts.slice(0, -1)) {
      const m = /^(.+)\[(\d+)\]$/.exec(part);
      if (!m || !instance) return undefined;
      instance = instance.repeats.get(m[1]!)?.[Number(m[2]) - 1];
    }
    return instance ? { instance, name: parts[parts.length - 1]! } : undefined;
  };
  return {
    isRelevant: (path) => state.relevant.has(path),
    valueOf(path) {
      const at = locate(path);
      const value = at?.instance.values.get(at.name);
      return value === undefined ? undefined : value;
    },
    repeatCount: (path) => state.repeatCounts.get(path),
    choices(path) {
      const at = locate(path);
      const info = at ? index.get(at.name) : undefined;
      if (!at || info?.node.kind !== 'question') return [];
      return choicesIn(form, info.node, at.instance, options);
    },
    problems: checked.problems,
  };
}

/** The paths of the questions a person sees now (relevant, not calculations or metadata), in the form's order. */
export function visibleQuestions(form: FormDefinition, answers: Answers, options: EngineOptions = {}): string[] {
  const problems: AnswerProblem[] = [];
  const top = load(form, answers, problems);
  const state = settle(form, top, options, false);
  const paths: string[] = [];
  const walk = (nodes: readonly FormNode[], instance: Instance) => {
    for (const node of nodes) {
      const path = `${instance.prefix}${node.name}`;
      if (!state.relevant.has(path)) continue;
      if (node.kind === 'group') walk(node.children, instance);
      else if (node.kind === 'repeat')
        for (const child of instance.repeats.get(node.name) ?? []) walk(node.children, child);
      else if (node.kind === 'question' && node.type !== 'calculate' && !isMetadata(node)) paths.push(path);
    }
  };
  walk(form.children, top);
  return paths;
}

/** The default answers of a new form: defaults filled, metadata left to the checking. */
export function initialAnswers(form: FormDefinition, options: EngineOptions = {}): Answers {
  const top = load(form, {}, []);
  settle(form, top, options, true);
  const out: Answers = {};
  for (const [name, value] of top.values) {
    const info = indexOf(form).get(name);
    if (info?.node.kind === 'question' && info.node.type !== 'calculate' && !isMetadata(info.node)) out[name] = value;
  }
  return out;
}
