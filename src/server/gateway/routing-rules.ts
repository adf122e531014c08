import { asc, eq } from 'drizzle-orm';
import type { NewRoutingRuleValues, RoutingRuleView } from '../../shared/gateway/schemas.ts';
import { organisationNameOf } from '../platform/accounts/directory.ts';
import { findOrganisationById } from '../platform/accounts/provisioning.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, type FieldError } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { zoneStateCode } from '../zones/gazetteer.ts';
import { auditActor } from './inbox.ts';
import { presentRoutingRule } from './presenters/inbox.ts';
import { gatewayRoutingRules } from './tables.ts';
import './events.ts';
import './problems.ts';

/**
 * Managing who receives what: the routing rules (rules/routing.ts picks among them). A rule names an organisation
 * that exists, and a zone or state that exists; every change is audited.
 */

const ruleColumns = {
  rule: gatewayRoutingRules,
  organisationName: organisationNameOf(gatewayRoutingRules.organisationId),
};

/** Every rule, in the order they are tried among equally specific ones. */
export async function listRoutingRules(ctx: RequestContext): Promise<RoutingRuleView[]> {
  authorize(ctx, 'gateway:route');
  const rows = await ctx.db
    .select(ruleColumns)
    .from(gatewayRoutingRules)
    .orderBy(asc(gatewayRoutingRules.position), asc(gatewayRoutingRules.createdAt));
  return rows.map((row) => presentRoutingRule(row.rule, row.organisationName));
}

/** Adds a rule; an unknown organisation, zone or state is refused naming the field, and nothing is written. */
export async function createRoutingRule(ctx: RequestContext, input: NewRoutingRuleValues): Promise<RoutingRuleView> {
  const actor = authorize(ctx, 'gateway:route');
  const errors: FieldError[] = [];
  const organisation = await findOrganisationById(ctx.db, input.organisationId);
  if (!organisation?.active) {
    errors.push({
      field: 'body.organisationId',
      code: 'unknown_organisation',
      message: 'no active organisation has this id',
    });
  }
  if (input.pcode !== undefined) {
    const state = await zoneStateCode(ctx.db, input.pcode);
    if (state === undefined)
      errors.push({ field: 'body.pcode', code: 'unknown_zone', message: 'no zone has this P-code' });
    else if (input.stateCode !== undefined && state !== input.stateCode) {
      errors.push({ field: 'body.stateCode', code: 'state_mismatch', message: 'the zone is not in this state' });
    }
  }
  if (input.stateCode !== undefined && (await zoneStateCode(ctx.db, input.stateCode)) !== input.stateCode) {
    if (!errors.some((error) => error.field === 'body.stateCode')) {
      errors.push({ field: 'body.stateCode', code: 'unknown_state', message: 'no state has this code' });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  const id = await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(gatewayRoutingRules)
      .values({
        organisationId: input.organisationId,
        kind: input.kind ?? null,
        pcode: input.pcode ?? null,
        stateCode: input.stateCode ?? null,
        sensitive: input.sensitive,
        position: input.position,
        createdBy: actor.userId,
      })
      .returning({ id: gatewayRoutingRules.id });
    await appendAudit(tx, {
      type: 'gateway.routing_rule_changed',
      actor: auditActor(actor),
      subject: `routing_rule:${row!.id}`,
      details: { ruleId: row!.id, change: 'created', organisationId: input.organisationId },
    });
    return row!.id;
  });
  const [row] = await ctx.db.select(ruleColumns).from(gatewayRoutingRules).where(eq(gatewayRoutingRules.id, id));
  return presentRoutingRule(row!.rule, row!.organisationName);
}

/** Removes a rule (items already routed stay where they are). */
export async function deleteRoutingRule(ctx: RequestContext, id: string): Promise<void> {
  const actor = authorize(ctx, 'gateway:route');
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.delete(gatewayRoutingRules).where(eq(gatewayRoutingRules.id, id)).returning();
    if (!row) throw new AppError('not_found', { params: { reason: 'gateway_routing_rule', thing: 'rule' } });
    await appendAudit(tx, {
      type: 'gateway.routing_rule_changed',
      actor: auditActor(actor),
      subject: `routing_rule:${row.id}`,
      details: { ruleId: row.id, change: 'deleted', organisationId: row.organisationId },
    });
  });
}
