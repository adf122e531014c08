import type { MatrixFixture, MatrixPart, Target } from '../../../../test/support/matrix.ts';
import type { RegisteredHousehold } from '../../../shared/cases/schemas.ts';
import { createTestAccount, signIn } from '../../platform/auth/test-support.ts';
import { caseConsents, caseShares } from '../tables.ts';
import { insertTestHousehold } from '../test-support.ts';

/**
 * The authorization matrix's cells for the cases module's people operations (see
 * ../../platform/policy/matrix.test.ts): a household of the callers' organisation, registered through the API
 * with a consent and a share, and one of the other organisation, written straight into the tables, that the
 * callers may not reach (404).
 */
interface Records {
  household: string;
  person: string;
  consent: string;
  share: string;
}
const ids: Record<Target, Records> = {
  own: { household: '', person: '', consent: '', share: '' },
  other: { household: '', person: '', consent: '', share: '' },
};
let third = '';

const registration = () => ({
  asylumStateCode: 'QT',
  intendedPcode: 'QM0101',
  members: [
    {
      name: { given: 'Matrix', family: `Person ${Math.random().toString(36).slice(2, 8)}` },
      dateOfBirth: '1979-05-01',
      sex: 'female',
      relationship: 'head',
      documentStatus: 'available',
    },
  ],
});

async function setup(fixture: MatrixFixture): Promise<void> {
  const { env, own, other, clients } = fixture;
  const db = env.database.db;
  third = fixture.third;
  const worker = clients.get('case_worker')!;
  const registered = await worker.request({ method: 'POST', url: '/api/v1/cases/households', payload: registration() });
  if (registered.statusCode !== 201) throw new Error(`setup household: ${registered.body}`);
  const household = registered.json<RegisteredHousehold>().household;
  ids.own.household = household.id;
  ids.own.person = household.members[0]!.id;
  const consent = await worker.request({
    method: 'POST',
    url: `/api/v1/cases/households/${household.id}/consents`,
    payload: { personId: ids.own.person, purpose: 'protection', givenOn: '2026-01-02', channel: 'in_person' },
  });
  if (consent.statusCode !== 201) throw new Error(`setup consent: ${consent.body}`);
  ids.own.consent = consent.json<{ id: string }>().id;
  const agreement = await clients.get('administrator')!.request({
    method: 'POST',
    url: '/api/v1/agreements',
    payload: {
      fromOrganisationId: own,
      toOrganisationId: third,
      purpose: 'protection',
      dataCategories: ['case'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  if (agreement.statusCode !== 201) throw new Error(`setup agreement: ${agreement.body}`);
  const share = await worker.request({
    method: 'POST',
    url: `/api/v1/cases/households/${household.id}/shares`,
    payload: { toOrganisationId: third, purpose: 'protection' },
  });
  if (share.statusCode !== 201) throw new Error(`setup share: ${share.body}`);
  ids.own.share = share.json<{ id: string }>().id;

  const stranger = await createTestAccount(env.app, { roles: ['case_worker'], organisationId: other });
  const theirs = await insertTestHousehold(db, env.app.platform.keyring, {
    organisationId: other,
    registeredBy: stranger.userId,
  });
  ids.other.household = theirs.id;
  ids.other.person = theirs.personIds[0]!;
  const [theirConsent] = await db
    .insert(caseConsents)
    .values({
      personId: ids.other.person,
      householdId: theirs.id,
      purpose: 'protection',
      givenOn: '2026-01-02',
      channel: 'in_person',
      recordedBy: stranger.userId,
    })
    .returning();
  ids.other.consent = theirConsent!.id;
  const otherAgreement = await agreementFrom(fixture, other);
  const [theirShare] = await db
    .insert(caseShares)
    .values({
      householdId: theirs.id,
      toOrganisationId: third,
      purpose: 'protection',
      agreementId: otherAgreement,
      sharedBy: stranger.userId,
    })
    .returning();
  ids.other.share = theirShare!.id;
}

/** An agreement from the other organisation to the third, made by an administrator of the other organisation. */
async function agreementFrom(fixture: MatrixFixture, from: string): Promise<string> {
  const admin = await signIn(
    fixture.env.app,
    await createTestAccount(fixture.env.app, { roles: ['administrator'], organisationId: from }),
  );
  const response = await admin.request({
    method: 'POST',
    url: '/api/v1/agreements',
    payload: {
      fromOrganisationId: from,
      toOrganisationId: fixture.third,
      purpose: 'protection',
      dataCategories: ['case'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  if (response.statusCode !== 201) throw new Error(`setup agreement: ${response.body}`);
  return response.json<{ id: string }>().id;
}

const household = (t: Target) => `/api/v1/cases/households/${ids[t].household}`;

export const peopleMatrix: MatrixPart = {
  setup,
  cases: () => ({
    'POST /api/v1/cases/search': {
      request: () => ({ url: '/api/v1/cases/search', body: { name: 'Matrix Nobody' } }),
    },
    'GET /api/v1/cases/households': { request: () => ({ url: '/api/v1/cases/households?limit=5' }) },
    'POST /api/v1/cases/households': {
      request: () => ({ url: '/api/v1/cases/households', body: registration() }),
    },
    'GET /api/v1/cases/households/{id}': { reach: 'own', refusal: 404, request: (t) => ({ url: household(t) }) },
    'PATCH /api/v1/cases/households/{id}': {
      reach: 'own',
      refusal: 404,
      request: (t) => ({ url: household(t), body: { asylumStateCode: 'QT' } }),
    },
    'POST /api/v1/cases/households/{id}/duplicate-review': {
      reach: 'own',
      refusal: 404,
      request: (t) => ({ url: `${household(t)}/duplicate-review`, body: { verdict: 'distinct' } }),
    },
    'POST /api/v1/cases/households/{id}/consents': {
      reach: 'own',
      refusal: 404,
      request: (t) => ({
        url: `${household(t)}/consents`,
        body: { personId: ids[t].person, purpose: 'return_assistance', givenOn: '2026-01-03', channel: 'phone' },
      }),
    },
    'POST /api/v1/cases/households/{id}/consents/{consentId}/withdraw': {
      reach: 'own',
      refusal: 404,
      request: (t) => ({ url: `${household(t)}/consents/${ids[t].consent}/withdraw`, body: { channel: 'written' } }),
    },
    'POST /api/v1/cases/households/{id}/shares': {
      reach: 'own',
      refusal: 404,
      request: (t) => ({ url: `${household(t)}/shares`, body: { toOrganisationId: third, purpose: 'protection' } }),
    },
    'GET /api/v1/cases/share-recipients': {
      request: () => ({ url: '/api/v1/cases/share-recipients?purpose=protection' }),
    },
    'POST /api/v1/cases/households/{id}/shares/{shareId}/end': {
      reach: 'own',
      refusal: 404,
      request: (t) => ({ url: `${household(t)}/shares/${ids[t].share}/end` }),
    },
  }),
};
