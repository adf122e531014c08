import type { DataCategory, OrganisationKind, Role, SharingPurpose } from '../../../shared/vocabulary.ts';
import { isLongEnough, looksLikeEmail } from '../sign-in/rules.ts';
import type { Organisation } from './types.ts';

/**
 * What the administration forms hold, how it becomes a request, and the checks made before sending (so a slip
 * is reported at once, in the person's language). The server checks everything again. A check gives the
 * catalogue key of its message.
 */
export type Checks<Field extends string> = Partial<Record<Field, string>>;
export const hasProblems = (checks: Checks<string>) => Object.values(checks).some(Boolean);

const REQUIRED = 'administration.check.required';
const STATE_CODE = /^[A-Z]{2}$/;

// Organisations

export interface OrganisationForm {
  name: string;
  kind: OrganisationKind | '';
  homeState: string;
}

export const emptyOrganisationForm: OrganisationForm = { name: '', kind: '', homeState: '' };

export const organisationFormOf = (organisation: Organisation): OrganisationForm => ({
  name: organisation.name,
  kind: organisation.kind,
  homeState: organisation.homeState,
});

/** State codes are upper case; people type them either way. */
const stateCode = (value: string) => value.trim().toUpperCase();

export function checkOrganisation(form: OrganisationForm): Checks<keyof OrganisationForm> {
  return {
    name: form.name.trim() ? undefined : REQUIRED,
    kind: form.kind ? undefined : REQUIRED,
    homeState: !form.homeState.trim()
      ? REQUIRED
      : STATE_CODE.test(stateCode(form.homeState))
        ? undefined
        : 'administration.check.stateCode',
  };
}

export function organisationRequest(form: OrganisationForm) {
  return { name: form.name.trim(), kind: form.kind as OrganisationKind, homeState: stateCode(form.homeState) };
}

/** Only what changed (the API records which fields changed); undefined when nothing did. */
export function organisationChanges(original: Organisation, form: OrganisationForm) {
  const wanted = organisationRequest(form);
  const changes = Object.fromEntries(
    (['name', 'kind', 'homeState'] as const)
      .filter((field) => wanted[field] !== original[field])
      .map((field) => [field, wanted[field]]),
  ) as Partial<ReturnType<typeof organisationRequest>>;
  return Object.keys(changes).length > 0 ? changes : undefined;
}

// People

export interface MembershipRow {
  organisationId: string;
  role: Role | '';
}

export interface UserForm {
  email: string;
  displayName: string;
  /** `set`: the administrator gives the first password; `generate`: a one-time password is shown once. */
  passwordMode: 'set' | 'generate';
  password: string;
  memberships: MembershipRow[];
}

export const emptyUserForm = (organisationId = ''): UserForm => ({
  email: '',
  displayName: '',
  passwordMode: 'set',
  password: '',
  memberships: [{ organisationId, role: '' }],
});

/** Field names as the API reports them (`memberships.0.role`), so server and local checks land on the same field. */
export function checkUser(form: UserForm): Checks<string> {
  const checks: Checks<string> = {
    email: !form.email.trim() ? REQUIRED : looksLikeEmail(form.email) ? undefined : 'administration.check.email',
    displayName: form.displayName.trim() ? undefined : REQUIRED,
    password:
      form.passwordMode === 'generate'
        ? undefined
        : !form.password
          ? REQUIRED
          : isLongEnough(form.password)
            ? undefined
            : 'administration.check.passwordLength',
  };
  form.memberships.forEach((row, index) => {
    checks[`memberships.${index}.organisationId`] = row.organisationId ? undefined : REQUIRED;
    checks[`memberships.${index}.role`] = row.role ? undefined : REQUIRED;
  });
  const seen = new Set<string>();
  form.memberships.forEach((row, index) => {
    const key = `${row.organisationId}/${row.role}`;
    if (row.organisationId && row.role && seen.has(key)) {
      checks[`memberships.${index}.role`] = 'administration.check.duplicateMembership';
    }
    seen.add(key);
  });
  return checks;
}

export function createUserRequest(form: UserForm) {
  return {
    email: form.email.trim(),
    displayName: form.displayName.trim(),
    ...(form.passwordMode === 'set' ? { password: form.password } : {}),
    memberships: form.memberships.map((row) => ({ organisationId: row.organisationId, role: row.role as Role })),
  };
}

// Data-sharing agreements

export interface AgreementForm {
  toOrganisationId: string;
  purpose: SharingPurpose | '';
  dataCategories: DataCategory[];
  /** The last day the agreement holds, as a date input gives it: `YYYY-MM-DD`. */
  expiresOn: string;
}

export const emptyAgreementForm: AgreementForm = {
  toOrganisationId: '',
  purpose: '',
  dataCategories: [],
  expiresOn: '',
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` day at a given local time, or undefined for anything else. */
function localDay(day: string, hours: number, minutes = 0, seconds = 0): Date | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hours, minutes, seconds);
  return Number.isNaN(date.getTime()) || date.getDate() !== Number(match[3]) ? undefined : date;
}

/** An agreement holds through its last day: it expires at the end of that day where the person is. */
export const endOfDay = (day: string) => localDay(day, 23, 59, 59)?.toISOString();

export function checkAgreement(form: AgreementForm, now = new Date()): Checks<string> {
  const expiry = localDay(form.expiresOn, 23, 59, 59);
  return {
    toOrganisationId: form.toOrganisationId ? undefined : REQUIRED,
    purpose: form.purpose ? undefined : REQUIRED,
    dataCategories: form.dataCategories.length > 0 ? undefined : 'administration.check.chooseCategory',
    expiresAt: !form.expiresOn
      ? REQUIRED
      : !expiry
        ? 'administration.check.date'
        : expiry.getTime() > now.getTime()
          ? undefined
          : 'administration.check.future',
  };
}

export function agreementRequest(form: AgreementForm, fromOrganisationId: string) {
  return {
    fromOrganisationId,
    toOrganisationId: form.toOrganisationId,
    purpose: form.purpose as SharingPurpose,
    dataCategories: [...form.dataCategories],
    expiresAt: endOfDay(form.expiresOn) ?? form.expiresOn,
  };
}

// Log filters

/**
 * A period chosen as two days (either may be empty), as the log APIs take it: `from` at the start of the first
 * day, `to` (exclusive) at the start of the day after the last, both where the person is.
 */
export function periodQuery(fromDay: string, toDay: string): { from?: string; to?: string } {
  const from = fromDay ? localDay(fromDay, 0) : undefined;
  const last = toDay ? localDay(toDay, 0) : undefined;
  const to = last ? new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1) : undefined;
  return { ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: to.toISOString() } : {}) };
}

export function checkPeriod(fromDay: string, toDay: string): Checks<'from' | 'to'> {
  const from = fromDay ? localDay(fromDay, 0) : undefined;
  const to = toDay ? localDay(toDay, 0) : undefined;
  return {
    from: fromDay && !from ? 'administration.check.date' : undefined,
    to:
      toDay && !to ? 'administration.check.date' : from && to && from > to ? 'administration.check.period' : undefined,
  };
}
