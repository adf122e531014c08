import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { CaseNotice, NoticePage } from '../../shared/cases/schemas.ts';
import type { MyWork } from '../../shared/work.ts';
import { createTestAccount, signIn, type TestAccount, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { caseNotices } from './tables.ts';
import { insertTestHousehold } from './test-support.ts';

/**
 * The movement notices, read a page at a time by keyset (newest first, then id): every notice once, in the
 * single page's order, `total` the number the staff home counts, a malformed cursor refused, and only the
 * caller's organisation's notices.
 */
let env: TestEnvironment;
let officer: TestAccount;
let client: TestClient;
let other: TestAccount;
let otherClient: TestClient;
const db = () => env.database.db;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(db());
  officer = await createTestAccount(env.app, { roles: ['case_worker'] });
  other = await createTestAccount(env.app, { roles: ['case_worker'] });
  client = await signIn(env.app, officer);
  otherClient = await signIn(env.app, other);
});
afterAll(() => env.close());

const read = (query: string, as: TestClient = client) =>
  as.request({ method: 'GET', url: `/api/v1/cases/notices${query}` });

/** Every page of the notices with `query`, `limit` at a time, checking each page as it comes. */
async function walk(query: string, limit: number, as: TestClient = client) {
  const seen: CaseNotice[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await read(`?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<NoticePage>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.items).toHaveLength(limit);
    seen.push(...page.items);
    totals.add(page.total);
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(200);
  } while (cursor);
  return { seen, pages, totals: [...totals] };
}

/** The staff home's count of the organisation's unread notices (0 when the item is not listed). */
async function unreadOnTheHome(as: TestClient = client): Promise<number> {
  const response = await as.request({ method: 'GET', url: '/api/v1/me/work' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<MyWork>().items.find((item) => item.kind === 'cases.notices_unread')?.count ?? 0;
}

/**
 * Notices for an organisation's household: most at one instant, as a zone downgrade sends them (only the id
 * tells those apart), the others a minute apart each; some read.
 */
async function sendNotices(account: TestAccount, options: { atOnce: number; spread: number; read: number }) {
  const household = await insertTestHousehold(db(), env.app.platform.keyring, {
    organisationId: account.organisationId,
  });
  const downgradedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
  const notice = (createdAt: Date, readAt: Date | null = null) => ({
    householdId: household.id,
    organisationId: account.organisationId,
    kind: 'movement_suspended',
    detail: { reason: 'zone_downgraded', pcode: 'QM0101', from: 'conducive', to: 'not_conducive' },
    createdAt,
    readAt,
  });
  const rows = [
    ...Array.from({ length: options.atOnce }, () => notice(downgradedAt)),
    ...Array.from({ length: options.spread }, (_, i) => notice(new Date(downgradedAt.getTime() + (i - 3) * 60_000))),
    ...Array.from({ length: options.read }, (_, i) => notice(new Date(downgradedAt.getTime() + i * 1000), new Date())),
  ];
  const inserted = await db().insert(caseNotices).values(rows).returning({ id: caseNotices.id });
  return inserted.map((row) => row.id);
}

describe('the notices, a page at a time', () => {
  it('returns every notice once, newest first, and counts what the staff home counts', async () => {
    const ids = await sendNotices(officer, { atOnce: 17, spread: 6, read: 3 });
    // Their organisation's notices, interleaved in time with ours: never listed, never counted.
    const theirs = await sendNotices(other, { atOnce: 5, spread: 4, read: 1 });
    // Creation times finer than a millisecond, as the database's default gives them, survive the cursor.
    await db()
      .update(caseNotices)
      .set({ createdAt: sql`${caseNotices.createdAt} + interval '7 microseconds'` })
      .where(inArray(caseNotices.id, [ids[8]!, ids[16]!, ids[17]!, theirs[0]!]));
    const unread = ids.slice(0, 23);

    const whole = (await read('?unread=true&limit=200')).json<NoticePage>();
    expect(whole.nextCursor).toBeNull();
    expect(whole.total).toBe(unread.length);
    expect([...whole.items.map((notice) => notice.id)].sort()).toEqual([...unread].sort());
    // Newest first (to the microsecond, finer than the answer's times), then by id: the notices sent at one
    // instant in the order of their ids.
    const micros = new Map(
      (
        await db()
          .select({
            id: caseNotices.id,
            micros: sql<string>`(extract(epoch from ${caseNotices.createdAt}) * 1000000)::bigint::text`,
          })
          .from(caseNotices)
          .where(inArray(caseNotices.id, unread))
      ).map((row) => [row.id, BigInt(row.micros)]),
    );
    const newestFirst = [...unread].sort((a, b) => {
      const [at, bt] = [micros.get(a)!, micros.get(b)!];
      return at !== bt ? (at > bt ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
    });
    expect(whole.items.map((notice) => notice.id)).toEqual(newestFirst);

    const { seen, pages, totals } = await walk('&unread=true', 4);
    expect(pages).toBe(Math.ceil(unread.length / 4));
    expect(seen.map((notice) => notice.id)).toEqual(whole.items.map((notice) => notice.id));
    // Every page counts them all: the number on the staff home.
    expect(totals).toEqual([unread.length]);
    expect(await unreadOnTheHome()).toBe(unread.length);
    // One at a time, every notice is once the cursor.
    const single = await walk('&unread=true', 1);
    expect(single.seen.map((notice) => notice.id)).toEqual(whole.items.map((notice) => notice.id));

    // All the notices, read ones included, page the same way; so do the read ones alone.
    const all = await walk('', 5);
    expect(all.seen.map((notice) => notice.id).sort()).toEqual([...ids].sort());
    expect(all.totals).toEqual([ids.length]);
    const done = await walk('&unread=false', 2);
    expect(done.seen.map((notice) => notice.id).sort()).toEqual(ids.slice(23).sort());
    expect(done.seen.every((notice) => notice.readAt !== null)).toBe(true);
    expect(done.totals).toEqual([3]);

    // Without a limit, a page holds 50; one more notice than that takes a second page.
    await sendNotices(officer, { atOnce: 28, spread: 0, read: 0 });
    const first = (await read('?unread=true')).json<NoticePage>();
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(51);
    expect(await unreadOnTheHome()).toBe(51);
    const second = (await read(`?unread=true&cursor=${first.nextCursor}`)).json<NoticePage>();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    // The 51st notice is one nobody could reach before.
    expect(first.items.map((notice) => notice.id)).not.toContain(second.items[0]!.id);
  });

  it('keeps its place when a notice is marked read between pages, and the read one leaves the list', async () => {
    const reader = await createTestAccount(env.app, { roles: ['protection_officer'] });
    const readerClient = await signIn(env.app, reader);
    await sendNotices(reader, { atOnce: 6, spread: 4, read: 0 });
    const whole = (await read('?unread=true&limit=200', readerClient)).json<NoticePage>();
    expect(whole.total).toBe(10);

    const first = (await read('?unread=true&limit=4', readerClient)).json<NoticePage>();
    // The last notice of the page (the cursor's) and one of the next page's are marked read meanwhile.
    for (const notice of [first.items[3]!, whole.items[5]!]) {
      const marked = await readerClient.request({ method: 'POST', url: `/api/v1/cases/notices/${notice.id}/read` });
      expect(marked.statusCode, marked.body).toBe(200);
    }
    const next = (await read(`?unread=true&limit=4&cursor=${first.nextCursor}`, readerClient)).json<NoticePage>();
    expect(next.items.map((notice) => notice.id)).toEqual([4, 6, 7, 8].map((index) => whole.items[index]!.id));
    expect(next.total).toBe(8);
    expect(await unreadOnTheHome(readerClient)).toBe(8);
    // Read again from the start, the list no longer has them.
    const again = await walk('&unread=true', 3, readerClient);
    expect(again.seen.map((notice) => notice.id)).toEqual(
      whole.items.filter((_, index) => index !== 3 && index !== 5).map((notice) => notice.id),
    );
  });

  it("never lists another organisation's notices, whatever the cursor", async () => {
    const sent = await sendNotices(officer, { atOnce: 2, spread: 2, read: 1 });
    const mine = await sendNotices(other, { atOnce: 3, spread: 3, read: 0 });
    const { seen: ours } = await walk('', 7);
    expect(ours.some((notice) => mine.includes(notice.id))).toBe(false);
    expect(ours.map((notice) => notice.id)).toEqual(expect.arrayContaining(sent));
    // Their own cursor, passed by someone else, is only a place in the order: it reads that person's notices.
    const theirPage = (await read('?limit=2', otherClient)).json<NoticePage>();
    expect(theirPage.nextCursor).not.toBeNull();
    const borrowed = await read(`?limit=200&cursor=${theirPage.nextCursor}`);
    expect(borrowed.statusCode, borrowed.body).toBe(200);
    const page = borrowed.json<NoticePage>();
    expect(page.items.some((notice) => mine.includes(notice.id))).toBe(false);
    expect(page.total).toBe(ours.length);
    // And theirs never shows ours.
    const { seen: theirs } = await walk('', 50, otherClient);
    expect(theirs.some((notice) => ours.some((own) => own.id === notice.id))).toBe(false);
    expect(theirs.map((notice) => notice.id)).toEqual(expect.arrayContaining(mine));
  });

  it('refuses a bad limit or a malformed cursor with a problem, never a server error', async () => {
    for (const query of [
      'limit=0',
      'limit=201',
      'limit=many',
      'unread=yes',
      'cursor=nope',
      'cursor=',
      'cursor=1767225600000000',
      'cursor=1767225600000000.not-an-id',
      'cursor=-1.0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d',
      'cursor=12.5.0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d',
      'cursor=99999999999999999999.0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d',
      'cursor=0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d.1767225600000000',
      `cursor=${'1'.repeat(16)}.${'x'.repeat(500)}`,
    ]) {
      const response = await read(`?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
      expect(response.json().errors.map((error: { field: string }) => error.field)[0]).toMatch(
        /^querystring\.(limit|unread|cursor)/,
      );
    }
    // A well-formed cursor past every notice is an empty last page, not an error.
    const past = await read('?cursor=1.0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d');
    expect(past.statusCode, past.body).toBe(200);
    expect(past.json<NoticePage>()).toMatchObject({ items: [], nextCursor: null });
  });
});
