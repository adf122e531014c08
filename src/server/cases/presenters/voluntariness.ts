import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseStage, CoercionIndicator, VoluntarinessFileStatus } from '../../../shared/cases/constants.ts';
import type { HouseholdVoluntariness, ProtectionFlag, VoluntarinessFile } from '../../../shared/cases/schemas.ts';
import type { ZoneClass } from '../../../shared/zones/constants.ts';
import { organisationNameOf } from '../../platform/accounts/directory.ts';
import { recordAccess } from '../../platform/audit/access.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { zoneNames } from '../../zones/gazetteer.ts';
import { currentZoneClass } from '../../zones/public-zones.ts';
import type { HouseholdRow } from '../access.ts';
import { adultBirthYear, dayOf } from '../eligibility.ts';
import { fullName, type PersonName } from '../person-fields.ts';
import { nextStep } from '../rules/voluntariness.ts';
import {
  caseConditionsAddressed,
  caseCounsellingSessions,
  caseGoAndSeeVisits,
  casePeople,
  caseProtectionFlags,
  caseVoluntarinessFiles,
  caseZoneInformation,
} from '../tables.ts';

/**
 * The household's voluntariness as the household page and the counselling form show it: each member who needs
 * a file (adults and unaccompanied children), their file's steps with what was said and written (decrypted, and
 * the read recorded in the access log), the protection flags, and the intended zone's current class.
 */
export async function readVoluntariness(
  ctx: RequestContext,
  actor: Actor,
  household: HouseholdRow,
): Promise<HouseholdVoluntariness> {
  const { db } = ctx;
  const keyring = ctx.platform.keyring;
  const now = new Date();
  const today = dayOf(now);
  // What the person said or is (their words, a witness) is `person`; what staff wrote (notes, resolutions) `narrative`.
  const decrypt = (envelope: string | null, purpose: 'person' | 'narrative' = 'person') =>
    envelope === null ? null : keyring.decrypt(db, envelope, purpose);
  const people = await db
    .select({
      id: casePeople.id,
      position: casePeople.position,
      relationship: casePeople.relationship,
      nameEnc: casePeople.nameEnc,
      unaccompanied: casePeople.unaccompanied,
    })
    .from(casePeople)
    .where(
      and(
        eq(casePeople.householdId, household.id),
        sql`(${casePeople.birthYear} <= ${adultBirthYear(now)} or ${casePeople.unaccompanied})`,
      ),
    )
    .orderBy(asc(casePeople.position));
  const { files, sessions, information, visits } = await filesWithSteps(db, household.id);
  const organisationNames = new Map(
    (
      await db
        .select({
          id: caseCounsellingSessions.organisationId,
          name: organisationNameOf(caseCounsellingSessions.organisationId),
        })
        .from(caseCounsellingSessions)
        .where(
          sql`${caseCounsellingSessions.fileId} in (select f.id from ${caseVoluntarinessFiles} f where f.household_id = ${household.id})`,
        )
    ).map((row) => [row.id, row.name]),
  );
  const presented: VoluntarinessFile[] = [];
  for (const person of people) {
    const file = files.find((candidate) => candidate.personId === person.id);
    const since = file?.intentionOn ?? '9999-12-31';
    const own = <T extends { fileId: string }>(rows: T[]) => rows.filter((row) => row.fileId === file?.id);
    const fileSessions = own(sessions);
    const fileInformation = own(information);
    const current = {
      counselledOn: fileSessions.filter((s) => s.heldOn >= since).at(-1)?.heldOn ?? null,
      informedOn: fileInformation.filter((z) => z.givenOn >= since).at(-1)?.givenOn ?? null,
    };
    const name = JSON.parse((await decrypt(person.nameEnc))!) as PersonName;
    presented.push({
      personId: person.id,
      position: person.position,
      relationship: person.relationship,
      name: fullName(name),
      unaccompanied: person.unaccompanied,
      fileId: file?.id ?? null,
      status: (file?.status as VoluntarinessFileStatus | undefined) ?? null,
      nextStep: nextStep(file, current, today),
      intentionOn: file?.intentionOn ?? null,
      intention: file ? await decrypt(file.intentionEnc) : null,
      sessions: await Promise.all(
        fileSessions.map(async (session) => ({
          id: session.id,
          heldOn: session.heldOn,
          organisationId: session.organisationId,
          organisationName: organisationNames.get(session.organisationId) ?? null,
          language: session.language,
          private: session.private,
          notes: await decrypt(session.notesEnc, 'narrative'),
          coercionIndicators: session.coercionIndicators as CoercionIndicator[],
        })),
      ),
      zoneInformation: fileInformation.map((given) => ({
        id: given.id,
        givenOn: given.givenOn,
        pcode: given.pcode,
        zoneClass: given.zoneClass as ZoneClass,
        period: given.period,
        publicationId: given.publicationId,
        language: given.language,
        summary: ((given.shown as { summary?: string | null }).summary ?? null) as string | null,
      })),
      goAndSee: await Promise.all(
        own(visits).map(async (visit) => ({
          id: visit.id,
          visitedOn: visit.visitedOn,
          pcode: visit.pcode,
          notes: await decrypt(visit.notesEnc, 'narrative'),
        })),
      ),
      declaration:
        file?.declarationSignedOn && file.declarationWitnessEnc
          ? {
              signedOn: file.declarationSignedOn,
              witness: (await decrypt(file.declarationWitnessEnc))!,
              language: file.declarationLanguage ?? '',
              scan: file.declarationScanEnc !== null,
            }
          : null,
      coolingOffDays: file?.declarationSignedOn ? file.coolingOffDays : null,
      coolingOffEndsOn: file?.coolingOffEndsOn ?? null,
      withdrawnAt: file?.withdrawnAt?.toISOString() ?? null,
      withdrawalReason: file ? await decrypt(file.withdrawalEnc) : null,
    });
  }
  const flags = await db
    .select()
    .from(caseProtectionFlags)
    .where(eq(caseProtectionFlags.householdId, household.id))
    .orderBy(desc(caseProtectionFlags.raisedAt));
  const presentedFlags: ProtectionFlag[] = await Promise.all(
    flags.map(async (flag) => ({
      id: flag.id,
      personId: flag.personId,
      indicators: flag.indicators as CoercionIndicator[],
      status: flag.status as ProtectionFlag['status'],
      raisedAt: flag.raisedAt.toISOString(),
      closedAt: flag.closedAt?.toISOString() ?? null,
      resolution: await decrypt(flag.resolutionEnc, 'narrative'),
    })),
  );
  const zone = await currentZoneClass(db, household.intendedPcode, {
    freshMonths: ctx.platform.config.zoneClassFreshMonths,
    now,
  });
  const [conditions] = await db
    .select({ publicationId: caseConditionsAddressed.publicationId })
    .from(caseConditionsAddressed)
    .where(
      and(
        eq(caseConditionsAddressed.householdId, household.id),
        eq(caseConditionsAddressed.pcode, household.intendedPcode),
      ),
    )
    .orderBy(desc(caseConditionsAddressed.createdAt))
    .limit(1);
  await recordAccess(db, {
    actor: { userId: actor.userId, organisationId: actor.organisationId },
    recordType: 'case_person',
    recordId: people.map((person) => person.id),
    purpose: 'case_management',
  });
  return {
    householdId: household.id,
    reference: household.reference,
    stage: household.stage as CaseStage,
    coolingOffDays: ctx.platform.config.coolingOffDays,
    destination: {
      ...zone,
      zoneName: await zoneNames(db, household.intendedPcode),
      conditionsAddressedFor: conditions?.publicationId ?? null,
    },
    files: presented,
    flags: presentedFlags,
  };
}

/** A household's files with all their steps, oldest first. */
async function filesWithSteps(db: Database, householdId: string) {
  const files = await db
    .select()
    .from(caseVoluntarinessFiles)
    .where(eq(caseVoluntarinessFiles.householdId, householdId));
  const ids = files.map((file) => file.id);
  const sessions =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(caseCounsellingSessions)
          .where(inArray(caseCounsellingSessions.fileId, ids))
          .orderBy(asc(caseCounsellingSessions.heldOn), asc(caseCounsellingSessions.createdAt));
  const information =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(caseZoneInformation)
          .where(inArray(caseZoneInformation.fileId, ids))
          .orderBy(asc(caseZoneInformation.givenOn), asc(caseZoneInformation.createdAt));
  const visits =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(caseGoAndSeeVisits)
          .where(inArray(caseGoAndSeeVisits.fileId, ids))
          .orderBy(asc(caseGoAndSeeVisits.visitedOn));
  return { files, sessions, information, visits };
}
