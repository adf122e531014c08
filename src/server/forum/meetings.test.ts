import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Meeting } from '../../shared/forum/schemas/meetings.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { jpegWithGps } from '../zones/files/test-images.ts';
import { forumAttachments, forumPositions } from './tables.ts';

/**
 * Meetings: a civil-society organisation submits a position before a tripartite meeting, the chair records how it
 * was taken into account, the members approve the minutes (a non-member may not), and the public sees public
 * positions only.
 */
let env: TestEnvironment;
let chair: TestClient;
let cso: TestClient;
let state: TestClient;
let outsider: TestClient;
let ids: { centre: string; civil: string; origin: string; other: string };
const today = new Date().toISOString().slice(0, 10);

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

beforeAll(async () => {
  env = await createTestEnvironment();
  const centre = (await createTestOrganisation(env.app)).id;
  const civil = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  const origin = (await createTestOrganisation(env.app, { kind: 'state_agency', homeState: 'QM' })).id;
  const other = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QO' })).id;
  ids = { centre, civil, origin, other };
  chair = await account(centre, 'coordinator');
  cso = await account(civil, 'civil_society_watchdog');
  state = await account(origin, 'coordinator');
  outsider = await account(other, 'civil_society_watchdog');
});
afterAll(() => env.close());

async function scheduled(): Promise<Meeting> {
  const body = await chair.request({
    method: 'POST',
    url: '/api/v1/forum/bodies',
    payload: {
      code: `tripartite-${Math.random().toString(36).slice(2, 8)}`,
      kind: 'tripartite_commission',
      name: 'Tripartite commission Marenland–Tarnesia',
      stateCodes: ['QM', 'QT'],
      members: [
        { organisationId: ids.origin, seat: 'state_of_origin' },
        { organisationId: ids.civil, seat: 'civil_society' },
      ],
    },
  });
  expect(body.statusCode).toBe(201);
  const meeting = await chair.request({
    method: 'POST',
    url: '/api/v1/forum/meetings',
    payload: {
      bodyId: body.json().id,
      title: 'Second quarter',
      heldOn: today,
      positionsDueOn: today,
      channel: 'hybrid',
      place: 'Maren City',
      agenda: [{ title: 'Civil documents after return' }, { title: 'Transit points' }],
    },
  });
  expect(meeting.statusCode).toBe(201);
  return meeting.json();
}

describe('meetings', () => {
  it('records how a civil-society position was taken into account, and the minutes approved by every member', async () => {
    const meeting = await scheduled();
    const item = meeting.agenda[0]!;
    const submitted = await cso.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.id}/positions`,
      payload: {
        agendaItemId: item.id,
        text: 'Returnees wait months for replacement documents; set a 30-day deadline.',
        visibility: 'public',
        evidence: [{ kind: 'link', ref: 'https://example.org/report.pdf', note: 'monitoring report' }],
      },
    });
    expect(submitted.statusCode).toBe(201);
    const position = (submitted.json() as Meeting).agenda[0]!.positions[0]!;
    expect(position.organisation.id).toBe(ids.civil);

    // The chair may not leave a position without saying how it was taken into account.
    const silent = await chair.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.id}/agenda/${item.id}/treatment`,
      payload: { treatment: 'Discussed.' },
    });
    expect(silent.statusCode).toBe(409);
    expect(silent.json()).toMatchObject({ reason: 'forum_positions_untreated' });

    const held = await chair.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.id}/held`,
      payload: {
        participants: [
          { organisationId: ids.centre, seat: 'monitoring_centre', attended: true },
          { organisationId: ids.origin, seat: 'state_of_origin', attended: true },
          { organisationId: ids.civil, seat: 'civil_society', attended: true },
        ],
        minutes: 'The commission heard the network on documents and agreed a deadline.',
      },
    });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', civilSocietySeats: 1, participants: 3 });

    const treated = await chair.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.id}/agenda/${item.id}/treatment`,
      payload: {
        treatment: 'The 30-day deadline was adopted as proposed by the network.',
        positions: [{ positionId: position.id, treatment: 'adopted' }],
      },
    });
    expect(treated.statusCode).toBe(200);
    const first = (treated.json() as Meeting).agenda[0]!;
    expect(first.treatment).toBe('The 30-day deadline was adopted as proposed by the network.');
    expect(first.heard.map((organisation) => organisation.id)).toEqual([ids.civil]);
    expect(first.positions[0]!.treatment).toBe('adopted');

    const decided = await chair.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.id}/decisions`,
      payload: { agendaItemId: item.id, text: 'Replacement documents within 30 days of return.' },
    });
    expect(decided.statusCode).toBe(201);

    // A non-member may not approve the minutes; each member does, and then they are approved.
    const stranger = await outsider.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.id}/minutes/approve`,
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json()).toMatchObject({ reason: 'forum_minutes_non_member' });
    for (const member of [chair, state]) {
      const approved = await member.request({
        method: 'POST',
        url: `/api/v1/forum/meetings/${meeting.id}/minutes/approve`,
      });
      expect(approved.json()).toMatchObject({ status: 'held' });
    }
    const last = await cso.request({ method: 'POST', url: `/api/v1/forum/meetings/${meeting.id}/minutes/approve` });
    expect(last.statusCode).toBe(200);
    expect(last.json()).toMatchObject({ status: 'minutes_approved', awaitingApproval: [] });

    const shown = await env.app.inject({ method: 'GET', url: `/api/v1/public/forum/meetings/${meeting.id}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      minutes: 'The commission heard the network on documents and agreed a deadline.',
      decisionList: [{ text: 'Replacement documents within 30 days of return.' }],
    });
  });

  it('shows members-only positions to the members, and only their count to others and the public', async () => {
    const meeting = await scheduled();
    const item = meeting.agenda[1]!;
    const submitted = await state.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.id}/positions`,
      payload: { agendaItemId: item.id, text: 'Transit point Y reopens in spring.', visibility: 'members' },
    });
    expect(submitted.statusCode).toBe(201);
    const member = await cso.request({ method: 'GET', url: `/api/v1/forum/meetings/${meeting.id}` });
    expect(member.json().agenda[1].positions).toHaveLength(1);
    const other = await outsider.request({ method: 'GET', url: `/api/v1/forum/meetings/${meeting.id}` });
    expect(other.json().agenda[1]).toMatchObject({ positions: [], membersOnly: 1 });
    const shown = await env.app.inject({ method: 'GET', url: `/api/v1/public/forum/meetings/${meeting.id}` });
    expect(shown.body).not.toContain('Transit point Y');
    expect(shown.json().agenda[1]).toMatchObject({ positions: [], membersOnly: 1 });
  });

  it('refuses positions from outside the table, on another meeting’s item, empty or with a NUL, writing nothing', async () => {
    const meeting = await scheduled();
    const elsewhere = await scheduled();
    const [before] = await env.database.db.select({ n: count() }).from(forumPositions);
    const post = (client: TestClient, payload: Record<string, unknown>) =>
      client.request({ method: 'POST', url: `/api/v1/forum/meetings/${meeting.id}/positions`, payload });
    const outside = await post(outsider, { agendaItemId: meeting.agenda[0]!.id, text: 'x', visibility: 'public' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ reason: 'forum_not_at_table' });
    const wrongItem = await post(cso, { agendaItemId: elsewhere.agenda[0]!.id, text: 'x', visibility: 'public' });
    expect(wrongItem.statusCode).toBe(400);
    expect(wrongItem.json().errors[0].field).toBe('body.agendaItemId');
    expect(
      (await post(cso, { agendaItemId: meeting.agenda[0]!.id, text: '   ', visibility: 'public' })).statusCode,
    ).toBe(400);
    expect(
      (await post(cso, { agendaItemId: meeting.agenda[0]!.id, text: 'a\u0000b', visibility: 'public' })).statusCode,
    ).toBe(400);
    const badLink = await post(cso, {
      agendaItemId: meeting.agenda[0]!.id,
      text: 'x',
      visibility: 'public',
      evidence: [{ kind: 'link', ref: 'javascript:alert(1)' }],
    });
    expect(badLink.statusCode).toBe(400);
    const [after] = await env.database.db.select({ n: count() }).from(forumPositions);
    expect(after!.n).toBe(before!.n);
    // Only the chair runs the meeting.
    const notChair = await state.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${meeting.id}/decisions`,
      payload: { text: 'x' },
    });
    expect(notChair.statusCode).toBe(403);
  });

  it('carries a position’s files: an image without its location, a PDF as sent, each read as its position is', async () => {
    const meeting = await scheduled();
    const submit = async (client: TestClient, visibility: 'public' | 'members', item = 0) =>
      (
        await client.request({
          method: 'POST',
          url: `/api/v1/forum/meetings/${meeting.id}/positions`,
          payload: { agendaItemId: meeting.agenda[item]!.id, text: 'Our paper is attached.', visibility },
        })
      ).json() as Meeting;
    const publicId = (await submit(cso, 'public')).agenda[0]!.positions.at(-1)!.id;
    const membersId = (await submit(state, 'members', 1)).agenda[1]!.positions.at(-1)!.id;
    const attach = (client: TestClient, positionId: string, bytes: Buffer, type: string, name: string) =>
      client.request({
        method: 'POST',
        url: `/api/v1/forum/meetings/${meeting.id}/positions/${positionId}/attachments?name=${encodeURIComponent(name)}`,
        headers: { 'content-type': type },
        payload: bytes,
      });
    const photo = jpegWithGps();
    const image = await attach(cso, publicId, photo, 'image/jpeg', '../../IMG_2041.jpg');
    expect(image.statusCode).toBe(201);
    expect(image.json()).toMatchObject({ fileName: 'IMG_2041.jpg', mediaType: 'image/jpeg' });
    const paper = Buffer.from('%PDF-1.7\n1 0 obj << /Title (Documents after return) >>\n%%EOF');
    expect((await attach(state, membersId, paper, 'application/pdf', 'paper.pdf')).statusCode).toBe(201);

    // The public reads the public position's file, its location gone; the members-only paper is not found.
    const shown = (await env.app.inject({ method: 'GET', url: `/api/v1/public/forum/meetings/${meeting.id}` })).json();
    const [file] = shown.agenda[0].positions.at(-1).attachments;
    const download = await env.app.inject({ method: 'GET', url: file.href });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.rawPayload.length).toBeLessThan(photo.length);
    expect(download.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    const membersFile = (await cso.request({ method: 'GET', url: `/api/v1/forum/meetings/${meeting.id}` })).json()
      .agenda[1].positions[0].attachments[0];
    expect((await cso.request({ method: 'GET', url: membersFile.href })).rawPayload.equals(paper)).toBe(true);
    const hidden = membersFile.href.replace('/api/v1/forum/', '/api/v1/public/forum/');
    expect((await env.app.inject({ method: 'GET', url: hidden })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'GET', url: membersFile.href })).statusCode).toBe(404);

    // Another organisation's position, a file of another type, an empty one: refused, nothing stored.
    const [before] = await env.database.db.select({ n: count() }).from(forumAttachments);
    const notYours = await attach(state, publicId, paper, 'application/pdf', 'x.pdf');
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json()).toMatchObject({ reason: 'forum_not_your_position' });
    expect((await attach(cso, publicId, Buffer.from('GIF89a\u0001\u0000'), 'image/gif', 'a.gif')).statusCode).toBe(415);
    expect((await attach(cso, publicId, Buffer.alloc(0), 'application/pdf', 'empty.pdf')).statusCode).toBe(400);
    expect((await attach(cso, publicId, paper, 'text/html', 'a.html')).statusCode).toBe(415);
    const [after] = await env.database.db.select({ n: count() }).from(forumAttachments);
    expect(after!.n).toBe(before!.n);
  });
});
