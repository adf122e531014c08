import type { FastifyInstance } from 'fastify';
import { clientKey, spend } from '../../src/server/gateway/rate.ts';
import { hashReceiptCode, newReceiptCode } from '../../src/server/gateway/receipts.ts';
import { newSubmissionReference } from '../../src/server/gateway/submissions.ts';
import { gatewayHistory, gatewaySubmissions } from '../../src/server/gateway/tables.ts';
import { inTransaction } from '../../src/server/platform/audit/head.ts';
import { appendAudit } from '../../src/server/platform/audit/log.ts';
import { openKeyring } from '../../src/server/platform/crypto/keyring.ts';
import { openDatabase } from '../../src/server/platform/db/client.ts';
import '../../src/server/gateway/events.ts';

const DAY_MS = 86_400_000;

/**
 * The limit of the gateway's submission benchmark (bench/gateway.ts): a bare Fastify route that stores the same
 * rows as `POST /api/v1/public/gateway/submissions` the plainest way. It counts the client under the day's keyed
 * hash, hashes a new receipt code, seals the text, and writes the submission, its first history entry and its
 * audit entry in one transaction, to the organisation given. Left out: validation, the zone and routing-rule
 * lookups, and the platform's request hooks (security headers, request ids, logging, the session check).
 */
export async function addBareGatewayRoute(app: FastifyInstance, dataDir: string, organisationId: string) {
  const handle = await openDatabase({ dataDir });
  const keyring = await openKeyring({ dataDir, masterKey: undefined });
  const db = handle.db;
  app.post('/api/v1/public/gateway/submissions', async (request, reply) => {
    const body = request.body as { kind: string; disclosure: string; text: string; language: string };
    const now = new Date();
    await spend(db, await clientKey(db, keyring, 'submit', request.ip, now), 1_000_000_000, now);
    const code = newReceiptCode();
    const [receiptHash, bodyEnc] = await Promise.all([
      hashReceiptCode(db, keyring, code),
      keyring.encrypt(db, 'narrative', body.text),
    ]);
    const acknowledgeBy = new Date(now.getTime() + 2 * DAY_MS);
    await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(gatewaySubmissions)
        .values({
          reference: newSubmissionReference(),
          receiptHash,
          kind: body.kind,
          sensitive: false,
          disclosure: body.disclosure,
          channel: 'web',
          language: body.language,
          bodyEnc,
          organisationId,
          status: 'received',
          dueAt: acknowledgeBy,
          receivedAt: now,
          updatedAt: now,
        })
        .returning({ id: gatewaySubmissions.id });
      await tx.insert(gatewayHistory).values({ submissionId: row!.id, entry: 'received', organisationId, at: now });
      await appendAudit(tx, {
        type: 'gateway.submission_received',
        actor: null,
        subject: `submission:${row!.id}`,
        details: {
          submissionId: row!.id,
          kind: 'concern',
          channel: 'web',
          disclosure: 'anonymous',
          sensitive: false,
          organisationId,
        },
      });
    });
    return reply.code(201).send({
      receiptCode: code,
      kind: body.kind,
      receivedAt: now.toISOString(),
      acknowledgeBy: acknowledgeBy.toISOString(),
    });
  });
  app.addHook('onClose', () => handle.close());
}
