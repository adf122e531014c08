import { randomInt } from 'node:crypto';
import type { Channel, Disclosure } from '../../shared/gateway/constants.ts';
import type { NewSubmissionValues, SubmissionReceipt } from '../../shared/gateway/schemas.ts';
import { transitPointByCode } from '../cases/network.ts';
import type { Config } from '../config.ts';
import type { Platform } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { AppError, type FieldError } from '../platform/http/errors.ts';
import { zoneStateCode } from '../zones/gazetteer.ts';
import { clientKey, type RateScope, spend } from './rate.ts';
import { hashReceiptCode, newReceiptCode } from './receipts.ts';
import { routingRules } from './routing.ts';
import { routeItem } from './rules/routing.ts';
import { dueAt } from './rules/service-levels.ts';
import { storeSubmission } from './submission-writer.ts';
import './events.ts';
import './permissions.ts';
import './problems.ts';
import { spokenReference } from '../platform/references/spoken.ts';

/** Staff say an item aloud by its reference, `G-7K3M-9QXD`; it opens nothing publicly (the receipt code does). */
export function newSubmissionReference(pick: (n: number) => number = randomInt): string {
  return spokenReference('G', pick);
}

/** A submission as it is written, however it arrived (portal, API, SMS, the demo). */
export interface IncomingSubmission extends NewSubmissionValues {
  channel: Channel;
}

/** Who to count a submission against for flood control, under a daily keyed hash (rate.ts); null counts nobody. */
export interface FloodKey {
  scope: RateScope;
  client: string;
}

/** Sensitive: sexual exploitation or abuse, or a protection request about a named person. */
export const isSensitive = (input: Pick<NewSubmissionValues, 'kind' | 'complaintCategory' | 'aboutNamedPerson'>) =>
  (input.kind === 'complaint' && input.complaintCategory === 'sexual_exploitation_abuse') ||
  (input.kind === 'protection_request' && input.aboutNamedPerson === true);

/**
 * Takes a submission from anyone: checks where it says it is about, routes it to an organisation, seals its text
 * and any contact, and stores it with a new receipt code's hash, its history's first entry and the audit entry,
 * all in one transaction (shared with the submissions that arrive at the same moment: submission-writer.ts).
 * The receipt code is returned once and never stored.
 *
 * Nothing about the client is kept: the flood key is counted under a daily keyed hash and then forgotten. An
 * SMS submission is always confidential (its number is who sent it), whatever was asked.
 */
export async function receiveSubmission(
  ctx: {
    db: Database;
    platform: Pick<Platform, 'keyring'> & {
      config: Pick<Config, 'gatewayServiceLevels' | 'gatewaySubmissionsPerHour'>;
    };
  },
  input: IncomingSubmission,
  flood: FloodKey | null,
  options: { now?: Date; code?: string } = {},
): Promise<SubmissionReceipt & { submissionId: string; reference: string }> {
  const { db, platform } = ctx;
  const now = options.now ?? new Date();
  if (flood) {
    const key = await clientKey(db, platform.keyring, flood.scope, flood.client, now);
    await spend(db, key, platform.config.gatewaySubmissionsPerHour, now);
  }
  const disclosure: Disclosure = input.channel === 'sms' ? 'confidential' : input.disclosure;
  const place = await placeOf(db, input);
  const sensitive = isSensitive(input);
  const rules = await routingRules(db);
  const route = routeItem({ kind: input.kind, pcode: place.pcode, stateCode: place.stateCode, sensitive }, rules);
  if (!route) throw new AppError('conflict', { params: { reason: 'gateway_unrouted' } });
  const code = options.code ?? newReceiptCode();
  const keyring = platform.keyring;
  const [receiptHash, bodyEnc, contactEnc, caseReferenceEnc] = await Promise.all([
    hashReceiptCode(db, keyring, code),
    keyring.encrypt(db, 'narrative', input.text),
    disclosure !== 'anonymous' && input.contact ? keyring.encrypt(db, 'contact', JSON.stringify(input.contact)) : null,
    input.caseReference ? keyring.encrypt(db, 'narrative', input.caseReference) : null,
  ]);
  const acknowledgeBy = dueAt('received', now, platform.config.gatewayServiceLevels)!;
  const reference = newSubmissionReference();
  const submissionId = newId();
  await storeSubmission(
    db,
    {
      id: submissionId,
      reference,
      receiptHash,
      kind: input.kind,
      complaintCategory: input.kind === 'complaint' ? (input.complaintCategory ?? 'other') : null,
      aboutNamedPerson: input.kind === 'protection_request' && input.aboutNamedPerson === true,
      sensitive,
      disclosure,
      channel: input.channel,
      language: input.language,
      pcode: place.pcode,
      stateCode: place.stateCode,
      transitPointId: place.transitPointId,
      caseReferenceEnc,
      bodyEnc,
      contactEnc,
      contactConsent: disclosure !== 'anonymous' && contactEnc !== null && input.contactConsent === true,
      organisationId: route.organisationId,
      status: 'received',
      dueAt: acknowledgeBy,
      receivedAt: now,
      updatedAt: now,
    },
    {
      type: 'gateway.submission_received',
      actor: null,
      subject: `submission:${submissionId}`,
      details: {
        submissionId,
        kind: input.kind,
        channel: input.channel,
        disclosure,
        sensitive,
        organisationId: route.organisationId,
      },
    },
  );
  return {
    submissionId,
    reference,
    receiptCode: code,
    kind: input.kind,
    receivedAt: now.toISOString(),
    acknowledgeBy: acknowledgeBy.toISOString(),
  };
}

/** The zone, state and transit point a submission names, each checked; a name that matches nothing is refused. */
async function placeOf(
  db: Database,
  input: Pick<NewSubmissionValues, 'pcode' | 'transitPoint'>,
): Promise<{ pcode: string | null; stateCode: string | null; transitPointId: string | null }> {
  const errors: FieldError[] = [];
  let pcode = input.pcode ?? null;
  let stateCode: string | null = null;
  let transitPointId: string | null = null;
  if (input.transitPoint) {
    const point = await transitPointByCode(db, input.transitPoint);
    if (!point)
      errors.push({
        field: 'body.transitPoint',
        code: 'unknown_transit_point',
        message: 'no transit point has this code',
      });
    transitPointId = point?.id ?? null;
    pcode ??= point?.pcode ?? null;
  }
  if (pcode) {
    const state = await zoneStateCode(db, pcode);
    if (state === undefined)
      errors.push({ field: 'body.pcode', code: 'unknown_zone', message: 'no zone has this P-code' });
    stateCode = state ?? null;
  }
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  return { pcode: stateCode ? pcode : null, stateCode, transitPointId };
}
