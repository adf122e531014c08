import { eq } from 'drizzle-orm';
import type { DecisionKind } from '../../shared/cases/constants.ts';
import type { Config } from '../config.ts';
import type { AuditActor } from '../platform/audit/log.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { openDecision } from './decisions.ts';
import { caseDecisions } from './tables.ts';
import { insertTestHousehold, type TestHouseholdOptions } from './test-support.ts';

export interface DecidedTestDecision {
  householdId: string;
  reference: string;
  statusCode: string;
  decisionId: string;
}

/**
 * A household with one decision opened by openDecision and then marked decided straight in the table, for
 * tests of what follows a decision (appeals, the status page, timelines), which do not test deciding itself.
 */
export async function decidedTestDecision(
  setup: { db: Database; keyring: Keyring; config: Pick<Config, 'serviceLevels'> },
  options: TestHouseholdOptions & {
    actor: AuditActor;
    kind?: DecisionKind;
    outcome?: string;
    openedAt?: Date;
    decidedAt?: Date;
  },
): Promise<DecidedTestDecision> {
  const { db } = setup;
  const household = await insertTestHousehold(db, setup.keyring, options);
  const kind = options.kind ?? 'eligibility';
  const decision = await openDecision(db, {
    household,
    kind,
    organisationId: options.organisationId,
    levels: setup.config.serviceLevels,
    actor: options.actor,
    ...(options.openedAt ? { now: options.openedAt } : {}),
  });
  await db
    .update(caseDecisions)
    .set({
      status: 'decided',
      outcome:
        options.outcome ??
        (kind === 'eligibility' ? 'not_eligible' : kind === 'registration' ? 'accepted' : 'approved'),
      decidedBy: options.actor.userId,
      decidedAt: options.decidedAt ?? new Date(),
    })
    .where(eq(caseDecisions.id, decision.id));
  return {
    householdId: household.id,
    reference: household.reference,
    statusCode: household.statusCode,
    decisionId: decision.id,
  };
}
