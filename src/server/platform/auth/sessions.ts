import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { type MembershipView, membershipsOfColumn, type UserRow } from '../accounts/directory.ts';
import { users } from '../accounts/schema.ts';
import type { Database } from '../db/client.ts';
import { type SessionStage, sessions } from './schema.ts';
import { hashToken, newToken } from './tokens.ts';

export type SessionRow = typeof sessions.$inferSelect;

/** A half-finished sign-in (waiting for a TOTP code, enrolment or a new password) lasts this long at most. */
const PENDING_LIFETIME_MS = 15 * 60 * 1000;
/** Seen-at is written at most this often, so that not every request writes to the database. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionLifetimes = Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

export interface SessionExpiry {
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

/** When a session ends: after idle time without a request, or at its absolute end, whichever is first. */
export function sessionExpiry(session: SessionRow, lifetimes: SessionLifetimes): SessionExpiry {
  const idleMs = lifetimes.sessionIdleMinutes * 60_000;
  const absoluteMs = lifetimes.sessionAbsoluteHours * 3_600_000;
  const pending = session.stage !== 'active';
  return {
    idleExpiresAt: new Date(session.lastSeenAt.getTime() + (pending ? Math.min(idleMs, PENDING_LIFETIME_MS) : idleMs)),
    absoluteExpiresAt: new Date(
      session.createdAt.getTime() + (pending ? Math.min(absoluteMs, PENDING_LIFETIME_MS) : absoluteMs),
    ),
  };
}

export function isExpired(session: SessionRow, lifetimes: SessionLifetimes, now: Date): boolean {
  const { idleExpiresAt, absoluteExpiresAt } = sessionExpiry(session, lifetimes);
  return now >= idleExpiresAt || now >= absoluteExpiresAt;
}

export async function startSession(
  db: Database,
  input: { userId: string; stage: SessionStage; organisationId: string | null },
  now: Date,
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken();
  const [session] = await db
    .insert(sessions)
    .values({ ...input, tokenHash: hashToken(token), createdAt: now, lastSeenAt: now })
    .returning();
  return { token, session: session! };
}

/**
 * A session with its person and their memberships in one statement: every staff request asks this, and on
 * the embedded database each statement waits its turn behind every other request's (bench/mixed.ts).
 */
export async function findSessionWithAccount(
  db: Database,
  token: string,
): Promise<{ session: SessionRow; user: UserRow | null; memberships: MembershipView[] } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users, memberships: membershipsOfColumn(sessions.userId) })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)));
  return row;
}

/**
 * Moves a sign-in to its next stage under a new token, so that a token seen before a step was completed
 * (say, by someone watching the first step) is worth nothing afterwards.
 */
export async function advanceSession(
  db: Database,
  sessionId: string,
  stage: SessionStage,
  now: Date,
): Promise<{ token: string }> {
  const token = newToken();
  await db
    .update(sessions)
    .set({ stage, tokenHash: hashToken(token), lastSeenAt: now })
    .where(eq(sessions.id, sessionId));
  return { token };
}

export async function setSessionStage(db: Database, sessionId: string, stage: SessionStage): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
}

export async function setSessionOrganisation(db: Database, sessionId: string, organisationId: string): Promise<void> {
  await db.update(sessions).set({ organisationId }).where(eq(sessions.id, sessionId));
}

/** Records activity (for idle expiry), at most once a minute per session. */
export async function touchSession(db: Database, session: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
}

export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a person (deactivation, two-factor reset), or every one but the current. */
export async function endUserSessions(db: Database, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    );
}

/** Removes every session past its idle or absolute end (sessions nobody came back to end nowhere else). */
export async function purgeExpiredSessions(db: Database, lifetimes: SessionLifetimes, now: Date): Promise<void> {
  const idleCutoff = new Date(now.getTime() - lifetimes.sessionIdleMinutes * 60_000);
  const absoluteCutoff = new Date(now.getTime() - lifetimes.sessionAbsoluteHours * 3_600_000);
  await db.delete(sessions).where(or(lt(sessions.lastSeenAt, idleCutoff), lt(sessions.createdAt, absoluteCutoff)));
}
