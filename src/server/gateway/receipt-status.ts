import { asc, eq } from 'drizzle-orm';
import type { Satisfaction } from '../../shared/gateway/constants.ts';
import type { ReceiptStatus } from '../../shared/gateway/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, conflict } from '../platform/http/errors.ts';
import { clientKey, spend } from './rate.ts';
import { hashReceiptCode, normaliseReceiptCode } from './receipts.ts';
import { gatewayHistory, gatewayMessages, gatewaySubmissions } from './tables.ts';
import './events.ts';
import './problems.ts';

type Ctx = Pick<RequestContext, 'db' | 'platform'>;

/** A wrong code costs this many lookups, so guessing is limited far sooner than reading one's own item. */
const WRONG_CODE_WEIGHT = 3;
/** Stands in for a typed code that is not sixteen digits, so that a malformed code costs one hash too. */
const NO_CODE = '0000000000000000-';

/**
 * The submission a receipt code opens, or a refusal that says nothing more than "not recognised". Every lookup
 * costs one slow hash and counts against the client (under a daily keyed hash, never its address); a wrong code
 * counts three times, and past the hourly allowance the answer is 429 with the seconds to wait, before any hash.
 * Counting comes first, in the statement that reads the count, so concurrent guesses cannot slip under it.
 */
async function openByCode(ctx: Ctx, typed: string, client: string, now: Date) {
  const { db, platform } = ctx;
  const key = await clientKey(db, platform.keyring, 'lookup', client, now);
  const limit = platform.config.gatewayLookupsPerHour;
  // Counted before the hash is computed, so a client past its allowance costs no slow hash.
  await spend(db, key, limit, now);
  const code = normaliseReceiptCode(typed);
  const hash = await hashReceiptCode(db, platform.keyring, code ?? NO_CODE);
  const [row] = code
    ? await db
        .select({
          id: gatewaySubmissions.id,
          kind: gatewaySubmissions.kind,
          status: gatewaySubmissions.status,
          organisationId: gatewaySubmissions.organisationId,
          receivedAt: gatewaySubmissions.receivedAt,
          acknowledgedAt: gatewaySubmissions.acknowledgedAt,
          respondedAt: gatewaySubmissions.respondedAt,
          closedAt: gatewaySubmissions.closedAt,
          satisfaction: gatewaySubmissions.satisfaction,
          referrals: gatewaySubmissions.referrals,
        })
        .from(gatewaySubmissions)
        .where(eq(gatewaySubmissions.receiptHash, hash))
    : [];
  if (!row) {
    // A wrong code costs more of the allowance; the refusal is the same whether or not that used it up.
    await spend(db, key, Number.MAX_SAFE_INTEGER, now, WRONG_CODE_WEIGHT - 1);
    throw new AppError('not_found', { params: { reason: 'receipt' } });
  }
  return row;
}

async function messagesOf(db: Database, ctx: Ctx, submissionId: string) {
  const rows = await db
    .select({ author: gatewayMessages.author, bodyEnc: gatewayMessages.bodyEnc, createdAt: gatewayMessages.createdAt })
    .from(gatewayMessages)
    .where(eq(gatewayMessages.submissionId, submissionId))
    .orderBy(asc(gatewayMessages.createdAt), asc(gatewayMessages.id));
  return Promise.all(
    rows.map(async (message) => ({
      from: message.author as 'submitter' | 'staff',
      text: await ctx.platform.keyring.decrypt(db, message.bodyEnc, 'narrative'),
      at: message.createdAt.toISOString(),
    })),
  );
}

/** Where the item a receipt code opens stands, with its messages (the submitter's and the handlers'). */
export async function receiptStatus(ctx: Ctx, typed: string, client: string, now = new Date()): Promise<ReceiptStatus> {
  const row = await openByCode(ctx, typed, client, now);
  return {
    kind: row.kind as ReceiptStatus['kind'],
    status: row.status as ReceiptStatus['status'],
    receivedAt: row.receivedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    referred: row.referrals > 0,
    satisfaction: (row.satisfaction as Satisfaction | null) ?? null,
    messages: await messagesOf(ctx.db, ctx, row.id),
    open: row.status !== 'closed',
  };
}

/** The submitter adds information to their open item; a closed item takes none (409 `gateway_item_closed`). */
export async function addInformation(
  ctx: Ctx,
  input: { code: string; text: string },
  client: string,
  now = new Date(),
): Promise<ReceiptStatus> {
  const row = await openByCode(ctx, input.code, client, now);
  if (row.status === 'closed') throw conflict('gateway_item_closed');
  const bodyEnc = await ctx.platform.keyring.encrypt(ctx.db, 'narrative', input.text);
  await inTransaction(ctx.db, async (tx) => {
    const [current] = await tx
      .select({ status: gatewaySubmissions.status })
      .from(gatewaySubmissions)
      .where(eq(gatewaySubmissions.id, row.id))
      .for('update');
    if (current?.status === 'closed') throw conflict('gateway_item_closed');
    const [message] = await tx
      .insert(gatewayMessages)
      .values({ submissionId: row.id, author: 'submitter', bodyEnc, createdAt: now })
      .returning({ id: gatewayMessages.id });
    await tx
      .insert(gatewayHistory)
      .values({ submissionId: row.id, entry: 'information_added', organisationId: row.organisationId, at: now });
    await tx.update(gatewaySubmissions).set({ updatedAt: now }).where(eq(gatewaySubmissions.id, row.id));
    await appendAudit(tx, {
      type: 'gateway.information_added',
      actor: null,
      subject: `submission:${row.id}`,
      details: { submissionId: row.id, kind: row.kind as ReceiptStatus['kind'], messageId: message!.id },
    });
  });
  return receiptStatus(ctx, input.code, client, now);
}

/** The submitter says how satisfied they are, once the item has been answered or closed. */
export async function rateHandling(
  ctx: Ctx,
  input: { code: string; satisfaction: Satisfaction },
  client: string,
  now = new Date(),
): Promise<ReceiptStatus> {
  const row = await openByCode(ctx, input.code, client, now);
  if (row.status !== 'responded' && row.status !== 'closed') throw conflict('gateway_not_answered');
  await ctx.db
    .update(gatewaySubmissions)
    .set({ satisfaction: input.satisfaction, updatedAt: now })
    .where(eq(gatewaySubmissions.id, row.id));
  return receiptStatus(ctx, input.code, client, now);
}
