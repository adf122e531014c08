import { hash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type {
  PeriodReview,
  PublicationSummary,
  WaitingObservationPage,
  ZoneClass,
} from '../../shared/zones/schemas.ts';
import { organisationNameOf, organisationsWithRole } from '../platform/accounts/directory.ts';
import { canonicalJson } from '../platform/audit/canonical.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { assessPeriod, countByClass } from './assessments.ts';
import { activeFramework } from './frameworks.ts';
import { decidingPart } from './rules/explain.ts';
import { auditActorOf, currentPeriod } from './support.ts';
import {
  zoneAssessments,
  zoneObservations,
  zonePublications,
  zonePublishedClasses,
  zones,
  zoneVerifications,
} from './tables.ts';
import './events.ts';
import './permissions.ts';
import { type PublicationRow, presentPublication } from './presenters.ts';

const ROWS_PER_STATEMENT = 500;

/** The publication in force for a period: the latest one (a correction replaces what it names). */
export async function latestPublication(db: Database, period: string): Promise<PublicationRow | undefined> {
  const [row] = await db
    .select()
    .from(zonePublications)
    .where(eq(zonePublications.period, period))
    .orderBy(desc(zonePublications.publishedAt), desc(zonePublications.id))
    .limit(1);
  return row;
}

async function unverifiedCount(db: Database, period: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(zoneObservations)
    .where(and(eq(zoneObservations.period, period), inArray(zoneObservations.status, ['pending', 'more_evidence'])));
  return row?.n ?? 0;
}

/** What the coordinator reviews: the period's computed classes beside the previous period's, and what blocks publishing. */
export async function reviewPeriod(ctx: RequestContext, period: string): Promise<PeriodReview> {
  authorize(ctx, 'zone:read');
  const framework = await activeFramework(ctx.db);
  const rows = await ctx.db
    .select({
      pcode: zoneAssessments.pcode,
      class: zoneAssessments.class,
      frameworkVersion: zoneAssessments.frameworkVersion,
      classification: zoneAssessments.classification,
      names: zones.names,
    })
    .from(zoneAssessments)
    .innerJoin(zones, eq(zones.pcode, zoneAssessments.pcode))
    .where(eq(zoneAssessments.period, period))
    .orderBy(asc(zoneAssessments.pcode));
  const previousPeriodRow = await ctx.db
    .select({ period: zoneAssessments.period })
    .from(zoneAssessments)
    .where(lt(zoneAssessments.period, period))
    .orderBy(desc(zoneAssessments.period))
    .limit(1);
  const previous = new Map<string, ZoneClass>();
  if (previousPeriodRow[0]) {
    const earlier = await ctx.db
      .select({ pcode: zoneAssessments.pcode, class: zoneAssessments.class })
      .from(zoneAssessments)
      .where(eq(zoneAssessments.period, previousPeriodRow[0].period));
    for (const row of earlier) previous.set(row.pcode, row.class as ZoneClass);
  }
  const publication = await latestPublication(ctx.db, period);
  return {
    period,
    frameworkVersion: rows[0]?.frameworkVersion ?? framework.version,
    counts: countByClass(rows.map((row) => ({ class: row.class as ZoneClass }))),
    unverified: await unverifiedCount(ctx.db, period),
    monthEnded: monthEnded(period),
    zones: rows.map((row) => ({
      pcode: row.pcode,
      name: row.names,
      class: row.class as ZoneClass,
      previousClass: previous.get(row.pcode) ?? null,
      summary: row.classification.summary,
      classification: decidingPart(row.classification),
    })),
    publication: publication ? presentPublication(publication) : null,
  };
}

/** Recomputes the period's classes (for the review screen and `homeward assess`). */
export async function recomputePeriod(ctx: RequestContext, period: string): Promise<PeriodReview> {
  const actor = authorize(ctx, 'zone:assess');
  await assessPeriod(ctx.db, period, auditActorOf(actor));
  return reviewPeriod(ctx, period);
}

/**
 * Publishes a period: recomputes its classes from verified data, stores them unchangeable, and appends the
 * hash of what was published to the transparency log, all in one transaction. Refused while any observation
 * of the period waits for a verifier. A period is published once; a correction names the publication it
 * replaces (the latest of its period) and why.
 */
export async function publishPeriod(
  ctx: RequestContext,
  request: {
    period: string;
    replaces?: string | undefined;
    reason?: string | undefined;
    confirmMonthNotEnded?: true | undefined;
  },
): Promise<PublicationSummary> {
  const actor = authorize(ctx, 'zone:publish');
  if (!monthEnded(request.period) && request.confirmMonthNotEnded !== true) {
    throw new AppError('conflict', { params: { reason: 'month_not_ended', period: request.period } });
  }
  return presentPublication(await writePublication(ctx.db, auditActorOf(actor), request));
}

/** Whether the month `period` names is over (UTC, as periods are counted): no value can still come in for it. */
export const monthEnded = (period: string, now = new Date()): boolean => period < currentPeriod(now);

/**
 * The observations that keep a period from being published, oldest first, each with the organisations that can
 * move it on: another organisation's verifiers for a value waiting for a verifier, the submitting organisation
 * for one waiting for the evidence a verifier asked for. For whoever may publish.
 */
export async function listWaitingObservations(
  ctx: RequestContext,
  period: string,
  page: { limit: number; offset: number },
): Promise<WaitingObservationPage> {
  authorize(ctx, 'zone:publish');
  const o = zoneObservations;
  const where = and(eq(o.period, period), inArray(o.status, ['pending', 'more_evidence']));
  const total = await unverifiedCount(ctx.db, period);
  const rows = await ctx.db
    .select({
      id: o.id,
      pcode: o.pcode,
      indicator: o.indicator,
      period: o.period,
      status: o.status,
      organisationId: o.organisationId,
      organisationName: organisationNameOf(o.organisationId),
      submittedAt: o.submittedAt,
      names: zones.names,
    })
    .from(o)
    .leftJoin(zones, eq(zones.pcode, o.pcode))
    .where(where)
    .orderBy(asc(o.submittedAt), asc(o.pcode), asc(o.indicator))
    .limit(page.limit)
    .offset(page.offset);
  const verifiers = rows.some((row) => row.status === 'pending') ? await organisationsWithRole(ctx.db, 'verifier') : [];
  const asking = rows.filter((row) => row.status === 'more_evidence').map((row) => row.id);
  const requests = new Map<string, string | null>();
  if (asking.length > 0) {
    const decided = await ctx.db
      .select({ id: zoneVerifications.observationId, reason: zoneVerifications.reason })
      .from(zoneVerifications)
      .where(and(inArray(zoneVerifications.observationId, asking), eq(zoneVerifications.decision, 'request_evidence')))
      .orderBy(asc(zoneVerifications.decidedAt));
    for (const row of decided) requests.set(row.id, row.reason);
  }
  return {
    total,
    items: rows.map((row) => {
      const organisation = { id: row.organisationId, name: row.organisationName ?? '' };
      const pending = row.status === 'pending';
      return {
        id: row.id,
        pcode: row.pcode,
        zoneName: row.names ?? { en: row.pcode },
        indicator: row.indicator,
        period: row.period,
        status: pending ? 'pending' : 'more_evidence',
        organisation,
        submittedAt: row.submittedAt.toISOString(),
        actors: pending ? verifiers.filter((v) => v.id !== row.organisationId) : [organisation],
        reason: pending ? null : (requests.get(row.id) ?? null),
      };
    }),
  };
}

/** A period's classes as just published, for the modules that act on a zone's class (cases suspends movements). */
export interface PublishedClasses {
  publicationId: string;
  period: string;
  publisher: AuditActor;
  classes: readonly { pcode: string; class: ZoneClass }[];
}
export type PublicationListener = (tx: Database, published: PublishedClasses) => Promise<void>;
const publicationListeners: PublicationListener[] = [];

/**
 * Runs `listener` inside every publication's transaction, after its classes are stored: what it writes commits
 * or rolls back with the publication. Modules register on load, so the CLI and the demo see them too.
 */
export function onClassesPublished(listener: PublicationListener): void {
  if (!publicationListeners.includes(listener)) publicationListeners.push(listener);
}

/**
 * What publishPeriod does once the caller is authorised: for a publisher already known to be a coordinator
 * (the demo loader publishes its past months through here).
 */
export async function writePublication(
  db: Database,
  publisher: AuditActor,
  request: { period: string; replaces?: string | undefined; reason?: string | undefined },
): Promise<PublicationRow> {
  const { period } = request;
  return inTransaction(db, async (tx) => {
    // One publication at a time, so two coordinators cannot both publish the same period.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('homeward.zones.publish'))`);
    const waiting = await unverifiedCount(tx, period);
    if (waiting > 0) {
      throw new AppError('conflict', { params: { reason: 'unverified_observations', count: waiting, period } });
    }
    const current = await latestPublication(tx, period);
    if (current && !request.replaces)
      throw new AppError('conflict', { params: { reason: 'already_published', period } });
    if (request.replaces) {
      const replaced = await tx.select().from(zonePublications).where(eq(zonePublications.id, request.replaces));
      if (!replaced[0] || replaced[0].period !== period) throw notFound('publication');
      if (current?.id !== request.replaces) {
        throw new AppError('conflict', { params: { reason: 'not_latest_publication' } });
      }
      if (!request.reason) {
        throw new AppError('validation_failed', {
          errors: [{ field: 'body.reason', code: 'required', message: 'say why the correction is needed' }],
        });
      }
    }
    const { frameworkVersion, results } = await assessPeriod(tx, period, publisher);
    const content = results.map((result) => ({ pcode: result.pcode, classification: result.classification }));
    const contentHash = hash('sha256', canonicalJson({ period, frameworkVersion, zones: content }), 'hex');
    const id = newId();
    const { seq } = await appendAudit(tx, {
      type: 'zones.period_published',
      actor: publisher,
      subject: `publication:${id}`,
      details: {
        publicationId: id,
        period,
        frameworkVersion,
        zones: results.length,
        contentHash,
        replaces: request.replaces ?? null,
      },
    });
    const [publication] = await tx
      .insert(zonePublications)
      .values({
        id,
        period,
        frameworkVersion,
        contentHash,
        auditSeq: seq,
        replacesId: request.replaces ?? null,
        reason: request.reason ?? null,
        zoneCount: results.length,
        publishedBy: publisher.userId,
        organisationId: publisher.organisationId,
      })
      .returning();
    for (let i = 0; i < results.length; i += ROWS_PER_STATEMENT) {
      await tx.insert(zonePublishedClasses).values(
        results.slice(i, i + ROWS_PER_STATEMENT).map((result) => ({
          publicationId: id,
          pcode: result.pcode,
          stateCode: result.stateCode,
          period,
          class: result.classification.class,
          classification: result.classification,
        })),
      );
    }
    const published: PublishedClasses = {
      publicationId: id,
      period,
      publisher,
      classes: results.map((result) => ({ pcode: result.pcode, class: result.classification.class })),
    };
    for (const listener of publicationListeners) await listener(tx, published);
    return publication!;
  });
}

export async function listPublications(ctx: RequestContext): Promise<PublicationSummary[]> {
  authorize(ctx, 'zone:read');
  const rows = await ctx.db
    .select()
    .from(zonePublications)
    .orderBy(desc(zonePublications.period), desc(zonePublications.publishedAt));
  return rows.map(presentPublication);
}
