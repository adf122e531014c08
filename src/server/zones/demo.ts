import { createHash, hash } from 'node:crypto';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { generateGazetteer } from '../demo/gazetteer.ts';
import type { DemoScale } from '../demo/load.ts';
import { DEMO_ZONE_STORY, type DemoObservation, type DemoOrganisationKey, generateStory } from '../demo/story.ts';
import { canonicalJson } from '../platform/audit/canonical.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AnyAuditEntryInput, type AuditActor, appendAudit, appendAuditBatch } from '../platform/audit/log.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { assessPeriod } from './assessments.ts';
import { activeFramework } from './frameworks.ts';
import { upsertZones } from './gazetteer.ts';
import { latestPublication, writePublication } from './publications.ts';
import { currentPeriod } from './support.ts';
import { zoneAssessments, zoneObservations, zonePublications, zones, zoneVerifications } from './tables.ts';
import './events.ts';

/**
 * How many past months each scale's story covers (the current month comes on top, not published). The
 * regional scale keeps a year too: 36 months of 2,000 zones would take the embedded database the better part
 * of ten minutes to publish, month after month (about 7 s each on two cores), for no new story.
 */
export const DEMO_MONTHS: Record<DemoScale, number> = { small: 12, regional: 12 };

/** Rows per statement: each statement is one JSON parameter, so this bounds its size (about 2 MB). */
const ROWS_PER_STATEMENT = 5000;

export interface DemoPeople {
  coordinator: AuditActor;
  fieldMonitor: AuditActor;
  verifier: AuditActor;
  /** The field monitor who submits each organisation's values, where it has one (the network has none). */
  fieldMonitors: Partial<Record<DemoOrganisationKey, AuditActor>>;
  organisations: Record<DemoOrganisationKey, string>;
}

export interface DemoZonesSummary {
  /** Every unit of the gazetteer (state, provinces, districts, locations). */
  zones: number;
  /** Locations: the units that are classified. */
  returnZones: number;
  observations: number;
  /** Periods with a publication in force, oldest first. */
  published: string[];
  /** The latest month assessed and not published (the current month, after a first load), if any. */
  assessed: string | null;
  /** Observations waiting in the verification queue (pending). */
  awaitingVerification: number;
  /** Observations whose verifier asked for more evidence. */
  moreEvidence: number;
  /** Whether this load wrote the observations (false: they were already there). */
  observationsCreated: boolean;
  story: { hardRed: string; deteriorating: string; improving: string[]; remote: string[] };
}

/**
 * Loads the demo's return zones: the gazetteer, a year of verified observations, every past month assessed
 * and published in order (through writePublication, as publishPeriod does, by the demo coordinator), the
 * current month assessed with a few values still waiting for a verifier. Idempotent: zones are upserted, the
 * observations are written only when the demo's monitoring centre has none, and only months that have
 * observations, none unverified and no publication yet are published.
 */
export async function loadDemoZones(
  db: Database,
  keyring: Keyring,
  scale: DemoScale,
  people: DemoPeople,
  now = new Date(),
): Promise<DemoZonesSummary> {
  const framework = await activeFramework(db);
  const gazetteer = generateGazetteer(scale);
  await inTransaction(db, async (tx) => {
    const counts = await upsertZones(tx, gazetteer);
    if (counts.created + counts.updated === 0) return;
    const fileHash = hash('sha256', canonicalJson(gazetteer), 'hex');
    await appendAudit(tx, {
      type: 'zones.gazetteer_imported',
      actor: people.coordinator,
      subject: `gazetteer:${fileHash}`,
      details: { ...counts, shapes: gazetteer.length, fileHash },
    });
  });

  const current = currentPeriod(now);
  const story = generateStory({
    zones: gazetteer,
    framework: framework.definition,
    months: DEMO_MONTHS[scale],
    current,
    now,
  });
  const [existing] = await db
    .select({ n: count() })
    .from(zoneObservations)
    .where(eq(zoneObservations.organisationId, people.organisations.jmc));
  const observationsCreated = (existing?.n ?? 0) === 0;
  if (observationsCreated) await writeObservations(db, keyring, people, story.observations);

  // Publish the past months the demo's observations cover, oldest first, unless published already or still
  // waiting for a verifier (a load in a later month finds last load's current month so). A month without
  // any observation is not the demo's: it is left alone, as is a current month without any.
  const periods = await db
    .select({
      period: zoneObservations.period,
      unverified:
        sql<number>`count(*) filter (where ${zoneObservations.status} in ('pending', 'more_evidence'))`.mapWith(Number),
    })
    .from(zoneObservations)
    .where(and(eq(zoneObservations.stateCode, 'QM'), inArray(zoneObservations.period, story.periods)))
    .groupBy(zoneObservations.period);
  const unverified = new Map(periods.map((row) => [row.period, row.unverified]));
  for (const period of story.periods.slice(0, -1)) {
    if (unverified.get(period) !== 0 || (await latestPublication(db, period))) continue;
    await writePublication(db, people.coordinator, { period });
  }
  const [assessed] = await db.select({ n: count() }).from(zoneAssessments).where(eq(zoneAssessments.period, current));
  if (unverified.has(current) && (assessed?.n ?? 0) === 0) await assessPeriod(db, current, people.coordinator);

  return { ...(await summarise(db)), observationsCreated };
}

/**
 * Writes the story's observations, already checked against the framework (generateStory refuses any value
 * out of its unit or its intended band), with the verifier's decisions, in multi-row statements and one
 * transaction: one audit entry per organisation's monthly import, one per verification decision, appended
 * in time order in one batch.
 */
async function writeObservations(
  db: Database,
  keyring: Keyring,
  people: DemoPeople,
  observations: readonly DemoObservation[],
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const rows: ObservationRow[] = [];
    const verifications: VerificationRow[] = [];
    const imports = new Map<
      string,
      { organisation: DemoOrganisationKey; at: Date; created: number; content: ReturnType<typeof createHash> }
    >();
    const entries: { at: number; order: number; entry: AnyAuditEntryInput }[] = [];
    for (const observation of observations) {
      const id = newId();
      const organisationId = people.organisations[observation.organisation];
      const decided = observation.status === 'confirmed' || observation.status === 'rejected';
      rows.push({
        id,
        pcode: observation.pcode,
        stateCode: observation.pcode.slice(0, 2),
        indicator: observation.indicator,
        period: observation.period,
        value: observation.value,
        source: observation.source,
        method: observation.method,
        evidenceNotes: observation.evidenceNotes
          ? await keyring.encrypt(tx, 'narrative', observation.evidenceNotes)
          : null,
        status: observation.status,
        organisationId,
        submittedBy: people.fieldMonitors[observation.organisation]?.userId ?? null,
        submittedAt: observation.submittedAt,
        decidedAt: decided ? observation.decidedAt : null,
      });
      const importKey = `${observation.period} ${observation.organisation} ${observation.submittedAt.getTime()}`;
      let batch = imports.get(importKey);
      if (!batch) {
        batch = {
          organisation: observation.organisation,
          at: observation.submittedAt,
          created: 0,
          content: createHash('sha256'),
        };
        imports.set(importKey, batch);
      }
      batch.created++;
      // The same content hash as an import of these rows (ObservationWriter): canonical rows, one a line.
      batch.content.update(
        `${canonicalJson({
          pcode: observation.pcode,
          indicator: observation.indicator,
          period: observation.period,
          value: observation.value,
          source: observation.source,
          method: observation.method,
        })}\n`,
      );
      if (observation.status === 'pending' || !observation.decidedAt) continue;
      const decision =
        observation.status === 'confirmed'
          ? 'confirm'
          : observation.status === 'rejected'
            ? 'reject'
            : 'request_evidence';
      verifications.push({
        id: newId(),
        observationId: id,
        decision,
        reason: observation.reason,
        verifierId: people.verifier.userId,
        verifierOrganisationId: people.verifier.organisationId,
        decidedAt: observation.decidedAt,
      });
      entries.push({
        at: observation.decidedAt.getTime(),
        order: 1,
        entry: {
          type: 'zones.observation_verified',
          actor: people.verifier,
          subject: `observation:${id}`,
          details: {
            observationId: id,
            decision,
            verifierOrganisationId: people.verifier.organisationId,
            submitterOrganisationId: organisationId,
          },
        },
      });
    }
    for (const batch of imports.values()) {
      const organisationId = people.organisations[batch.organisation];
      entries.push({
        at: batch.at.getTime(),
        order: 0,
        entry: {
          type: 'zones.observations_imported',
          actor: people.fieldMonitors[batch.organisation] ?? null,
          subject: `organisation:${organisationId}`,
          details: { created: batch.created, unchanged: 0, organisationId, contentHash: batch.content.digest('hex') },
        },
      });
    }
    await insertObservations(tx, rows);
    await insertVerifications(tx, verifications);
    entries.sort((a, b) => a.at - b.at || a.order - b.order);
    await appendAuditBatch(
      tx,
      entries.map(({ entry }) => entry),
    );
  });
}

/** The summary of what the database holds, without loading anything (the demo loaded without its zones). */
export async function summariseDemoZones(db: Database): Promise<DemoZonesSummary> {
  return summarise(db);
}

async function summarise(db: Database): Promise<DemoZonesSummary> {
  const [totals] = await db
    .select({
      zones: count(),
      // Return zones are the units without children (what classifyPeriod classifies). The outer zone's P-code is
      // qualified by hand: in a one-table select Drizzle writes its columns without the table.
      returnZones: sql<number>`count(*) filter (where not exists (
          select 1 from ${zones} c where c.parent_pcode = ${zones}.${sql.identifier(zones.pcode.name)}))`.mapWith(
        Number,
      ),
    })
    .from(zones)
    .where(eq(zones.stateCode, 'QM'));
  const statuses = await db
    .select({ status: zoneObservations.status, n: count() })
    .from(zoneObservations)
    .where(eq(zoneObservations.stateCode, 'QM'))
    .groupBy(zoneObservations.status);
  const byStatus = new Map(statuses.map((row) => [row.status, row.n]));
  const [latestAssessed] = await db
    .select({ period: zoneAssessments.period })
    .from(zoneAssessments)
    .where(sql`not exists (select 1 from ${zonePublications} p where p.period = ${zoneAssessments.period})`)
    .orderBy(desc(zoneAssessments.period))
    .limit(1);
  const improving = await db
    .select({ pcode: zones.pcode })
    .from(zones)
    .where(eq(zones.parentPcode, DEMO_ZONE_STORY.improvingDistrict))
    .orderBy(zones.pcode);
  const published = await db
    .selectDistinct({ period: zonePublications.period })
    .from(zonePublications)
    .orderBy(zonePublications.period);
  return {
    zones: totals?.zones ?? 0,
    returnZones: totals?.returnZones ?? 0,
    observations: statuses.reduce((sum, row) => sum + row.n, 0),
    published: published.map((row) => row.period),
    assessed: latestAssessed?.period ?? null,
    awaitingVerification: byStatus.get('pending') ?? 0,
    moreEvidence: byStatus.get('more_evidence') ?? 0,
    observationsCreated: false,
    story: {
      hardRed: DEMO_ZONE_STORY.hardRed,
      deteriorating: DEMO_ZONE_STORY.deteriorating,
      improving: improving.map((row) => row.pcode),
      remote: [...DEMO_ZONE_STORY.remote],
    },
  };
}

interface ObservationRow {
  id: string;
  pcode: string;
  stateCode: string;
  indicator: string;
  period: string;
  value: number;
  source: string;
  method: string;
  evidenceNotes: string | null;
  status: string;
  organisationId: string;
  submittedBy: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
}

interface VerificationRow {
  id: string;
  observationId: string;
  decision: string;
  reason: string | null;
  verifierId: string;
  verifierOrganisationId: string;
  decidedAt: Date;
}

/**
 * Inserts rows through one JSON parameter per statement (json_to_recordset): a few times cheaper than
 * thousands of bound parameters, on the embedded database and on PostgreSQL alike.
 */
async function insertObservations(tx: Database, rows: readonly ObservationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT));
    await tx.execute(sql`insert into ${zoneObservations} (id, pcode, state_code, indicator, period, value, source,
        method, evidence_notes, status, organisation_id, submitted_by, submitted_at, decided_at)
      select r."id", r."pcode", r."stateCode", r."indicator", r."period", r."value", r."source", r."method",
        r."evidenceNotes", r."status", r."organisationId", r."submittedBy", r."submittedAt", r."decidedAt"
      from json_to_recordset(${chunk}::json) as r("id" uuid, "pcode" text, "stateCode" text, "indicator" text,
        "period" text, "value" double precision, "source" text, "method" text, "evidenceNotes" text, "status" text,
        "organisationId" uuid, "submittedBy" uuid, "submittedAt" timestamptz, "decidedAt" timestamptz)`);
  }
}

async function insertVerifications(tx: Database, rows: readonly VerificationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT));
    await tx.execute(sql`insert into ${zoneVerifications} (id, observation_id, decision, reason, verifier_id,
        verifier_organisation_id, decided_at)
      select r."id", r."observationId", r."decision", r."reason", r."verifierId",
        r."verifierOrganisationId", r."decidedAt"
      from json_to_recordset(${chunk}::json) as r("id" uuid, "observationId" uuid, "decision" text, "reason" text,
        "verifierId" uuid, "verifierOrganisationId" uuid, "decidedAt" timestamptz)`);
  }
}
