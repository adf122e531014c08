import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Answers, AnswerValue, FormDefinition, FormNode, Group, Question } from '../../shared/outcomes/form.ts';
import type { AnswerProblem } from '../../shared/outcomes/form-engine.ts';
import { checkAnswers } from '../../shared/outcomes/form-engine.ts';
import {
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_FORM,
  FOLLOW_UP_LANGUAGES,
  FOLLOW_UP_PAGE,
  type FollowUpAction,
  type FollowUpLanguage,
  type FollowUpPageAnswer,
  type LinkField,
} from '../../web/public/outcomes/answers.ts';
import { clientKey, spend } from '../gateway/rate.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/http/errors.ts';
import type { FormRegistration, RenderPage } from '../platform/web/forms.ts';
import type { FormState } from '../platform/web/ssr.ts';
import { dayOf, followUpByLinkHash } from './follow-ups.ts';
import { hashLinkCode, LINK_CODE_LENGTH, normaliseLinkCode } from './link-codes.ts';
import { type InstrumentRow, instrumentFor, recordLinkResponse } from './responses.ts';

/**
 * The household's own follow-up form, `/follow-up`, without JavaScript: the household types the code its field
 * worker gave it (posted, never in an address), then answers the survey one page per top-level group in the
 * language it chose, and the answers are recorded with source `link`, which ends the code. Skip logic runs here:
 * a page shows only the questions the form's engine finds relevant given the answers so far, and a question that
 * an answer on the same page makes relevant is added to that page before going on. Answers travel between pages
 * in a hidden field of the form's body. Every post spends the client's hourly allowance (counted under a daily
 * keyed hash, never its address), a wrong code three times; the page shows no name and nothing about the
 * household beyond the questions.
 */

/** Questions for the worker, never put to the household: its reference, the zone, the interviewer's notes. */
const STAFF_ONLY = new Set(['case_reference', 'zone', 'interviewer_notes']);
const WRONG_CODE_WEIGHT = 3;
const TEXT_MAX = 2000;
const REPEAT_MAX = 20;

type Ctx = Pick<RequestContext, 'db' | 'platform' | 'language'>;

const field = (body: unknown, name: string): string => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

const noStore = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  return payload;
};

/** The follow-up a typed code opens while it works, after spending the client's allowance; 404 or 429 otherwise. */
async function openByCode(ctx: Ctx, typed: string, client: string, now: Date) {
  const { db, platform } = ctx;
  const key = await clientKey(db, platform.keyring, 'follow-up-link', client, now);
  await spend(db, key, platform.config.outcomeFollowUps.linkRequestsPerHour, now);
  const code = typed.length <= LINK_CODE_LENGTH * 2 ? normaliseLinkCode(typed) : null;
  const row = code ? await followUpByLinkHash(db, await hashLinkCode(db, platform.keyring, code), now) : null;
  if (!row) {
    await spend(db, key, Number.MAX_SAFE_INTEGER, now, WRONG_CODE_WEIGHT - 1);
    throw new AppError('not_found', { params: { reason: 'outcome_link' } });
  }
  return row;
}

/** A page of the household's form: the top-level questions before the first group, then one page per group. */
interface FormPage {
  heading: Record<string, string> | null;
  nodes: FormNode[];
}

export function pagesOf(form: FormDefinition): FormPage[] {
  const pages: FormPage[] = [];
  let loose: FormNode[] = [];
  for (const node of form.children) {
    if (node.kind === 'question') {
      if (!STAFF_ONLY.has(node.name)) loose.push(node);
      continue;
    }
    if (loose.length > 0) pages.push({ heading: form.title, nodes: loose });
    loose = [];
    pages.push({ heading: node.label, nodes: node.kind === 'repeat' ? [node] : node.children });
  }
  if (loose.length > 0) pages.push({ heading: form.title, nodes: loose });
  return pages;
}

const SHOWN_TYPES = new Set(['text', 'integer', 'decimal', 'date', 'select_one', 'select_multiple', 'note']);

/** A question's field in the page (a slot), in a repeat's instance or not. */
interface Slot {
  question: Question;
  /** The engine's field name: `name`, or `repeat[n]/name`. */
  path: string;
  repeat: { name: string; instance: number } | null;
}

function valueAt(answers: Answers, slot: Slot): AnswerValue | undefined {
  if (!slot.repeat) return answers[slot.question.name] as AnswerValue | undefined;
  const instances = answers[slot.repeat.name];
  if (!Array.isArray(instances)) return undefined;
  const instance = instances[slot.repeat.instance - 1];
  return instance && typeof instance === 'object' && !Array.isArray(instance)
    ? ((instance as Answers)[slot.question.name] as AnswerValue | undefined)
    : undefined;
}

function setAt(answers: Answers, slot: Slot, value: AnswerValue | undefined): void {
  if (!slot.repeat) {
    if (value === undefined) delete answers[slot.question.name];
    else answers[slot.question.name] = value;
    return;
  }
  const existing = answers[slot.repeat.name];
  const instances = (Array.isArray(existing) ? existing : []) as Answers[];
  while (instances.length < slot.repeat.instance) instances.push({});
  const instance = { ...instances[slot.repeat.instance - 1] };
  if (value === undefined) delete instance[slot.question.name];
  else instance[slot.question.name] = value;
  instances[slot.repeat.instance - 1] = instance;
  answers[slot.repeat.name] = instances;
}

const answered = (value: AnswerValue | undefined) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

function repeatCount(group: Group, answers: Answers): number {
  const count = group.repeatCount?.trim() ?? '';
  const literal = /^\d+$/.test(count) ? Number(count) : null;
  const reference = /^\$\{(\w+)\}$/.exec(count);
  const value = literal ?? (reference ? Number(answers[reference[1]!]) : 0);
  return Number.isInteger(value) ? Math.max(0, Math.min(REPEAT_MAX, value)) : 0;
}

/** Every question slot of a page, repeats expanded to the count the answers give them. */
function slotsOf(page: FormPage, answers: Answers): Slot[] {
  const slots: Slot[] = [];
  const walk = (nodes: FormNode[], repeat: Slot['repeat']) => {
    for (const node of nodes) {
      if (node.kind === 'question') {
        if (SHOWN_TYPES.has(node.type) && !STAFF_ONLY.has(node.name)) {
          slots.push({
            question: node,
            path: repeat ? `${repeat.name}[${repeat.instance}]/${node.name}` : node.name,
            repeat,
          });
        }
      } else if (node.kind === 'repeat') {
        const count = repeatCount(node, answers);
        for (let instance = 1; instance <= count; instance++) walk(node.children, { name: node.name, instance });
      } else walk(node.children, repeat);
    }
  };
  walk(page.nodes, null);
  return slots;
}

function probeValue(form: FormDefinition, question: Question, today: string): AnswerValue | null {
  const first = question.listName ? form.choices[question.listName]?.[0]?.name : undefined;
  switch (question.type) {
    case 'select_one':
      return first ?? null;
    case 'select_multiple':
      return first ? [first] : null;
    case 'integer':
    case 'decimal':
      return 0;
    case 'date':
      return today;
    case 'text':
      return 'x';
    default:
      return null;
  }
}

/**
 * Whether a question is relevant given the answers, as the form's engine decides it: an answered question is
 * relevant unless the engine says otherwise; an unanswered one is asked of the engine by answering it with a
 * value of its type and seeing whether that answer is refused as not relevant. A note is relevant when an
 * answer in its place would be (asked as a text).
 */
function isRelevant(form: FormDefinition, answers: Answers, slot: Slot, problems: AnswerProblem[], today: string) {
  if (answered(valueAt(answers, slot)))
    return !problems.some((p) => p.field === slot.path && p.code === 'not_relevant');
  const probe = probeValue(form, slot.question, today) ?? 'x';
  const trial = structuredClone(answers);
  setAt(trial, slot, probe);
  return !checkAnswers(form, trial, { today }).problems.some((p) => p.field === slot.path && p.code === 'not_relevant');
}

const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const westernDigits = (text: string) =>
  text.replace(EASTERN_DIGITS, (digit) => String(((digit.codePointAt(0)! - 0x0660) % 0x90) % 10));

/** A slot's value as posted: numbers as numbers when they read as such (else the text, which the engine refuses). */
function postedValue(form: FormDefinition, slot: Slot, body: Record<string, unknown>): AnswerValue | undefined {
  const name = `q.${slot.path}`;
  const question = slot.question;
  if (question.type === 'select_multiple') {
    const chosen = (form.choices[question.listName ?? ''] ?? [])
      .map((choice) => choice.name)
      .filter((choice) => field(body, `${name}.${choice}`) !== '');
    return chosen.length > 0 ? chosen : undefined;
  }
  const raw = field(body, name).replaceAll('\u0000', '').trim().slice(0, TEXT_MAX);
  if (raw === '') return undefined;
  if (question.type === 'integer' || question.type === 'decimal') {
    const text = westernDigits(raw).replace('٫', '.');
    const pattern = question.type === 'integer' ? /^-?\d{1,9}$/ : /^-?\d{1,9}(\.\d{1,6})?$/;
    return pattern.test(text) ? Number(text) : raw;
  }
  return raw;
}

/** The answers carried in the hidden field: an object of the form's own answers, or nothing. */
function carriedAnswers(text: string): Answers {
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    // The worker's own questions are never the household's to answer, whatever the hidden field holds.
    return Object.fromEntries(Object.entries(parsed).filter(([name]) => !STAFF_ONLY.has(name))) as Answers;
  } catch {
    return {};
  }
}

const localized = (form: FormDefinition, language: string, label: Record<string, string> | undefined) =>
  label ? (label[language] ?? label.default ?? label[form.defaultLanguage] ?? Object.values(label)[0] ?? '') : '';

function problemOf(form: FormDefinition, language: string, slot: Slot, problem: AnswerProblem | undefined) {
  if (!problem) return null;
  if (problem.code === 'constraint' && slot.question.constraintMessage) {
    return { text: localized(form, language, slot.question.constraintMessage) };
  }
  if (problem.code === 'required' && slot.question.requiredMessage) {
    return { text: localized(form, language, slot.question.requiredMessage) };
  }
  return { key: `outcomes.link.problem.${problem.code}` };
}

export const followUpLinkForm: FormRegistration = (app, renderPage: RenderPage) => {
  const show = (request: FastifyRequest, reply: FastifyReply, state: FormState, status: number) =>
    renderPage(request, reply, FOLLOW_UP_PAGE, { forms: { [FOLLOW_UP_FORM]: state }, status });
  const answer = (value: FollowUpPageAnswer) => value;

  app.post(
    FOLLOW_UP_PAGE,
    {
      config: { permission: 'public' as const, anonymous: true },
      schema: { hide: true },
      onSend: noStore,
      errorHandler: (error: FastifyError | AppError, request, reply) => {
        const nul = error instanceof AppError && error.code === 'validation_failed';
        if (!nul && !('code' in error && String(error.code).startsWith('FST_ERR_CTP_'))) throw error;
        return show(request, reply, { values: {}, errors: {}, answer: answer({ refused: 'unreadable' }) }, 400);
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const action: FollowUpAction = (FOLLOW_UP_ACTIONS as readonly string[]).includes(field(body, 'action'))
        ? (field(body, 'action') as FollowUpAction)
        : 'open';
      const chosen = field(body, 'lang');
      const language: FollowUpLanguage = (FOLLOW_UP_LANGUAGES as readonly string[]).includes(chosen)
        ? (chosen as FollowUpLanguage)
        : (FOLLOW_UP_LANGUAGES as readonly string[]).includes(request.ctx.language)
          ? (request.ctx.language as FollowUpLanguage)
          : 'en';
      const code = field(body, 'code');
      if (code.trim() === '') {
        return show(
          request,
          reply,
          { values: { lang: language }, errors: { code: 'outcomes.link.codeRequired' } },
          422,
        );
      }
      const now = new Date();
      let followUpId: string;
      let instrument: InstrumentRow;
      try {
        followUpId = (await openByCode(request.ctx, code, request.ip, now)).id;
        instrument = await instrumentFor(request.ctx.db);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'rate_limited') {
          const seconds = Number(error.params.seconds);
          reply.header('retry-after', String(seconds));
          return show(
            request,
            reply,
            { values: { lang: language }, errors: {}, answer: answer({ retryAfterSeconds: seconds }) },
            429,
          );
        }
        if (error.code === 'not_found' || error.code === 'conflict') {
          return show(
            request,
            reply,
            {
              values: { lang: language },
              errors: { code: 'outcomes.link.notRecognised' },
              answer: answer({ notRecognised: true }),
            },
            404,
          );
        }
        throw error;
      }
      const form = instrument.definition;
      const today = dayOf(now);
      const pages = pagesOf(form);
      const answers = carriedAnswers(field(body, 'answers'));
      const posted = Number.parseInt(field(body, 'page'), 10);
      const index = Number.isInteger(posted) && posted >= 0 && posted < pages.length ? posted : 0;

      /** The page's relevant slots, given the answers; answers to slots no longer relevant are dropped. */
      const relevantSlots = (pageIndex: number) => {
        const problems = checkAnswers(form, answers, { today }).problems;
        const slots = slotsOf(pages[pageIndex]!, answers);
        const shown: Slot[] = [];
        for (const slot of slots) {
          if (isRelevant(form, answers, slot, problems, today)) shown.push(slot);
          else setAt(answers, slot, undefined);
        }
        return shown;
      };
      const firstWith = (from: number, step: 1 | -1) => {
        for (let i = from; i >= 0 && i < pages.length; i += step) if (relevantSlots(i).length > 0) return i;
        return null;
      };
      const render = (
        pageIndex: number,
        status: number,
        options: { problems?: AnswerProblem[]; more?: boolean } = {},
      ) => {
        const slots = relevantSlots(pageIndex);
        const fields: LinkField[] = slots.map((slot) => {
          const value = valueAt(answers, slot);
          const question = slot.question;
          return {
            name: `q.${slot.path}`,
            kind: question.type as LinkField['kind'],
            label: localized(form, language, question.label),
            hint: question.hint ? localized(form, language, question.hint) : null,
            required: question.required === true,
            choices: (form.choices[question.listName ?? ''] ?? []).map((choice) => ({
              value: choice.name,
              label: localized(form, language, choice.label),
            })),
            value: Array.isArray(value) ? value : value === undefined || value === null ? '' : String(value),
            problem: problemOf(
              form,
              language,
              slot,
              options.problems?.find((p) => p.field === slot.path),
            ),
            instance: slot.repeat?.instance ?? null,
          };
        });
        return show(
          request,
          reply,
          {
            values: { lang: language },
            errors: {},
            answer: answer({
              page: {
                title: localized(form, language, form.title),
                language,
                index: pageIndex,
                count: pages.length,
                heading: localized(form, language, pages[pageIndex]!.heading ?? form.title),
                fields,
                carried: JSON.stringify(answers),
                code: normaliseLinkCode(code) ?? '',
                more: options.more ?? false,
              },
            }),
          },
          status,
        );
      };

      if (action === 'open') {
        const first = firstWith(0, 1);
        return render(first ?? 0, 200);
      }
      // The answers of the page posted, as they were shown.
      const shownNames = new Set(field(body, 'shown').split(',').filter(Boolean));
      for (const slot of slotsOf(pages[index]!, answers)) {
        if (shownNames.has(slot.path)) setAt(answers, slot, postedValue(form, slot, body));
      }
      if (action === 'back') return render(firstWith(index - 1, -1) ?? index, 200);

      const slots = relevantSlots(index);
      const problems = checkAnswers(form, answers, { today }).problems;
      const onPage = problems.filter((p) => shownNames.has(p.field) && slots.some((slot) => slot.path === p.field));
      if (onPage.length > 0) return render(index, 422, { problems: onPage });
      if (slots.some((slot) => !shownNames.has(slot.path) && !answered(valueAt(answers, slot)))) {
        return render(index, 200, { more: true });
      }
      const next = firstWith(index + 1, 1);
      if (next !== null) return render(next, 200);
      try {
        await recordLinkResponse(request.ctx, followUpId, instrument, answers);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'not_found') {
          // Sent meanwhile from another page, or the code was replaced: the same as a used code.
          return show(
            request,
            reply,
            {
              values: { lang: language },
              errors: { code: 'outcomes.link.notRecognised' },
              answer: answer({ notRecognised: true }),
            },
            404,
          );
        }
        if (error.code !== 'validation_failed') throw error;
        // A problem left on an earlier page (a question skipped): show that page with it.
        const left = (error.errors ?? []).map((e) => ({ ...e, field: e.field.replace(/^body\.answers\./, '') }));
        const at = pages.findIndex((_page, i) =>
          relevantSlots(i).some((slot) => left.some((e) => e.field === slot.path)),
        );
        return render(at >= 0 ? at : index, 422, { problems: left as AnswerProblem[] });
      }
      return show(request, reply, { values: { lang: language }, errors: {}, answer: answer({ done: true }) }, 200);
    },
  );
};
