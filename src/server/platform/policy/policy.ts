import { type AnyColumn, and, asc, desc, eq, gt, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { DataCategory, Role, SharingPurpose } from '../../../shared/vocabulary.ts';
import { organisations } from '../accounts/schema.ts';
import type { Actor, RequestContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import { AppError, notFound } from '../http/errors.ts';
import { PERMISSIONS, type Permission } from './permissions.ts';
import { dataSharingAgreements } from './schema.ts';

/**
 * Whether the actor holds the permission through a role in their active organisation. `actor.roles` are the
 * roles of that membership only, so a role held in another organisation never counts here.
 */
export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  const holders: readonly Role[] = PERMISSIONS[permission] ?? [];
  return actor.roles.some((role) => holders.includes(role));
}

/**
 * The first line of a service function: the actor, when they hold the permission; otherwise 401
 * `unauthenticated` (nobody signed in) or 403 `forbidden`.
 */
export function authorize(ctx: Pick<RequestContext, 'actor'>, permission: Permission): Actor {
  const { actor } = ctx;
  if (!actor) throw new AppError('unauthenticated');
  if (!can(actor, permission)) throw new AppError('forbidden');
  return actor;
}

/**
 * Record-level reach: whether the actor may see data of `dataCategory` owned by another organisation. True for
 * the actor's own organisation, or when a recorded agreement from the owner to the actor's organisation covers
 * the category (and the purpose, when given), has not expired and was not revoked. Services turn false into
 * `notFound()`, so a caller never learns that a record they may not see exists.
 */
export async function canReachOrganisationData(
  db: Database,
  actor: Actor | null,
  ownerOrganisationId: string,
  dataCategory: DataCategory,
  purpose?: SharingPurpose,
): Promise<boolean> {
  if (!actor) return false;
  if (actor.organisationId === ownerOrganisationId) return true;
  const agreement = dataSharingAgreements;
  const [found] = await db
    .select({ id: agreement.id })
    .from(agreement)
    .where(
      and(
        eq(agreement.fromOrganisationId, ownerOrganisationId),
        eq(agreement.toOrganisationId, actor.organisationId),
        isNull(agreement.revokedAt),
        gt(agreement.expiresAt, sql`now()`),
        sql`${dataCategory} = any(${agreement.dataCategories})`,
        purpose ? eq(agreement.purpose, purpose) : undefined,
      ),
    )
    .limit(1);
  return found !== undefined;
}

/** canReachOrganisationData, or 404 `not_found` naming only the kind of record. */
export async function requireOrganisationData(
  ctx: Pick<RequestContext, 'db' | 'actor'>,
  ownerOrganisationId: string,
  dataCategory: DataCategory,
  options: { purpose?: SharingPurpose; thing?: string } = {},
): Promise<void> {
  const reachable = await canReachOrganisationData(
    ctx.db,
    ctx.actor,
    ownerOrganisationId,
    dataCategory,
    options.purpose,
  );
  if (!reachable) throw notFound(options.thing);
}

/**
 * Record-level reach inside a query: a condition that holds while a data-sharing agreement from the owner (a
 * column of the row, or an id) to `toOrganisationId` covers `dataCategory` for `purpose`, has not expired and
 * was not revoked. Modules filter their rows with it, so that a revoked agreement ends access at the next read.
 */
export function agreementInForce(
  owner: AnyColumn | SQL | string,
  toOrganisationId: AnyColumn | SQL | string,
  dataCategory: DataCategory,
  purpose: SharingPurpose,
): SQL {
  return sql`exists (select 1 from ${dataSharingAgreements}
    where ${agreementCovers(owner, toOrganisationId, dataCategory, purpose)})`;
}

/** The conditions on `data_sharing_agreements` that make an agreement in force for the owner, recipient and use. */
function agreementCovers(
  owner: AnyColumn | SQL | string,
  toOrganisationId: AnyColumn | SQL | string,
  dataCategory: DataCategory,
  purpose: SharingPurpose,
): SQL {
  const agreement = dataSharingAgreements;
  return sql`${agreement.fromOrganisationId} = ${owner}
      and ${agreement.toOrganisationId} = ${toOrganisationId}
      and ${agreement.purpose} = ${purpose}
      and ${dataCategory} = any(${agreement.dataCategories})
      and ${agreement.revokedAt} is null and ${agreement.expiresAt} > now()`;
}

/**
 * The agreement in force from the owner to `toOrganisationId` covering `dataCategory` for `purpose` (see
 * agreementInForce), the latest to expire, if there is one: what a module records a share under.
 */
export async function findAgreementInForce(
  db: Database,
  ownerOrganisationId: string,
  toOrganisationId: string,
  dataCategory: DataCategory,
  purpose: SharingPurpose,
): Promise<string | undefined> {
  const [found] = await db
    .select({ id: dataSharingAgreements.id })
    .from(dataSharingAgreements)
    .where(agreementCovers(ownerOrganisationId, toOrganisationId, dataCategory, purpose))
    .orderBy(desc(dataSharingAgreements.expiresAt))
    .limit(1);
  return found?.id;
}

/**
 * The organisations that `ownerOrganisationId` has an agreement in force with (see agreementInForce) covering
 * `dataCategory` for `purpose`, by name, never the owner itself: whom a module may offer as recipients of a share.
 */
export async function organisationsWithAgreementInForce(
  db: Database,
  ownerOrganisationId: string,
  dataCategory: DataCategory,
  purpose: SharingPurpose,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        ne(organisations.id, ownerOrganisationId),
        agreementInForce(ownerOrganisationId, organisations.id, dataCategory, purpose),
      ),
    )
    .orderBy(asc(organisations.name));
}
