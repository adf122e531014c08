import { describe, expect, it } from 'vitest';
import {
  agreementRequest,
  checkAgreement,
  checkOrganisation,
  checkPeriod,
  checkUser,
  createUserRequest,
  emptyUserForm,
  hasProblems,
  organisationChanges,
  organisationRequest,
  periodQuery,
  type UserForm,
} from './requests.ts';
import type { Organisation } from './types.ts';

const ORG = '0190f3a0-0000-7000-8000-000000000001';
const OTHER = '0190f3a0-0000-7000-8000-000000000002';

describe('organisation form', () => {
  const original: Organisation = {
    id: ORG,
    name: 'Maren Centre',
    kind: 'monitoring_centre',
    homeState: 'XA',
    active: true,
    createdAt: '2025-01-01T00:00:00.000Z',
  };

  it('trims the name and upper-cases the state code before sending', () => {
    expect(organisationRequest({ name: '  Delta Aid ', kind: 'civil_society', homeState: ' xb' })).toEqual({
      name: 'Delta Aid',
      kind: 'civil_society',
      homeState: 'XB',
    });
  });

  it('sends only the fields that changed, and nothing when none did', () => {
    expect(organisationChanges(original, { name: 'Maren Centre', kind: 'monitoring_centre', homeState: 'xb' })).toEqual(
      {
        homeState: 'XB',
      },
    );
    expect(organisationChanges(original, { name: ' Maren Centre ', kind: 'monitoring_centre', homeState: 'xa' })).toBe(
      undefined,
    );
  });

  it('asks for every field and a two-letter state code', () => {
    expect(checkOrganisation({ name: ' ', kind: '', homeState: 'X1' })).toEqual({
      name: 'administration.check.required',
      kind: 'administration.check.required',
      homeState: 'administration.check.stateCode',
    });
    expect(hasProblems(checkOrganisation({ name: 'A', kind: 'donor', homeState: 'xc' }))).toBe(false);
  });
});

describe('new user form', () => {
  const filled = (overrides: Partial<UserForm> = {}): UserForm => ({
    ...emptyUserForm(ORG),
    email: ' amal@example.org ',
    displayName: ' Amal Haddad ',
    password: 'correct horse battery',
    memberships: [{ organisationId: ORG, role: 'field_monitor' }],
    ...overrides,
  });

  it('sends the password the administrator set, trimmed email and name, and the memberships', () => {
    expect(createUserRequest(filled())).toEqual({
      email: 'amal@example.org',
      displayName: 'Amal Haddad',
      password: 'correct horse battery',
      memberships: [{ organisationId: ORG, role: 'field_monitor' }],
    });
  });

  it('sends no password when a one-time password is to be generated, even if one was typed before', () => {
    const request = createUserRequest(filled({ passwordMode: 'generate' }));
    expect(request).not.toHaveProperty('password');
    expect(hasProblems(checkUser(filled({ passwordMode: 'generate', password: '' })))).toBe(false);
  });

  it('refuses a short password, a missing email and an incomplete membership, naming the API fields', () => {
    const checks = checkUser(
      filled({
        email: '',
        password: 'short',
        memberships: [
          { organisationId: ORG, role: 'field_monitor' },
          { organisationId: '', role: 'auditor' },
        ],
      }),
    );
    expect(checks).toMatchObject({
      email: 'administration.check.required',
      password: 'administration.check.passwordLength',
      'memberships.1.organisationId': 'administration.check.required',
    });
    expect(checks['memberships.1.role']).toBeUndefined();
  });

  it('refuses the same organisation and role listed twice', () => {
    const twice = { organisationId: OTHER, role: 'verifier' as const };
    expect(checkUser(filled({ memberships: [twice, twice] }))['memberships.1.role']).toBe(
      'administration.check.duplicateMembership',
    );
  });
});

describe('agreement form', () => {
  const now = new Date(2026, 2, 10, 15, 0);

  it('expires at the end of the chosen day where the person is', () => {
    const request = agreementRequest(
      { toOrganisationId: OTHER, purpose: 'protection', dataCategories: ['identity', 'case'], expiresOn: '2026-12-31' },
      ORG,
    );
    expect(request).toEqual({
      fromOrganisationId: ORG,
      toOrganisationId: OTHER,
      purpose: 'protection',
      dataCategories: ['identity', 'case'],
      expiresAt: new Date(2026, 11, 31, 23, 59, 59).toISOString(),
    });
  });

  it('accepts today as the last day, refuses yesterday, impossible dates and an empty choice', () => {
    const base = { toOrganisationId: OTHER, purpose: 'statistics' as const, dataCategories: ['outcome' as const] };
    expect(checkAgreement({ ...base, expiresOn: '2026-03-10' }, now).expiresAt).toBeUndefined();
    expect(checkAgreement({ ...base, expiresOn: '2026-03-09' }, now).expiresAt).toBe('administration.check.future');
    expect(checkAgreement({ ...base, expiresOn: '2026-02-30' }, now).expiresAt).toBe('administration.check.date');
    expect(checkAgreement({ ...base, dataCategories: [], expiresOn: '' }, now)).toMatchObject({
      dataCategories: 'administration.check.chooseCategory',
      expiresAt: 'administration.check.required',
    });
  });
});

describe('log period', () => {
  it('runs from the start of the first day to the start of the day after the last, in local time', () => {
    expect(periodQuery('2026-03-01', '2026-03-31')).toEqual({
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
    expect(periodQuery('', '2026-12-31')).toEqual({ to: new Date(2027, 0, 1).toISOString() });
    expect(periodQuery('', '')).toEqual({});
  });

  it('refuses a last day before the first, and allows a single day', () => {
    expect(checkPeriod('2026-03-05', '2026-03-04').to).toBe('administration.check.period');
    expect(hasProblems(checkPeriod('2026-03-05', '2026-03-05'))).toBe(false);
  });
});
