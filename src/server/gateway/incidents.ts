import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { IncidentVerification } from '../../shared/gateway/constants.ts';
import {
  type Incident,
  type IncidentCorrection,
  IncidentListQuery,
  type IncidentPage,
  type NewIncidentValues,
  type VerifyIncidentRequest,
} from '../../shared/gateway/schemas.ts';
import { corridorByCode, networkCodes, transitPointByCode } from '../cases/network.ts';
import { organisationNameOf } from '../platform/accounts/directory.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { countOf } from '../platform/db/count.ts';
import { AppError, type FieldError, notFound } from '../platform/http/errors.ts';
import { authorize, can } from '../platform/policy/policy.ts';
import { zoneNamesOf, zoneStateCode } from '../zones/gazetteer.ts';
import {
  AFFECTED_COLUMNS,
  affectedTotal,
  type IncidentListRow,
  type IncidentRow,
  presentIncident,
  presentIncidentSummary,
  referralWait,
} from './presenters/incidents.ts';
import {
  gatewayHistory,
  gatewayIncidentHistory,
  gatewayIncidentSubmissions,
  gatewayIncidents,
  gatewaySubmissions,
} from './tables.ts';
import './events.ts';
import './permissions.ts';
import './problems.ts';
import { spokenReference } from '../platform/references/spoken.ts';

/**
 * The incident register: abuses at transit points and in return areas, documented by the organisations that
 * monitor them. Anyone with `incident:read` sees the register (type, place, date, counts, statuses: nobody is
 * named there); the narrative, the body's response and the sanction are opened for the recording organisation
 * and for those who verify or follow incidents; the identities of the people affected for protection officers
 * alone. Every read that opens them is in the access log.
 */

export const auditActor = (actor: Actor): AuditActor => ({
  userId: actor.userId,
  organisationId: actor.organisationId,
});

/** Staff say an incident aloud by its reference, `INC-7K3M-9QXD`. */
export function newIncidentReference(pick: (n: number) => number = randomInt): string {
  return spokenReference('INC', pick);
}

const today = (now: Date) => now.toISOString().slice(0, 10);
const field = (name: string, code: string, message: string): FieldError => ({ field: name, code, message });

/** Who may read an incident's narrative, the body's response and the sanction. */
export const readsTexts = (actor: Actor, row: Pick<IncidentRow, 'organisationId'>): boolean =>
  actor.organisationId === row.organisationId || can(actor, 'incident:verify') || can(actor, 'incident:follow');
/** Who may read the identities of the people affected: protection officers alone. */
export const readsIdentities = (actor: Actor): boolean => can(actor, 'gateway:protect');

interface Place {
  pcode: string | null;
  transitPointId: string | null;
  corridorId: string | null;
  stateCode: string;
}

/** Where it happened, each name checked; the state is the zone's, the point's zone's, or the corridor's end. */
async function placeOf(db: Database, input: NewIncidentValues): Promise<Place> {
  const errors: FieldError[] = [];
  if (!input.pcode && !input.transitPoint && !input.corridor) {
    throw new AppError('validation_failed', {
      errors: [field('body.pcode', 'place_required', 'name a zone, a transit point or a corridor')],
    });
  }
  let pcode = input.pcode ?? null;
  let transitPointId: string | null = null;
  let corridorId: string | null = null;
  let stateCode: string | null = null;
  if (input.transitPoint) {
    const point = await transitPointByCode(db, input.transitPoint);
    if (!point) errors.push(field('body.transitPoint', 'unknown_transit_point', 'no transit point has this code'));
    transitPointId = point?.id ?? null;
    pcode ??= point?.pcode ?? null;
  }
  if (input.corridor) {
    const corridor = await corridorByCode(db, input.corridor);
    if (!corridor) errors.push(field('body.corridor', 'unknown_corridor', 'no corridor has this code'));
    corridorId = corridor?.id ?? null;
    stateCode = corridor?.toStateCode ?? null;
  }
  if (pcode) {
    const state = await zoneStateCode(db, pcode);
    if (state === undefined) errors.push(field('body.pcode', 'unknown_zone', 'no zone has this P-code'));
    else stateCode = state;
  }
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  if (!stateCode) {
    throw new AppError('validation_failed', {
      errors: [field('body.pcode', 'place_without_state', 'the place named belongs to no state: name its zone')],
    });
  }
  return { pcode, transitPointId, corridorId, stateCode };
}

/**
 * The gateway items an incident may be linked to: those the actor's organisation handles, and sensitive ones
 * only for a protection officer. Any other id is refused as unknown, whether or not it exists.
 */
async function linkableSubmissions(db: Database, actor: Actor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const rows = await db
    .select({ id: gatewaySubmissions.id, sensitive: gatewaySubmissions.sensitive })
    .from(gatewaySubmissions)
    .where(and(inArray(gatewaySubmissions.id, unique), eq(gatewaySubmissions.organisationId, actor.organisationId)));
  const reachable = new Set(rows.filter((row) => !row.sensitive || readsIdentities(actor)).map((row) => row.id));
  const errors = ids
    .map((id, index) => (reachable.has(id.toLowerCase()) ? null : index))
    .filter((index): index is number => index !== null)
    .map((index) => field(`body.submissionIds.${index}`, 'unknown_submission', 'no item of yours has this id'));
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  return unique;
}

function checkDay(name: string, day: string | undefined, now: Date, errors: FieldError[]) {
  if (day !== undefined && day > today(now)) errors.push(field(name, 'future_date', 'must not be in the future'));
}

function checkAffected(affected: Record<string, number> | undefined, errors: FieldError[]) {
  if (affected !== undefined && affectedTotal(affected as never) === 0) {
    errors.push(field('body.affected', 'no_people', 'count at least one person affected'));
  }
}

const affectedValues = (affected: NewIncidentValues['affected']) =>
  Object.fromEntries(Object.entries(AFFECTED_COLUMNS).map(([group, column]) => [column, affected[group as never]]));

/** Records an incident for the actor's organisation, unverified and documented, with its history and audit entry. */
export async function recordIncident(ctx: RequestContext, input: NewIncidentValues): Promise<Incident> {
  const actor = authorize(ctx, 'incident:record');
  const now = new Date();
  const errors: FieldError[] = [];
  checkDay('body.occurredOn', input.occurredOn, now, errors);
  checkAffected(input.affected, errors);
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  const place = await placeOf(ctx.db, input);
  const submissionIds = await linkableSubmissions(ctx.db, actor, input.submissionIds);
  const keyring = ctx.platform.keyring;
  const [narrativeEnc, identitiesEnc] = await Promise.all([
    keyring.encrypt(ctx.db, 'narrative', input.narrative),
    input.identities ? keyring.encrypt(ctx.db, 'person', input.identities) : null,
  ]);
  const reference = newIncidentReference();
  const id = await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(gatewayIncidents)
      .values({
        reference,
        type: input.type,
        occurredOn: input.occurredOn,
        ...place,
        perpetratorCategory: input.perpetratorCategory,
        ...affectedValues(input.affected),
        identitiesEnc,
        narrativeEnc,
        source: input.source,
        verification: 'unverified',
        accountability: 'documented',
        organisationId: actor.organisationId,
        recordedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: gatewayIncidents.id });
    const incidentId = row!.id;
    await tx.insert(gatewayIncidentHistory).values({ incidentId, entry: 'recorded', accountId: actor.userId, at: now });
    if (submissionIds.length > 0) {
      await tx
        .insert(gatewayIncidentSubmissions)
        .values(submissionIds.map((submissionId) => ({ incidentId, submissionId })));
      await tx.insert(gatewayHistory).values(
        submissionIds.map((submissionId) => ({
          submissionId,
          entry: 'linked_to_incident',
          accountId: actor.userId,
          organisationId: actor.organisationId,
          at: now,
        })),
      );
    }
    await appendAudit(tx, {
      type: 'gateway.incident_recorded',
      actor: auditActor(actor),
      subject: `incident:${incidentId}`,
      details: {
        incidentId,
        type: input.type,
        reference: reference.toLowerCase(),
        affected: affectedTotal(input.affected),
        submissions: submissionIds.length,
      },
    });
    return incidentId;
  });
  return readIncident(ctx, actor, id);
}

const listColumns = {
  incident: gatewayIncidents,
  // Qualified: the zones table has a column of the same name, which an unqualified name would mean.
  zoneNames: zoneNamesOf(sql`${gatewayIncidents}.${sql.identifier(gatewayIncidents.pcode.name)}`),
  organisationName: organisationNameOf(gatewayIncidents.organisationId),
};

/** The register's rows for a condition, with the codes of their transit points and corridors. */
export async function incidentRows(
  db: Database,
  where: SQL | undefined,
  page: { limit: number; offset: number; order?: SQL[] } = { limit: 1, offset: 0 },
): Promise<{ rows: (IncidentListRow & { total: number })[]; codes: Map<string, string> }> {
  const rows = await db
    .select({ ...listColumns, total: countOf(gatewayIncidents, where) })
    .from(gatewayIncidents)
    .where(where)
    .orderBy(...(page.order ?? [desc(gatewayIncidents.occurredOn), desc(gatewayIncidents.createdAt)]))
    .limit(page.limit)
    .offset(page.offset);
  const codes = await networkCodes(db, {
    transitPoints: rows.flatMap((row) => (row.incident.transitPointId ? [row.incident.transitPointId] : [])),
    corridors: rows.flatMap((row) => (row.incident.corridorId ? [row.incident.corridorId] : [])),
  });
  return { rows: rows as (IncidentListRow & { total: number })[], codes };
}

/** The register, filtered and paged, newest first. Nothing encrypted is opened. */
export async function listIncidents(ctx: RequestContext, rawQuery: IncidentListQuery): Promise<IncidentPage> {
  authorize(ctx, 'incident:read');
  const query = IncidentListQuery.parse(rawQuery);
  const i = gatewayIncidents;
  const where = and(
    query.type ? eq(i.type, query.type) : undefined,
    query.pcode ? eq(i.pcode, query.pcode) : undefined,
    query.stateCode ? eq(i.stateCode, query.stateCode) : undefined,
    query.accountability ? eq(i.accountability, query.accountability) : undefined,
    query.verification ? eq(i.verification, query.verification) : undefined,
    query.month ? sql`to_char(${i.occurredOn}, 'YYYY-MM') = ${query.month}` : undefined,
  );
  const { rows, codes } = await incidentRows(ctx.db, where, { limit: query.limit, offset: query.offset });
  const total =
    rows[0]?.total ??
    (query.offset > 0
      ? Number((await ctx.db.select({ n: sql<number>`count(*)` }).from(i).where(where))[0]?.n ?? 0)
      : 0);
  return { total: Number(total), items: rows.map((row) => presentIncidentSummary(row, codes, ctx.language)) };
}

/** One incident, with the texts the caller may read (the read is access-logged when it opens any). */
export async function getIncident(ctx: RequestContext, id: string): Promise<Incident> {
  const actor = authorize(ctx, 'incident:read');
  return readIncident(ctx, actor, id);
}

export async function readIncident(ctx: RequestContext, actor: Actor, id: string): Promise<Incident> {
  const { rows, codes } = await incidentRows(ctx.db, eq(gatewayIncidents.id, id));
  const found = rows[0];
  if (!found) throw notFound('incident');
  const row = found.incident;
  const keyring = ctx.platform.keyring;
  const texts = readsTexts(actor, row);
  const identities = readsIdentities(actor);
  const open = async (value: string | null, purpose: 'narrative' | 'person', allowed: boolean) =>
    allowed && value ? keyring.decrypt(ctx.db, value, purpose) : null;
  const links = await ctx.db
    .select({
      id: gatewaySubmissions.id,
      reference: gatewaySubmissions.reference,
      sensitive: gatewaySubmissions.sensitive,
    })
    .from(gatewayIncidentSubmissions)
    .innerJoin(gatewaySubmissions, eq(gatewaySubmissions.id, gatewayIncidentSubmissions.submissionId))
    .where(
      and(eq(gatewayIncidentSubmissions.incidentId, id), eq(gatewaySubmissions.organisationId, actor.organisationId)),
    )
    .orderBy(asc(gatewaySubmissions.reference));
  const history = await ctx.db
    .select()
    .from(gatewayIncidentHistory)
    .where(eq(gatewayIncidentHistory.incidentId, id))
    .orderBy(asc(gatewayIncidentHistory.at), asc(gatewayIncidentHistory.id));
  if (texts || (identities && row.identitiesEnc)) {
    await recordAccess(ctx.db, {
      actor: auditActor(actor),
      recordType: 'gateway_incident',
      recordId: id,
      purpose: 'incident_follow_up',
    });
  }
  return presentIncident(
    presentIncidentSummary(found, codes, ctx.language),
    row,
    {
      narrative: await open(row.narrativeEnc, 'narrative', texts),
      identities: await open(row.identitiesEnc, 'person', identities),
      response: await open(row.responseEnc, 'narrative', texts),
      sanction: await open(row.sanctionEnc, 'narrative', texts),
    },
    links.filter((link) => !link.sensitive || readsIdentities(actor)).map(({ id, reference }) => ({ id, reference })),
    await Promise.all(
      history.map(async (entry) => ({
        entry: entry.entry,
        at: entry.at.toISOString(),
        accountId: entry.accountId,
        note: await open(entry.noteEnc, 'narrative', texts),
      })),
    ),
    referralWait(row, ctx.platform.config.incidentResponseDays, new Date()),
  );
}

/** The incident for a change by the actor's organisation, locked; another organisation's is refused. */
export async function lockOwnIncident(tx: Database, actor: Actor, id: string): Promise<IncidentRow> {
  const [row] = await tx.select().from(gatewayIncidents).where(eq(gatewayIncidents.id, id)).for('update');
  if (!row) throw notFound('incident');
  if (row.organisationId !== actor.organisationId) {
    throw new AppError('forbidden', { params: { reason: 'organisation_reach' } });
  }
  return row;
}

/** Corrects what was recorded; the audit entry names the fields that changed, never their values. */
export async function correctIncident(ctx: RequestContext, id: string, input: IncidentCorrection): Promise<Incident> {
  const actor = authorize(ctx, 'incident:record');
  const now = new Date();
  const errors: FieldError[] = [];
  checkDay('body.occurredOn', input.occurredOn, now, errors);
  checkAffected(input.affected as Record<string, number> | undefined, errors);
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  const keyring = ctx.platform.keyring;
  const [narrativeEnc, identitiesEnc] = await Promise.all([
    input.narrative !== undefined ? keyring.encrypt(ctx.db, 'narrative', input.narrative) : undefined,
    input.identities !== undefined && input.identities !== ''
      ? keyring.encrypt(ctx.db, 'person', input.identities)
      : undefined,
  ]);
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockOwnIncident(tx, actor, id);
    const changes: Partial<IncidentRow> = {};
    const fields: string[] = [];
    for (const name of ['type', 'occurredOn', 'perpetratorCategory', 'source'] as const) {
      const value = input[name];
      if (value !== undefined && value !== row[name]) {
        (changes as Record<string, unknown>)[name] = value;
        fields.push(name);
      }
    }
    if (input.affected) {
      const values = affectedValues(input.affected as NewIncidentValues['affected']) as Partial<IncidentRow>;
      if (Object.entries(values).some(([column, n]) => row[column as keyof IncidentRow] !== n)) {
        Object.assign(changes, values);
        fields.push('affected');
      }
    }
    if (narrativeEnc !== undefined) {
      changes.narrativeEnc = narrativeEnc;
      fields.push('narrative');
    }
    if (input.identities !== undefined) {
      changes.identitiesEnc = identitiesEnc ?? null;
      fields.push('identities');
    }
    if (fields.length === 0) return;
    await tx
      .update(gatewayIncidents)
      .set({ ...changes, updatedAt: now })
      .where(eq(gatewayIncidents.id, id));
    await tx
      .insert(gatewayIncidentHistory)
      .values({ incidentId: id, entry: 'corrected', accountId: actor.userId, at: now });
    await appendAudit(tx, {
      type: 'gateway.incident_updated',
      actor: auditActor(actor),
      subject: `incident:${id}`,
      details: {
        incidentId: id,
        type: (changes.type ?? row.type) as never,
        fields: fields.map((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
      },
    });
  });
  return readIncident(ctx, actor, id);
}

/**
 * Independent verification: someone with `incident:verify` who did not record it says how far the account is
 * established, with a note (encrypted in the history).
 */
export async function verifyIncident(ctx: RequestContext, id: string, input: VerifyIncidentRequest): Promise<Incident> {
  const actor = authorize(ctx, 'incident:verify');
  const now = new Date();
  const noteEnc = await ctx.platform.keyring.encrypt(ctx.db, 'narrative', input.note);
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(gatewayIncidents).where(eq(gatewayIncidents.id, id)).for('update');
    if (!row) throw notFound('incident');
    if (row.recordedBy === actor.userId) {
      throw new AppError('forbidden', { params: { reason: 'incident_own_verification' } });
    }
    await tx
      .update(gatewayIncidents)
      .set({ verification: input.verification, verifiedBy: actor.userId, verifiedAt: now, updatedAt: now })
      .where(eq(gatewayIncidents.id, id));
    await tx
      .insert(gatewayIncidentHistory)
      .values({ incidentId: id, entry: input.verification, accountId: actor.userId, noteEnc, at: now });
    await appendAudit(tx, {
      type: 'gateway.incident_verified',
      actor: auditActor(actor),
      subject: `incident:${id}`,
      details: { incidentId: id, type: row.type as never, verification: input.verification as IncidentVerification },
    });
  });
  return readIncident(ctx, actor, id);
}
