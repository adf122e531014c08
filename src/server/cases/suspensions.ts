import { type SQL, sql } from 'drizzle-orm';
import type { CaseStage, SuspensionReason } from '../../shared/cases/constants.ts';
import { type AnyAuditEntryInput, type AuditActor, appendAuditBatch } from '../platform/audit/log.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { publicZoneHistory } from '../zones/public-zones.ts';
import { onClassesPublished, type PublishedClasses } from '../zones/publications.ts';
import { latestPublicZoneClass } from '../zones/published-classes.ts';
import { caseHouseholds, caseMovementHouseholds, caseMovements, caseNotices } from './tables.ts';
import './events.ts';

/**
 * Stopping planned movements, whole or household by household, always the same way: the movement (or the
 * household's place on it) becomes `suspended` with its reason, the household goes back to the stage the
 * reason leaves it at, its organisation gets a notice saying why (codes only), and each movement gets a
 * `cases.movement_suspended` entry. Set-based: one statement stops any number of movements, so that a zone
 * downgrade with 10,000 planned movements to it finishes within seconds.
 */

/**
 * A UUIDv7 made in SQL (the application makes ids in code, db/columns.ts; set-based inserts make them here):
 * the time `at` in milliseconds, version 7, the RFC 4122 variant, and random bits. Ids still sort by time.
 */
const uuidV7At = (at: Date): SQL =>
  sql`(lpad(to_hex((extract(epoch from ${at.toISOString()}::timestamptz) * 1000)::bigint), 12, '0') || '7'
    || substr(md5(random()::text), 1, 3) || to_hex(8 + floor(random() * 4)::int)
    || substr(md5(random()::text), 1, 15))::uuid`;

/** The notice kind that tells a household's organisation one of its movements stopped, and why. */
export const SUSPENSION_NOTICE = 'movement_suspended';

export interface MovementSuspension {
  reason: SuspensionReason;
  /**
   * A query yielding `(id uuid, detail jsonb)`: the movements to stop and what their reason refers to (the
   * zone's P-code and classes, or the closed point or corridor). Movements no longer planned are left alone.
   */
  movements: SQL;
  /** The stage each household goes back to, as an expression over `mh` (its case_movement_households row). */
  stage: SQL;
  actor: AuditActor | null;
  now: Date;
}

interface StoppedRow extends Record<string, unknown> {
  movement_id: string;
  pcode: string | null;
  /** Null on a movement's own row; a household's id on each of its households' rows. */
  household_id: string | null;
}

/**
 * Suspends whole movements (a closure, a downgrade); answers how many were stopped. One statement: the
 * households' rows carry their movement's detail along (UPDATE … FROM … RETURNING), so no step joins two
 * statement results together (their sizes are unknown to the planner, which would loop over one per row of
 * the other); the movements and their households come back as rows of one list, counted here.
 */
export async function suspendMovements(tx: Database, suspension: MovementSuspension): Promise<number> {
  const { reason, now } = suspension;
  const rows = await queryRows<StoppedRow>(
    tx,
    sql`with target as (${suspension.movements}),
      stopped as (
        update ${caseMovements} m set status = 'suspended', suspended_reason = ${reason},
          suspended_detail = t.detail, suspended_at = ${now.toISOString()}::timestamptz
        from target t where m.id = t.id and m.status = 'planned'
        returning m.id, t.detail),
      off as (
        update ${caseMovementHouseholds} mh set status = 'suspended'
        from stopped s where mh.movement_id = s.id and mh.status = 'planned'
        returning mh.movement_id, mh.household_id, ${suspension.stage} as stage, s.detail),
      staged as (
        update ${caseHouseholds} h set stage = off.stage, updated_at = ${now.toISOString()}::timestamptz
        from off where h.id = off.household_id and h.stage = 'departure_scheduled'
        returning h.id),
      noticed as (
        insert into ${caseNotices} (id, household_id, organisation_id, kind, detail, created_at)
        select ${uuidV7At(now)}, off.household_id, h.organisation_id, ${SUSPENSION_NOTICE},
          off.detail || jsonb_build_object('reason', ${reason}::text, 'movementId', off.movement_id), ${now.toISOString()}::timestamptz
        from off join ${caseHouseholds} h on h.id = off.household_id
        returning 1)
      select s.id as movement_id, s.detail->>'pcode' as pcode, null::uuid as household_id from stopped s
      union all
      select off.movement_id, null, off.household_id from off`,
  );
  const stopped = new Map<string, { pcode: string | null; households: number }>();
  for (const row of rows) {
    const movement = stopped.get(row.movement_id) ?? { pcode: null, households: 0 };
    if (row.household_id === null) movement.pcode = row.pcode;
    else movement.households++;
    stopped.set(row.movement_id, movement);
  }
  await appendAuditBatch(
    tx,
    [...stopped].map(
      ([movementId, movement]): AnyAuditEntryInput => ({
        type: 'cases.movement_suspended',
        actor: suspension.actor,
        subject: `movement:${movementId}`,
        details: { movementId, reason, households: movement.households, pcode: movement.pcode },
      }),
    ),
  );
  return stopped.size;
}

/** One household that failed the check on the day, and why. */
export interface HouseholdFailure {
  householdId: string;
  pcode: string;
  reason: Extract<SuspensionReason, 'eligibility_failed' | 'zone_class_stale' | 'departure_refused'>;
  failedRules: string[];
}

/**
 * Takes the households that failed the day's check (or whose departure was refused) off a planned movement:
 * their place is suspended, they go back to `not_eligible`, and their organisation is told why. The others still
 * travel; when nobody is left planned, the movement itself is suspended with the first failure's reason. One
 * `cases.movement_suspended` entry counts the households taken off.
 */
export async function suspendHouseholds(
  tx: Database,
  movementId: string,
  failures: readonly HouseholdFailure[],
  actor: AuditActor | null,
  now: Date,
): Promise<void> {
  if (failures.length === 0) return;
  const first = failures[0]!;
  const ids = failures.map((failure) => failure.householdId);
  await tx.execute(sql`update ${caseMovementHouseholds} set status = 'suspended'
    where movement_id = ${movementId} and status = 'planned' and household_id in ${ids}`);
  await tx.execute(sql`update ${caseHouseholds} set stage = ${'not_eligible' satisfies CaseStage}, updated_at = ${now.toISOString()}::timestamptz
    where id in ${ids} and stage = 'departure_scheduled'`);
  const rows = failures.map((failure) => ({
    id: failure.householdId,
    reason: failure.reason,
    pcode: failure.pcode,
    rules: failure.failedRules.join(','),
  }));
  await tx.execute(sql`insert into ${caseNotices} (id, household_id, organisation_id, kind, detail, created_at)
    select ${uuidV7At(now)}, h.id, h.organisation_id, ${SUSPENSION_NOTICE},
      jsonb_build_object('reason', f.reason, 'movementId', ${movementId}::text, 'pcode', f.pcode, 'failedRules', f.rules),
      ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as f(id uuid, reason text, pcode text, rules text)
    join ${caseHouseholds} h on h.id = f.id`);
  const [left] = await queryRows<{ planned: number }>(
    tx,
    sql`select count(*)::int as planned from ${caseMovementHouseholds}
      where movement_id = ${movementId} and status = 'planned'`,
  );
  if (left!.planned === 0) {
    await tx.execute(sql`update ${caseMovements} set status = 'suspended', suspended_reason = ${first.reason},
        suspended_detail = ${JSON.stringify({ pcode: first.pcode, failedRules: first.failedRules.join(',') })}::jsonb,
        suspended_at = ${now.toISOString()}::timestamptz
      where id = ${movementId} and status = 'planned'`);
  }
  await appendAuditBatch(tx, [
    {
      type: 'cases.movement_suspended',
      actor,
      subject: `movement:${movementId}`,
      details: { movementId, reason: first.reason, households: failures.length, pcode: first.pcode },
    },
  ]);
}

/**
 * The non-refoulement guard's automatic half: when a period's classes are published, every planned movement
 * carrying a household to a zone whose new class no longer passes the destination rule is suspended
 * (`zone_downgraded`) inside the publication's transaction. A class passes only when conducive: a
 * conditionally conducive class passes with conditions addressed for its own publication, which a publication
 * just made cannot have yet. The households going there go back to `not_eligible`; others on the same convoy
 * go back to `eligible` and can be planned again. A publication for a period older than the zone's latest
 * published period changes nothing: that zone's current class is the later one.
 */
export async function suspendForPublication(tx: Database, published: PublishedClasses): Promise<number> {
  const failing = published.classes.filter((zone) => zone.class !== 'conducive').map((zone) => zone.pcode);
  if (failing.length === 0) return 0;
  // Only the zones planned movements go to are looked at: a handful, however many zones were published.
  const destinations = await queryRows<{ pcode: string }>(
    tx,
    sql`select distinct mh.destination_pcode as pcode
      from ${caseMovementHouseholds} mh join ${caseMovements} m on m.id = mh.movement_id
      where mh.status = 'planned' and m.status = 'planned'
        and mh.destination_pcode in (select jsonb_array_elements_text(${JSON.stringify(failing)}::jsonb))`,
  );
  if (destinations.length === 0) return 0;
  const current = await latestPublicZoneClass(
    tx,
    destinations.map((row) => row.pcode),
  );
  const downgraded: { pcode: string; from_class: string | null; to_class: string }[] = [];
  for (const { pcode } of destinations) {
    const now = current.get(pcode);
    if (now?.publication.id !== published.publicationId) continue;
    const { history } = await publicZoneHistory(tx, pcode);
    const before = history.find((entry) => entry.publication.id !== published.publicationId);
    downgraded.push({ pcode, from_class: before?.class ?? null, to_class: now.class });
  }
  if (downgraded.length === 0) return 0;
  const zones = sql`jsonb_to_recordset(${JSON.stringify(downgraded)}::jsonb) as z(pcode text, from_class text, to_class text)`;
  return suspendMovements(tx, {
    reason: 'zone_downgraded',
    actor: published.publisher,
    now: new Date(),
    stage: sql`case when mh.destination_pcode in (select z.pcode from ${zones}) then 'not_eligible' else 'eligible' end`,
    movements: sql`select distinct on (mh.movement_id) mh.movement_id as id,
        jsonb_build_object('pcode', z.pcode, 'from', z.from_class, 'to', z.to_class,
          'period', ${published.period}::text, 'publicationId', ${published.publicationId}::text) as detail
      from ${caseMovementHouseholds} mh
      join ${zones} on z.pcode = mh.destination_pcode
      join ${caseMovements} m on m.id = mh.movement_id and m.status = 'planned'
      where mh.status = 'planned'
      order by mh.movement_id, mh.destination_pcode`,
  });
}

// Registered when the module loads (module.ts imports this file), so the CLI, the demo and the API all see it.
onClassesPublished(async (tx, published) => {
  await suspendForPublication(tx, published);
});
