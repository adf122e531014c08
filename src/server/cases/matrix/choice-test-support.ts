import { eq } from 'drizzle-orm';
import type { Case, MatrixFixture, MatrixPart, Target } from '../../../../test/support/matrix.ts';
import { memberships } from '../../platform/accounts/schema.ts';
import { openDecision } from '../decisions.ts';
import { raiseFlag } from '../protection-flags.ts';
import { caseVoluntarinessFiles } from '../tables.ts';
import { insertTestHousehold } from '../test-support.ts';

/**
 * The authorization matrix's cells for the cases module's choice operations (see
 * ../../platform/policy/matrix.test.ts): a household of each organisation, with an adult, an open protection flag
 * and a pending eligibility decision of its own organisation. Another organisation's household is refused with
 * 404, whatever the operation.
 */
interface Records {
  household: string;
  person: string;
  flag: string;
  decision: string;
  /** Another household, whose adult signed a declaration with a scanned copy (a household of its own, so that
   * the other operations' writes on the first never take the scan away). */
  scanned: { household: string; person: string };
}
const records = new Map<Target, Records>();
const of = (target: Target) => records.get(target)!;

async function setupFor(fixture: MatrixFixture, organisationId: string): Promise<Records> {
  const db = fixture.env.database.db;
  const [member] = await db.select().from(memberships).where(eq(memberships.organisationId, organisationId));
  const actor = { userId: member!.userId, organisationId };
  const household = await insertTestHousehold(db, fixture.env.app.platform.keyring, { organisationId });
  const flag = await raiseFlag(db, actor, household, household.personIds[0]!, ['threats']);
  const decision = await openDecision(db, {
    household,
    kind: 'eligibility',
    organisationId,
    levels: fixture.env.config.serviceLevels,
    actor,
  });
  const scanned = await insertTestHousehold(db, fixture.env.app.platform.keyring, { organisationId });
  const keyring = fixture.env.app.platform.keyring;
  await db.insert(caseVoluntarinessFiles).values({
    householdId: scanned.id,
    personId: scanned.personIds[0]!,
    status: 'complete',
    intentionOn: '2026-01-01',
    declarationSignedOn: '2026-01-02',
    declarationWitnessEnc: await keyring.encrypt(db, 'person', 'A witness'),
    declarationLanguage: 'ar',
    declarationScanEnc: await keyring.encrypt(db, 'person', Buffer.from('%PDF-1.4').toString('base64')),
    coolingOffDays: 7,
    coolingOffEndsOn: '2026-01-09',
  });
  return {
    household: household.id,
    person: household.personIds[0]!,
    flag,
    decision: decision.id,
    scanned: { household: scanned.id, person: scanned.personIds[0]! },
  };
}

const household = (t: Target) => `/api/v1/cases/households/${of(t).household}`;
const person = (t: Target) => `${household(t)}/people/${of(t).person}`;
const onHousehold = (path: (t: Target) => string, body?: unknown, hides = false): Case => ({
  reach: 'own',
  refusal: 404,
  ...(hides ? { hides } : {}),
  request: (t) => ({ url: path(t), ...(body === undefined ? {} : { body }) }),
});
const today = () => new Date().toISOString().slice(0, 10);

export const choiceMatrix: MatrixPart = {
  setup: async (fixture) => {
    records.set('own', await setupFor(fixture, fixture.own));
    records.set('other', await setupFor(fixture, fixture.other));
  },
  cases: () => ({
    'GET /api/v1/cases/households/{id}/voluntariness': onHousehold(
      (t) => `${household(t)}/voluntariness`,
      undefined,
      true,
    ),
    'POST /api/v1/cases/households/{id}/people/{personId}/intention': onHousehold((t) => `${person(t)}/intention`, {
      on: today(),
    }),
    'POST /api/v1/cases/households/{id}/people/{personId}/counselling-sessions': onHousehold(
      (t) => `${person(t)}/counselling-sessions`,
      { heldOn: today(), language: 'ar', private: true },
    ),
    'POST /api/v1/cases/households/{id}/people/{personId}/zone-information': onHousehold(
      (t) => `${person(t)}/zone-information`,
      { language: 'ar', publicationId: null },
    ),
    'POST /api/v1/cases/households/{id}/people/{personId}/go-and-see': onHousehold((t) => `${person(t)}/go-and-see`, {
      visitedOn: today(),
    }),
    'POST /api/v1/cases/households/{id}/people/{personId}/declaration': onHousehold((t) => `${person(t)}/declaration`, {
      signedOn: today(),
      witness: 'A witness',
      language: 'ar',
    }),
    'GET /api/v1/cases/households/{id}/people/{personId}/declaration/scan': onHousehold(
      (t) => `/api/v1/cases/households/${of(t).scanned.household}/people/${of(t).scanned.person}/declaration/scan`,
    ),
    'POST /api/v1/cases/households/{id}/people/{personId}/withdrawal': onHousehold(
      (t) => `${person(t)}/withdrawal`,
      {},
    ),
    'POST /api/v1/cases/households/{id}/people/{personId}/needs-plan': onHousehold((t) => `${person(t)}/needs-plan`, {
      plans: [{ need: 'disability', plan: 'A plan' }],
    }),
    'PUT /api/v1/cases/households/{id}/people/{personId}/document-status': onHousehold(
      (t) => `${person(t)}/document-status`,
      { status: 'available' },
    ),
    'POST /api/v1/cases/households/{id}/protection-flags': onHousehold((t) => `${household(t)}/protection-flags`, {
      indicators: ['detention'],
    }),
    'POST /api/v1/cases/households/{id}/protection-flags/{flagId}/closure': onHousehold(
      (t) => `${household(t)}/protection-flags/${of(t).flag}/closure`,
      { resolution: 'Resolved' },
    ),
    'POST /api/v1/cases/households/{id}/conditions': onHousehold((t) => `${household(t)}/conditions`, {
      publicationId: '00000000-0000-4000-8000-000000000000',
      how: 'How',
    }),
    'GET /api/v1/cases/households/{id}/eligibility': onHousehold((t) => `${household(t)}/eligibility`),
    'GET /api/v1/cases/households/{id}/decisions': onHousehold((t) => `${household(t)}/decisions`, undefined, true),
    'POST /api/v1/cases/households/{id}/decisions': onHousehold((t) => `${household(t)}/decisions`, {}),
    'GET /api/v1/cases/decisions': { hides: true, request: () => ({ url: '/api/v1/cases/decisions' }) },
    'POST /api/v1/cases/decisions/{id}/decision': onHousehold(
      (t) => `/api/v1/cases/decisions/${of(t).decision}/decision`,
      {
        outcome: 'not_eligible',
        rationale: 'The file is not complete',
      },
    ),
  }),
};
