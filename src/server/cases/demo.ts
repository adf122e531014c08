import { count, eq } from 'drizzle-orm';
import {
  CASE_STAGES,
  type CaseStage,
  DEFAULT_COOLING_OFF_DAYS,
  FOLLOW_UP_MONTHS,
} from '../../shared/cases/constants.ts';
import type { EligibilityRow } from '../../shared/cases/schemas.ts';
import { DEMO_ZONE_STORY } from '../demo/story.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AnyAuditEntryInput, type AuditActor, appendAuditBatch } from '../platform/audit/log.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import type { DemoContext } from '../platform/module.ts';
import { findZone } from '../zones/gazetteer.ts';
import { publicZoneHistory, publishedZones } from '../zones/public-zones.ts';
import { followUpSchedule } from './arrivals.ts';
import { type DemoDestinations, type DemoHousehold, generateDemoHouseholds } from './demo-story.ts';
import { sealPerson } from './person-fields.ts';
import { hashStatusCode } from './references.ts';
import { checkEligibility, countFiles, type EligibilityFacts } from './rules/eligibility.ts';
import { coolingOffEndsOn } from './rules/voluntariness.ts';
import * as t from './tables.ts';
import './events.ts';

/** A household to try in the demo: a member's name, document and phone to search by, and its slip. */
export interface DemoCaseSample {
  reference: string;
  statusCode: string;
  stage: CaseStage;
  zone: string;
  name: string;
  documentNumber: string | null;
  phone: string | null;
}

export interface DemoCasesSummary {
  households: number;
  people: number;
  stages: Partial<Record<CaseStage, number>>;
  movements: number;
  suspendedMovements: number;
  appeals: number;
  openProtectionFlags: number;
  samples: DemoCaseSample[];
}

const ROWS_PER_STATEMENT = 500;
const DAY = 86_400_000;

/** The demo's case workers and reviewers, and the organisations that run the network. */
export interface DemoCasePeople {
  caseWorker: AuditActor;
  protectionOfficer: AuditActor;
  coordinator: AuditActor;
  organisations: { un: string; jmc: string; origin: string; asylumT: string; asylumO: string };
}

export function demoCasePeople(context: DemoContext): DemoCasePeople {
  const { case_worker: caseWorker, protection_officer: protectionOfficer, coordinator } = context.people;
  const { un, jmc, origin } = context.organisations;
  const asylumT = context.organisations['asylum-t'];
  const asylumO = context.organisations['asylum-o'];
  if (!caseWorker || !protectionOfficer || !coordinator || !un || !jmc || !origin || !asylumT || !asylumO) {
    throw new Error(
      'module "cases": the demo needs a case worker, a protection officer, a coordinator and the UN, JMC, origin and asylum organisations',
    );
  }
  return { caseWorker, protectionOfficer, coordinator, organisations: { un, jmc, origin, asylumT, asylumO } };
}

/** Where the demo's households go, from the zones' published classes (the zones demo loads first). */
export async function demoDestinations(db: Database): Promise<DemoDestinations> {
  const published = (await publishedZones(db, false)).filter((zone) => zone.level === 'location');
  const byClass = (zoneClass: string) => published.filter((zone) => zone.class === zoneClass).map((zone) => zone.pcode);
  const conducive = byClass('conducive');
  const alwaysConducive = conducive.filter((pcode) =>
    (DEMO_ZONE_STORY.conduciveDistricts as readonly string[]).some((district) => pcode.startsWith(district)),
  );
  const history = (await publicZoneHistory(db, DEMO_ZONE_STORY.deteriorating).catch(() => ({ history: [] }))).history;
  // The newest month whose class is worse than the month before it: when the convoy was stopped.
  let deteriorating: DemoDestinations['deteriorating'] = null;
  for (let i = 0; i + 1 < history.length; i++) {
    const [now, before] = [history[i]!, history[i + 1]!];
    if (before.class === 'conducive' && now.class !== 'conducive') {
      deteriorating = {
        pcode: DEMO_ZONE_STORY.deteriorating,
        downgradedOn: now.publication.publishedAt.slice(0, 10),
        from: before.class,
        to: now.class,
        period: now.period,
      };
    }
  }
  const notConducive = [...byClass('not_conducive'), ...byClass('insufficient_data')].filter(
    (pcode) => pcode !== DEMO_ZONE_STORY.deteriorating,
  );
  return {
    conducive: conducive.length > 0 ? conducive : published.map((zone) => zone.pcode),
    alwaysConducive: alwaysConducive.length > 0 ? alwaysConducive : conducive,
    conditionallyConducive: byClass('conditionally_conducive'),
    notConducive: notConducive.length > 0 ? notConducive : published.map((zone) => zone.pcode),
    any: published.map((zone) => zone.pcode),
    deteriorating,
  };
}

/**
 * Loads the demo's households when the UN agency has none: every row in multi-row statements and one
 * transaction, with the audit entries each step would have appended. Returns what there is, with samples.
 */
export async function loadDemoCases(
  db: Database,
  keyring: Keyring,
  people: DemoCasePeople,
  now = new Date(),
): Promise<DemoCasesSummary> {
  const destinations = await demoDestinations(db);
  const households = generateDemoHouseholds(destinations, now);
  const [existing] = await db
    .select({ n: count() })
    .from(t.caseHouseholds)
    .where(eq(t.caseHouseholds.organisationId, people.organisations.un));
  if ((existing?.n ?? 0) === 0 && destinations.any.length > 0) {
    await writeDemoCases(db, keyring, people, households, destinations);
  }
  return summariseDemoCases(db, households);
}

type Rows<T extends { $inferInsert: unknown }> = T['$inferInsert'][];

async function writeDemoCases(
  db: Database,
  keyring: Keyring,
  people: DemoCasePeople,
  households: readonly DemoHousehold[],
  destinations: DemoDestinations,
): Promise<void> {
  const { caseWorker, protectionOfficer, coordinator, organisations } = people;
  const published = new Map((await publishedZones(db, false)).map((zone) => [zone.pcode, zone]));
  await inTransaction(db, async (tx) => {
    const network = await writeNetwork(tx, coordinator, organisations);
    const rows = {
      households: [] as Rows<typeof t.caseHouseholds>,
      people: [] as Rows<typeof t.casePeople>,
      indexes: [] as Rows<typeof t.casePersonIndexes>,
      consents: [] as Rows<typeof t.caseConsents>,
      files: [] as Rows<typeof t.caseVoluntarinessFiles>,
      sessions: [] as Rows<typeof t.caseCounsellingSessions>,
      information: [] as Rows<typeof t.caseZoneInformation>,
      visits: [] as Rows<typeof t.caseGoAndSeeVisits>,
      flags: [] as Rows<typeof t.caseProtectionFlags>,
      conditions: [] as Rows<typeof t.caseConditionsAddressed>,
      decisions: [] as Rows<typeof t.caseDecisions>,
      appeals: [] as Rows<typeof t.caseAppeals>,
      movements: [] as Rows<typeof t.caseMovements>,
      onMovements: [] as Rows<typeof t.caseMovementHouseholds>,
      arrivals: [] as Rows<typeof t.caseArrivals>,
      followUps: [] as Rows<typeof t.caseFollowUps>,
      notices: [] as Rows<typeof t.caseNotices>,
    };
    const audit: AnyAuditEntryInput[] = [];
    const movementOf = new Map<string, string>();
    const at = (date: string) => new Date(`${date}T09:00:00Z`);

    for (const household of households) {
      const id = newId();
      const subject = `household:${id}`;
      const ids = { householdId: id, reference: household.reference };
      const zone = published.get(household.intendedPcode);
      rows.households.push({
        id,
        reference: household.reference,
        statusCodeHash: await hashStatusCode(tx, keyring, household.reference, household.statusCode),
        organisationId: organisations.un,
        asylumStateCode: household.asylumStateCode,
        intendedPcode: household.intendedPcode,
        stateCode: household.intendedPcode.slice(0, 2),
        stage: household.stage,
        memberCount: household.people.length,
        caseOfficerId: caseWorker.userId,
        registeredBy: caseWorker.userId,
        registeredAt: household.registeredAt,
        updatedAt: household.registeredAt,
      });
      audit.push({
        type: 'cases.household_registered',
        actor: caseWorker,
        subject,
        details: {
          ...ids,
          members: household.people.length,
          intendedPcode: household.intendedPcode,
          possibleDuplicateOf: null,
        },
      });
      const personIds: string[] = [];
      for (const [position, member] of household.people.entries()) {
        const personId = newId();
        personIds.push(personId);
        const { indexes, ...sealed } = await sealPerson(tx, keyring, member.fields);
        rows.people.push({
          id: personId,
          householdId: id,
          position,
          relationship: member.relationship,
          sex: member.sex,
          documentStatus: member.documentStatus,
          unaccompanied: member.unaccompanied,
          ...sealed,
        });
        for (const index of indexes) rows.indexes.push({ personId, householdId: id, ...index });
        const consentId = newId();
        rows.consents.push({
          id: consentId,
          personId,
          householdId: id,
          purpose: 'case_management',
          givenOn: household.registeredAt.toISOString().slice(0, 10),
          channel: 'in_person',
          recordedBy: caseWorker.userId,
          recordedAt: household.registeredAt,
        });
        audit.push({
          type: 'cases.consent_recorded',
          actor: caseWorker,
          subject,
          details: { ...ids, personId, consentId, purpose: 'case_management' },
        });
      }
      const registration = newId();
      rows.decisions.push({
        id: registration,
        householdId: id,
        kind: 'registration',
        organisationId: organisations.un,
        openedAt: household.registeredAt,
        dueOn: household.registration.dueOn,
        status: household.registration.decidedOn ? 'decided' : 'pending',
        outcome: household.registration.decidedOn ? 'accepted' : null,
        rationaleEnc: household.registration.decidedOn
          ? await keyring.encrypt(tx, 'narrative', 'Registered in person with documents seen; intends to return.')
          : null,
        decidedBy: household.registration.decidedOn ? caseWorker.userId : null,
        decidedAt: household.registration.decidedOn ? at(household.registration.decidedOn) : null,
      });
      audit.push({
        type: 'cases.decision_opened',
        actor: caseWorker,
        subject,
        details: {
          ...ids,
          decisionId: registration,
          kind: 'registration',
          organisationId: organisations.un,
          dueOn: household.registration.dueOn,
        },
      });
      if (household.registration.decidedOn) {
        audit.push({
          type: 'cases.decision_made',
          actor: caseWorker,
          subject,
          details: { ...ids, decisionId: registration, kind: 'registration', outcome: 'accepted', failedRules: [] },
        });
      }

      // Voluntariness files.
      let flagged = false;
      for (const [position, step] of household.files) {
        const fileId = newId();
        const personId = personIds[position]!;
        const complete = step.declaredOn !== null && step.sessions.length > 0 && step.informedOn !== null;
        rows.files.push({
          id: fileId,
          householdId: id,
          personId,
          status: step.withdrawnOn ? 'withdrawn' : complete ? 'complete' : 'open',
          intentionOn: step.intentionOn,
          intentionEnc: await keyring.encrypt(
            tx,
            'person',
            'We want to go home and rebuild; the children’s school is there.',
          ),
          declarationSignedOn: step.declaredOn,
          declarationWitnessEnc: step.declaredOn
            ? await keyring.encrypt(tx, 'person', 'Counsellor of the UN agency')
            : null,
          declarationLanguage: step.declaredOn ? (step.sessions[0]?.language ?? 'ar') : null,
          coolingOffDays: DEFAULT_COOLING_OFF_DAYS,
          coolingOffEndsOn: step.declaredOn ? coolingOffEndsOn(step.declaredOn, DEFAULT_COOLING_OFF_DAYS) : null,
          withdrawnAt: step.withdrawnOn ? at(step.withdrawnOn) : null,
        });
        audit.push({
          type: 'cases.intention_recorded',
          actor: caseWorker,
          subject,
          details: { ...ids, fileId, personId },
        });
        for (const session of step.sessions) {
          const sessionId = newId();
          rows.sessions.push({
            id: sessionId,
            fileId,
            heldOn: session.heldOn,
            organisationId: organisations.un,
            counsellorId: caseWorker.userId,
            language: session.language,
            private: session.private,
            coercionIndicators: session.indicators,
          });
          audit.push({
            type: 'cases.counselling_recorded',
            actor: caseWorker,
            subject,
            details: { ...ids, fileId, sessionId, private: session.private, coercionIndicators: session.indicators },
          });
          if (session.indicators.length > 0 && !flagged && household.protectionFlag) {
            flagged = true;
            const flagId = newId();
            const closed = household.protectionFlag === 'closed';
            rows.flags.push({
              id: flagId,
              householdId: id,
              personId,
              indicators: session.indicators,
              status: household.protectionFlag,
              raisedBy: caseWorker.userId,
              raisedAt: at(session.heldOn),
              closedAt: closed ? new Date(at(session.heldOn).getTime() + 5 * DAY) : null,
              closedBy: closed ? protectionOfficer.userId : null,
              resolutionEnc: closed
                ? await keyring.encrypt(
                    tx,
                    'narrative',
                    'Spoke with the person alone twice; aid restored; the choice is her own.',
                  )
                : null,
            });
            audit.push({
              type: 'cases.protection_flag_raised',
              actor: caseWorker,
              subject,
              details: { ...ids, flagId, indicators: session.indicators },
            });
            if (closed)
              audit.push({
                type: 'cases.protection_flag_closed',
                actor: protectionOfficer,
                subject,
                details: { ...ids, flagId },
              });
          }
        }
        if (step.informedOn && zone) {
          rows.information.push({
            fileId,
            givenOn: step.informedOn,
            pcode: household.intendedPcode,
            zoneClass: zone.class,
            period: zone.period,
            publicationId: zone.publication_id,
            shown: { class: zone.class, period: zone.period, summary: zone.summary },
            language: step.sessions[0]?.language ?? 'ar',
            givenBy: caseWorker.userId,
          });
          audit.push({
            type: 'cases.zone_information_given',
            actor: caseWorker,
            subject,
            details: {
              ...ids,
              fileId,
              pcode: household.intendedPcode,
              zoneClass: zone.class,
              publicationId: zone.publication_id,
            },
          });
        }
        if (step.goAndSeeOn) {
          rows.visits.push({
            fileId,
            visitedOn: step.goAndSeeOn,
            pcode: household.intendedPcode,
            recordedBy: caseWorker.userId,
          });
          audit.push({
            type: 'cases.go_and_see_recorded',
            actor: caseWorker,
            subject,
            details: { ...ids, fileId, pcode: household.intendedPcode },
          });
        }
        if (step.declaredOn) {
          audit.push({
            type: 'cases.declaration_signed',
            actor: caseWorker,
            subject,
            details: {
              ...ids,
              fileId,
              signedOn: step.declaredOn,
              coolingOffEndsOn: coolingOffEndsOn(step.declaredOn, DEFAULT_COOLING_OFF_DAYS),
              scan: false,
            },
          });
        }
        if (step.withdrawnOn) {
          audit.push({
            type: 'cases.voluntariness_withdrawn',
            actor: caseWorker,
            subject,
            details: { ...ids, fileId, atStep: null },
          });
        }
      }
      if (household.conditionsAddressed && zone) {
        rows.conditions.push({
          householdId: id,
          pcode: household.intendedPcode,
          publicationId: zone.publication_id,
          howEnc: await keyring.encrypt(
            tx,
            'narrative',
            'Shelter kit and a land-claim appointment arranged before departure.',
          ),
          recordedBy: caseWorker.userId,
        });
        audit.push({
          type: 'cases.conditions_addressed',
          actor: caseWorker,
          subject,
          details: { ...ids, pcode: household.intendedPcode, publicationId: zone.publication_id },
        });
      }

      // Eligibility, as it was decided: the rules' own rows on the facts of that day.
      if (household.eligibility) {
        const decisionId = newId();
        const decided = household.eligibility.decidedOn;
        const rowsThen = decided ? eligibilityAt(household, decided, zone, destinations) : null;
        rows.decisions.push({
          id: decisionId,
          householdId: id,
          kind: 'eligibility',
          organisationId: organisations.un,
          openedAt: at(household.eligibility.openedOn),
          dueOn: household.eligibility.dueOn,
          status: decided ? 'decided' : 'pending',
          outcome: decided ? household.eligibility.outcome : null,
          rationaleEnc: decided
            ? await keyring.encrypt(
                tx,
                'narrative',
                household.eligibility.outcome === 'eligible'
                  ? 'Every rule met; the family confirmed its choice after the cooling-off period.'
                  : 'The zone of return is not safe to return to now; the family may choose another zone or wait.',
              )
            : null,
          eligibility: rowsThen,
          decidedBy: decided ? caseWorker.userId : null,
          decidedAt: decided ? at(decided) : null,
        });
        audit.push({
          type: 'cases.decision_opened',
          actor: caseWorker,
          subject,
          details: {
            ...ids,
            decisionId,
            kind: 'eligibility',
            organisationId: organisations.un,
            dueOn: household.eligibility.dueOn,
          },
        });
        if (decided && rowsThen) {
          audit.push({
            type: 'cases.decision_made',
            actor: caseWorker,
            subject,
            details: {
              ...ids,
              decisionId,
              kind: 'eligibility',
              outcome: household.eligibility.outcome,
              failedRules: rowsThen.filter((row) => !row.passed).map((row) => row.rule),
            },
          });
        }
        if (household.appeal) {
          const appealId = newId();
          rows.appeals.push({
            id: appealId,
            decisionId,
            householdId: id,
            lodgedBy: 'person',
            lodgedAt: at(household.appeal.lodgedOn),
            groundsEnc: await keyring.encrypt(
              tx,
              'narrative',
              'Our village is safe now; our neighbours went back last month.',
            ),
            reviewerOrganisationId: organisations.jmc,
            dueOn: household.appeal.dueOn,
            status: household.appeal.decidedOn ? 'decided' : 'pending',
            outcome: household.appeal.outcome,
            outcomeEnc: household.appeal.outcome
              ? await keyring.encrypt(
                  tx,
                  'narrative',
                  household.appeal.outcome === 'upheld'
                    ? 'The published class of the zone is not conducive; no return can be scheduled there. Upheld.'
                    : 'Referred to the tripartite commission to consider another zone of return with the family.',
                )
              : null,
            decidedBy: household.appeal.decidedOn ? coordinator.userId : null,
            decidedAt: household.appeal.decidedOn ? at(household.appeal.decidedOn) : null,
            recordedBy: caseWorker.userId,
          });
          audit.push({
            type: 'cases.appeal_lodged',
            actor: caseWorker,
            subject,
            details: {
              ...ids,
              appealId,
              decisionId,
              reviewerOrganisationId: organisations.jmc,
              dueOn: household.appeal.dueOn,
            },
          });
          if (household.appeal.outcome) {
            audit.push({
              type: 'cases.appeal_decided',
              actor: coordinator,
              subject,
              details: { ...ids, appealId, decisionId, outcome: household.appeal.outcome },
            });
          }
        }
      }
      if (household.departure) {
        const decisionId = newId();
        const decided = household.departure.decidedOn;
        rows.decisions.push({
          id: decisionId,
          householdId: id,
          kind: 'departure',
          organisationId: organisations.un,
          openedAt: at(household.departure.openedOn),
          dueOn: household.departure.dueOn,
          status: decided ? 'decided' : 'pending',
          outcome: decided ? 'approved' : null,
          rationaleEnc: decided ? await keyring.encrypt(tx, 'narrative', 'Eligible; a seat on the next convoy.') : null,
          eligibility: decided ? eligibilityAt(household, decided, zone, destinations) : null,
          decidedBy: decided ? caseWorker.userId : null,
          decidedAt: decided ? at(decided) : null,
        });
        audit.push({
          type: 'cases.decision_opened',
          actor: caseWorker,
          subject,
          details: {
            ...ids,
            decisionId,
            kind: 'departure',
            organisationId: organisations.un,
            dueOn: household.departure.dueOn,
          },
        });
        if (decided) {
          audit.push({
            type: 'cases.decision_made',
            actor: caseWorker,
            subject,
            details: { ...ids, decisionId, kind: 'departure', outcome: 'approved', failedRules: [] },
          });
        }
      }

      // The movement, the arrival and its follow-ups.
      const movement = household.movement;
      if (movement) {
        const corridor = household.asylumStateCode === 'QT' ? network.corridors.QT : network.corridors.QO;
        const key = `${corridor.id} ${movement.departsOn} ${movement.suspended}`;
        let movementId = movementOf.get(key);
        if (!movementId) {
          movementId = newId();
          movementOf.set(key, movementId);
          const status = movement.suspended
            ? 'suspended'
            : movement.arrivedOn
              ? 'arrived'
              : household.stage === 'departed'
                ? 'departed'
                : 'planned';
          rows.movements.push({
            id: movementId,
            kind: 'convoy',
            corridorId: corridor.id,
            departsOn: movement.departsOn,
            shelterId: corridor.shelterId,
            status,
            suspendedReason: movement.suspended ? 'zone_downgraded' : null,
            suspendedDetail:
              movement.suspended && destinations.deteriorating
                ? {
                    pcode: destinations.deteriorating.pcode,
                    from: destinations.deteriorating.from,
                    to: destinations.deteriorating.to,
                    period: destinations.deteriorating.period,
                  }
                : null,
            suspendedAt:
              movement.suspended && destinations.deteriorating ? at(destinations.deteriorating.downgradedOn) : null,
            organisationId: organisations.un,
            plannedBy: coordinator.userId,
            departedAt: status === 'departed' || status === 'arrived' ? at(movement.departsOn) : null,
          });
        }
        const onBoard = household.people.length;
        rows.onMovements.push({
          movementId,
          householdId: id,
          destinationPcode: household.intendedPcode,
          people: onBoard,
          status: movement.suspended
            ? 'suspended'
            : movement.arrivedOn
              ? 'arrived'
              : household.stage === 'departed'
                ? 'departed'
                : 'planned',
        });
        if (movement.suspended && destinations.deteriorating) {
          rows.notices.push({
            householdId: id,
            organisationId: organisations.un,
            kind: 'movement_suspended',
            detail: {
              reason: 'zone_downgraded',
              movementId,
              pcode: destinations.deteriorating.pcode,
              from: destinations.deteriorating.from,
              to: destinations.deteriorating.to,
              period: destinations.deteriorating.period,
            },
            createdAt: at(destinations.deteriorating.downgradedOn),
          });
        }
        if (movement.arrivedOn) {
          const arrivalId = newId();
          rows.arrivals.push({
            id: arrivalId,
            householdId: id,
            movementId,
            arrivedOn: movement.arrivedOn,
            pcode: household.intendedPcode,
            people: onBoard,
            recordedBy: caseWorker.userId,
          });
          for (const followUp of followUpSchedule(movement.arrivedOn)) {
            rows.followUps.push({ ...followUp, householdId: id, arrivalId, status: 'scheduled' });
          }
          audit.push({
            type: 'cases.arrival_recorded',
            actor: caseWorker,
            subject,
            details: {
              ...ids,
              arrivalId,
              movementId,
              pcode: household.intendedPcode,
              arrivedOn: movement.arrivedOn,
              followUps: FOLLOW_UP_MONTHS.length,
            },
          });
        }
      }
    }
    for (const movement of rows.movements) {
      const on = rows.onMovements.filter((row) => row.movementId === movement.id);
      const people = on.reduce((sum, row) => sum + row.people, 0);
      audit.push({
        type: 'cases.movement_planned',
        actor: coordinator,
        subject: `movement:${movement.id}`,
        details: {
          movementId: movement.id!,
          kind: 'convoy',
          corridorId: movement.corridorId,
          departsOn: movement.departsOn,
          households: on.length,
          people,
        },
      });
      if (movement.status === 'suspended' && destinations.deteriorating) {
        audit.push({
          type: 'cases.movement_suspended',
          actor: coordinator,
          subject: `movement:${movement.id}`,
          details: {
            movementId: movement.id!,
            reason: 'zone_downgraded',
            households: on.length,
            pcode: destinations.deteriorating.pcode,
          },
        });
      }
      if (movement.departedAt) {
        audit.push({
          type: 'cases.movement_departed',
          actor: coordinator,
          subject: `movement:${movement.id}`,
          details: { movementId: movement.id!, households: on.length, people },
        });
      }
    }
    for (const [table, list] of [
      [t.caseHouseholds, rows.households],
      [t.casePeople, rows.people],
      [t.casePersonIndexes, rows.indexes],
      [t.caseConsents, rows.consents],
      [t.caseVoluntarinessFiles, rows.files],
      [t.caseCounsellingSessions, rows.sessions],
      [t.caseZoneInformation, rows.information],
      [t.caseGoAndSeeVisits, rows.visits],
      [t.caseProtectionFlags, rows.flags],
      [t.caseConditionsAddressed, rows.conditions],
      [t.caseDecisions, rows.decisions],
      [t.caseAppeals, rows.appeals],
      [t.caseMovements, rows.movements],
      [t.caseMovementHouseholds, rows.onMovements],
      [t.caseArrivals, rows.arrivals],
      [t.caseFollowUps, rows.followUps],
      [t.caseNotices, rows.notices],
    ] as const) {
      for (let i = 0; i < list.length; i += ROWS_PER_STATEMENT) {
        // biome-ignore lint/suspicious/noExplicitAny: each pair holds a table and rows of that very table
        await tx.insert(table as any).values(list.slice(i, i + ROWS_PER_STATEMENT) as any);
      }
    }
    await appendAuditBatch(tx, audit);
  });
}

/** The rules' rows on the day a decision was taken, from what the household had done by then. */
function eligibilityAt(
  household: DemoHousehold,
  onDay: string,
  zone: { class: string; period: string; publication_id: string } | undefined,
  destinations: DemoDestinations,
): EligibilityRow[] {
  const files = [...household.files.values()];
  const deteriorating = destinations.deteriorating?.pcode === household.intendedPcode;
  const facts: EligibilityFacts = {
    today: onDay,
    requiredFiles: files.length,
    files: countFiles(
      files.map((file) => ({
        status: file.withdrawnOn ? 'withdrawn' : 'complete',
        intentionOn: file.intentionOn,
        counselled: file.sessions.length > 0,
        informed: file.informedOn !== null,
        declarationSignedOn: file.declaredOn,
        coolingOffEndsOn: file.declaredOn ? coolingOffEndsOn(file.declaredOn, DEFAULT_COOLING_OFF_DAYS) : null,
      })),
    ),
    openProtectionFlags: 0,
    needsWithoutPlan: 0,
    documentsMissing: 0,
    destination: {
      pcode: household.intendedPcode,
      // Before its downgrade the deteriorating location was conducive: that is what the decision saw.
      class: deteriorating
        ? 'conducive'
        : ((zone?.class ?? 'insufficient_data') as EligibilityFacts['destination']['class']),
      period: zone?.period ?? null,
      publicationId: zone?.publication_id ?? null,
      fresh: zone !== undefined,
      conditionsAddressedFor: household.conditionsAddressed ? (zone?.publication_id ?? null) : null,
    },
  };
  return checkEligibility(facts);
}

/** Two corridors home, one from each state of asylum, each through a border crossing and a reception centre. */
async function writeNetwork(db: Database, coordinator: AuditActor, organisations: DemoCasePeople['organisations']) {
  const points = [
    { code: 'tp-qt-border', name: 'Tarnesia–Marenland border crossing', pcode: null, operator: organisations.asylumT },
    { code: 'tp-qm-north', name: 'North reception centre', pcode: 'QM01', operator: organisations.origin },
    { code: 'tp-qo-border', name: 'Oruvia–Marenland border crossing', pcode: null, operator: organisations.asylumO },
    { code: 'tp-qm-east', name: 'East way station', pcode: 'QM02', operator: organisations.un },
  ];
  const ids = new Map<string, string>();
  for (const point of points) {
    const id = newId();
    ids.set(point.code, id);
    const zone = point.pcode ? await findZone(db, point.pcode) : undefined;
    await db.insert(t.caseTransitPoints).values({
      id,
      code: point.code,
      name: point.name,
      pcode: zone ? point.pcode : null,
      operatorOrganisationId: point.operator,
      status: 'open',
    });
  }
  const corridors = {} as Record<'QT' | 'QO', { id: string; shelterId: string }>;
  for (const [state, code, name, route, shelter] of [
    [
      'QT',
      'qt-qm-north',
      'Tarnesia to Marenland, northern road',
      ['tp-qt-border', 'tp-qm-north'],
      'North reception centre dormitories',
    ],
    [
      'QO',
      'qo-qm-east',
      'Oruvia to Marenland, eastern road',
      ['tp-qo-border', 'tp-qm-east'],
      'East way station shelter',
    ],
  ] as const) {
    const id = newId();
    await db
      .insert(t.caseCorridors)
      .values({ id, code, name, fromStateCode: state, toStateCode: 'QM', status: 'open' });
    await db
      .insert(t.caseCorridorPoints)
      .values(route.map((point, position) => ({ corridorId: id, position, transitPointId: ids.get(point)! })));
    const shelterId = newId();
    await db.insert(t.caseShelters).values({
      id: shelterId,
      code: `${code}-shelter`,
      name: shelter,
      transitPointId: ids.get(route[1])!,
      capacity: 400,
    });
    corridors[state] = { id, shelterId };
    await appendAuditBatch(db, [
      {
        type: 'cases.network_changed',
        actor: coordinator,
        subject: `corridor:${id}`,
        details: { kind: 'corridor', id, code, status: 'open', suspendedMovements: 0 },
      },
    ]);
  }
  return { corridors };
}

/** What the demo holds, and its samples (recomputed from the story: the codes are never stored in clear). */
export async function summariseDemoCases(
  db: Database,
  households?: readonly DemoHousehold[],
): Promise<DemoCasesSummary> {
  const stageRows = await db
    .select({ stage: t.caseHouseholds.stage, n: count() })
    .from(t.caseHouseholds)
    .groupBy(t.caseHouseholds.stage);
  const stages: Partial<Record<CaseStage, number>> = {};
  for (const row of stageRows)
    if ((CASE_STAGES as readonly string[]).includes(row.stage)) stages[row.stage as CaseStage] = row.n;
  const one = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  const story = households ?? generateDemoHouseholds(await demoDestinations(db), new Date());
  const stored = new Set(
    (await db.select({ reference: t.caseHouseholds.reference }).from(t.caseHouseholds).limit(5000)).map(
      (row) => row.reference,
    ),
  );
  return {
    households: stageRows.reduce((sum, row) => sum + row.n, 0),
    people: await one(db.select({ n: count() }).from(t.casePeople)),
    stages,
    movements: await one(db.select({ n: count() }).from(t.caseMovements)),
    suspendedMovements: await one(
      db.select({ n: count() }).from(t.caseMovements).where(eq(t.caseMovements.status, 'suspended')),
    ),
    appeals: await one(db.select({ n: count() }).from(t.caseAppeals)),
    openProtectionFlags: await one(
      db.select({ n: count() }).from(t.caseProtectionFlags).where(eq(t.caseProtectionFlags.status, 'open')),
    ),
    samples: demoSamples(story.filter((household) => stored.has(household.reference))),
  };
}

/** One household at each of a few telling stages: a person to search for, and the slip to check the status with. */
function demoSamples(households: readonly DemoHousehold[]): DemoCaseSample[] {
  const wanted: CaseStage[] = ['counselling', 'eligible', 'departure_scheduled', 'not_eligible', 'arrived'];
  const samples: DemoCaseSample[] = [];
  for (const stage of wanted) {
    const household = households.find(
      (candidate) =>
        candidate.stage === stage &&
        candidate.people[0]!.fields.documents.length > 0 &&
        candidate.people[0]!.fields.phones.length > 0 &&
        !candidate.movement?.suspended,
    );
    if (!household) continue;
    const head = household.people[0]!.fields;
    samples.push({
      reference: household.reference,
      statusCode: household.statusCode,
      stage: household.stage,
      zone: household.intendedPcode,
      name: [head.name.given, head.name.other, head.name.family].filter(Boolean).join(' '),
      documentNumber: head.documents[0]?.number ?? null,
      phone: head.phones[0] ?? null,
    });
  }
  return samples;
}
