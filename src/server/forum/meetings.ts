import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { MeetingStatus } from '../../shared/forum/constants.ts';
import type {
  AgendaItem,
  Body,
  BodyRequest,
  DecisionRequest,
  HeldRequest,
  Meeting,
  MeetingList,
  MeetingRequest,
  MeetingSummary,
  PositionRequest,
  TreatmentRequest,
} from '../../shared/forum/schemas/meetings.ts';
import { organisationsByIds } from '../platform/accounts/directory.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { attachmentsOf } from './attachments.ts';
import { addDays, auditActorOf, dayOf, notYours, refused, requireOrganisations } from './support.ts';
import {
  forumAgendaItems,
  forumBodies,
  forumBodyMembers,
  forumDecisions,
  forumMeetings,
  forumMinutesApprovals,
  forumParticipants,
  forumPositions,
} from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Meetings of the mechanism: its bodies and their members, each meeting's agenda, the positions organisations
 * submit before it, who took part (civil-society seats counted), the chair's account of how the positions were
 * taken into account on each item, the decisions, and the minutes approved by every member organisation.
 * The body's chair organisation runs its meetings; members approve the minutes; any member or invited
 * participant may submit a position until the positions' due date.
 */

type Tx = Database;

// ---------------------------------------------------------------------------------------------------- bodies

export async function createBody(ctx: RequestContext, input: BodyRequest, now = new Date()): Promise<Body> {
  const actor = authorize(ctx, 'meeting:manage');
  return inTransaction(ctx.db, (tx) => writeBody(tx, actor, input, now));
}

/** Creates a body chaired by the actor's organisation (the demo writes through here too). */
export async function writeBody(tx: Tx, actor: Actor, input: BodyRequest, now: Date): Promise<Body> {
  await requireOrganisations(
    tx,
    input.members.map((member, i) => ({ field: `body.members.${i}.organisationId`, id: member.organisationId })),
  );
  if (new Set(input.members.map((member) => member.organisationId)).size !== input.members.length) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.members', code: 'duplicate', message: 'an organisation is listed twice' }],
    });
  }
  const [taken] = await tx.select({ id: forumBodies.id }).from(forumBodies).where(eq(forumBodies.code, input.code));
  if (taken) throw refused('forum_body_code_taken', { code: input.code });
  const [body] = await tx
    .insert(forumBodies)
    .values({
      code: input.code,
      kind: input.kind,
      name: input.name,
      stateCodes: input.stateCodes,
      chairOrganisationId: actor.organisationId,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning();
  const members = input.members.some((member) => member.organisationId === actor.organisationId)
    ? input.members
    : [...input.members, { organisationId: actor.organisationId, seat: 'monitoring_centre' as const }];
  await tx.insert(forumBodyMembers).values(members.map((member) => ({ bodyId: body!.id, ...member })));
  await appendAudit(tx, {
    type: 'forum.body_created',
    actor: auditActorOf(actor),
    subject: `forum-body:${body!.id}`,
    details: { bodyId: body!.id, bodyCode: body!.code, kind: input.kind, members: members.length },
  });
  return (await bodiesView(tx, [body!.id]))[0]!;
}

export async function listBodies(ctx: RequestContext): Promise<{ items: Body[] }> {
  authorize(ctx, 'forum:read');
  const rows = await ctx.db.select({ id: forumBodies.id }).from(forumBodies).orderBy(asc(forumBodies.name));
  return {
    items: await bodiesView(
      ctx.db,
      rows.map((row) => row.id),
    ),
  };
}

async function bodiesView(db: Database, ids: string[]): Promise<Body[]> {
  if (ids.length === 0) return [];
  const bodies = await db.select().from(forumBodies).where(inArray(forumBodies.id, ids));
  const members = await db.select().from(forumBodyMembers).where(inArray(forumBodyMembers.bodyId, ids));
  const names = await organisationsByIds(db, [
    ...bodies.map((body) => body.chairOrganisationId),
    ...members.map((member) => member.organisationId),
  ]);
  const nameOf = (id: string) => names.get(id)?.name ?? '';
  const byId = new Map(bodies.map((body) => [body.id, body]));
  return ids.flatMap((id) => {
    const body = byId.get(id);
    if (!body) return [];
    return [
      {
        id: body.id,
        code: body.code,
        kind: body.kind as Body['kind'],
        name: body.name,
        stateCodes: body.stateCodes,
        chair: { id: body.chairOrganisationId, name: nameOf(body.chairOrganisationId) },
        members: members
          .filter((member) => member.bodyId === id)
          .map((member) => ({
            organisationId: member.organisationId,
            name: nameOf(member.organisationId),
            seat: member.seat as Body['members'][number]['seat'],
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      },
    ];
  });
}

// -------------------------------------------------------------------------------------------------- meetings

export async function scheduleMeeting(ctx: RequestContext, input: MeetingRequest, now = new Date()): Promise<Meeting> {
  const actor = authorize(ctx, 'meeting:manage');
  const id = await inTransaction(ctx.db, (tx) => writeMeeting(tx, actor, input, now));
  return meetingView(ctx.db, id, actor.organisationId);
}

/** Schedules a meeting of a body the actor's organisation chairs; answers its id. */
export async function writeMeeting(tx: Tx, actor: Actor, input: MeetingRequest, now: Date): Promise<string> {
  const [body] = await tx.select().from(forumBodies).where(eq(forumBodies.id, input.bodyId));
  if (!body) throw notFound('body');
  if (body.chairOrganisationId !== actor.organisationId) throw notYours('forum_not_chair');
  const positionsDueOn = input.positionsDueOn ?? addDays(input.heldOn, -1);
  if (positionsDueOn > input.heldOn) {
    throw new AppError('validation_failed', {
      errors: [
        { field: 'body.positionsDueOn', code: 'after_meeting', message: 'positions are due before the meeting' },
      ],
    });
  }
  const [meeting] = await tx
    .insert(forumMeetings)
    .values({
      bodyId: body.id,
      title: input.title,
      heldOn: input.heldOn,
      channel: input.channel,
      place: input.place ?? null,
      status: 'planned',
      positionsDueOn,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: forumMeetings.id });
  await tx.insert(forumAgendaItems).values(
    input.agenda.map((item, i) => ({
      meetingId: meeting!.id,
      position: i + 1,
      title: item.title,
      frameworkVersion: item.frameworkVersion ?? null,
    })),
  );
  // Every member of the body is invited; recording the meeting as held says who attended.
  const members = await tx.select().from(forumBodyMembers).where(eq(forumBodyMembers.bodyId, body.id));
  await tx
    .insert(forumParticipants)
    .values(
      members.map((member) => ({ meetingId: meeting!.id, organisationId: member.organisationId, seat: member.seat })),
    );
  await appendAudit(tx, {
    type: 'forum.meeting_scheduled',
    actor: auditActorOf(actor),
    subject: `forum-meeting:${meeting!.id}`,
    details: {
      meetingId: meeting!.id,
      bodyCode: body.code,
      heldOn: input.heldOn,
      channel: input.channel,
      agendaItems: input.agenda.length,
    },
  });
  return meeting!.id;
}

/** The meeting, its body, and whether the actor's organisation chairs it; refuses another organisation's work. */
async function meetingForUpdate(tx: Tx, meetingId: string) {
  const [meeting] = await tx.select().from(forumMeetings).where(eq(forumMeetings.id, meetingId)).for('update');
  if (!meeting) throw notFound('meeting');
  const [body] = await tx.select().from(forumBodies).where(eq(forumBodies.id, meeting.bodyId));
  return { meeting, body: body! };
}

async function chairedMeeting(tx: Tx, actor: Actor, meetingId: string) {
  const found = await meetingForUpdate(tx, meetingId);
  if (found.body.chairOrganisationId !== actor.organisationId) throw notYours('forum_not_chair');
  return found;
}

async function isMember(db: Database, bodyId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ bodyId: forumBodyMembers.bodyId })
    .from(forumBodyMembers)
    .where(and(eq(forumBodyMembers.bodyId, bodyId), eq(forumBodyMembers.organisationId, organisationId)));
  return row !== undefined;
}

// ------------------------------------------------------------------------------------------------- positions

export async function submitPosition(
  ctx: RequestContext,
  meetingId: string,
  input: PositionRequest,
  now = new Date(),
): Promise<Meeting> {
  const actor = authorize(ctx, 'position:submit');
  await inTransaction(ctx.db, (tx) => writePosition(tx, actor, meetingId, input, now));
  return meetingView(ctx.db, meetingId, actor.organisationId);
}

/**
 * A position of the actor's organisation on one of the meeting's agenda items, until the positions' due date.
 * Only organisations at the table (the body's members and the meeting's participants) may submit one.
 */
export async function writePosition(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  input: PositionRequest,
  now: Date,
): Promise<string> {
  const { meeting, body } = await meetingForUpdate(tx, meetingId);
  const [item] = await tx
    .select()
    .from(forumAgendaItems)
    .where(and(eq(forumAgendaItems.id, input.agendaItemId), eq(forumAgendaItems.meetingId, meetingId)));
  if (!item) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.agendaItemId', code: 'unknown', message: 'not an item of this meeting’s agenda' }],
    });
  }
  const [participant] = await tx
    .select()
    .from(forumParticipants)
    .where(and(eq(forumParticipants.meetingId, meetingId), eq(forumParticipants.organisationId, actor.organisationId)));
  if (!participant && !(await isMember(tx, body.id, actor.organisationId))) throw notYours('forum_not_at_table');
  if (dayOf(now) > meeting.positionsDueOn) throw refused('forum_positions_closed', { dueOn: meeting.positionsDueOn });
  const [position] = await tx
    .insert(forumPositions)
    .values({
      meetingId,
      agendaItemId: item.id,
      organisationId: actor.organisationId,
      text: input.text,
      visibility: input.visibility,
      evidence: input.evidence,
      submittedBy: actor.userId,
      submittedAt: now,
    })
    .returning({ id: forumPositions.id });
  await appendAudit(tx, {
    type: 'forum.position_submitted',
    actor: auditActorOf(actor),
    subject: `forum-position:${position!.id}`,
    details: {
      meetingId,
      bodyCode: body.code,
      positionId: position!.id,
      agendaItemId: item.id,
      organisationId: actor.organisationId,
      visibility: input.visibility,
      evidence: input.evidence.length,
      attachments: 0,
    },
  });
  return position!.id;
}

// ------------------------------------------------------------------------------ held, treatment, decisions

export async function recordHeld(
  ctx: RequestContext,
  meetingId: string,
  input: HeldRequest,
  now = new Date(),
): Promise<Meeting> {
  const actor = authorize(ctx, 'meeting:manage');
  await inTransaction(ctx.db, (tx) => writeHeld(tx, actor, meetingId, input, now));
  return meetingView(ctx.db, meetingId, actor.organisationId);
}

/** Records who took part (and who attended) and the minutes; the minutes then wait for the members' approval. */
export async function writeHeld(tx: Tx, actor: Actor, meetingId: string, input: HeldRequest, now: Date): Promise<void> {
  const { meeting, body } = await chairedMeeting(tx, actor, meetingId);
  if (meeting.status === 'minutes_approved') throw refused('forum_minutes_approved');
  if (meeting.heldOn > dayOf(now)) throw refused('forum_meeting_not_yet', { heldOn: meeting.heldOn });
  await requireOrganisations(
    tx,
    input.participants.map((p, i) => ({ field: `body.participants.${i}.organisationId`, id: p.organisationId })),
  );
  if (new Set(input.participants.map((p) => p.organisationId)).size !== input.participants.length) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.participants', code: 'duplicate', message: 'an organisation is listed twice' }],
    });
  }
  await tx.delete(forumParticipants).where(eq(forumParticipants.meetingId, meetingId));
  await tx.insert(forumParticipants).values(input.participants.map((p) => ({ meetingId, ...p })));
  // Minutes changed after some members approved them must be approved again.
  await tx.delete(forumMinutesApprovals).where(eq(forumMinutesApprovals.meetingId, meetingId));
  await tx
    .update(forumMeetings)
    .set({ status: 'held', minutes: input.minutes, minutesRecordedAt: now, minutesApprovedAt: null })
    .where(eq(forumMeetings.id, meetingId));
  await appendAudit(tx, {
    type: 'forum.meeting_held',
    actor: auditActorOf(actor),
    subject: `forum-meeting:${meetingId}`,
    details: {
      meetingId,
      bodyCode: body.code,
      heldOn: meeting.heldOn,
      participants: input.participants.length,
      attended: input.participants.filter((p) => p.attended).length,
      civilSocietySeats: input.participants.filter((p) => p.seat === 'civil_society').length,
    },
  });
}

export async function treatAgendaItem(
  ctx: RequestContext,
  meetingId: string,
  itemId: string,
  input: TreatmentRequest,
  now = new Date(),
): Promise<Meeting> {
  const actor = authorize(ctx, 'meeting:manage');
  await inTransaction(ctx.db, (tx) => writeTreatment(tx, actor, meetingId, itemId, input, now));
  return meetingView(ctx.db, meetingId, actor.organisationId);
}

/** The chair's account of how the item's positions were taken into account, with each position's treatment. */
export async function writeTreatment(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  itemId: string,
  input: TreatmentRequest,
  now: Date,
): Promise<void> {
  const { body } = await chairedMeeting(tx, actor, meetingId);
  const [item] = await tx
    .select()
    .from(forumAgendaItems)
    .where(and(eq(forumAgendaItems.id, itemId), eq(forumAgendaItems.meetingId, meetingId)));
  if (!item) throw notFound('agenda item');
  const positions = await tx.select().from(forumPositions).where(eq(forumPositions.agendaItemId, itemId));
  const ids = new Set(positions.map((position) => position.id));
  const errors = input.positions.flatMap((given, i) =>
    ids.has(given.positionId)
      ? []
      : [{ field: `body.positions.${i}.positionId`, code: 'unknown', message: 'not a position on this agenda item' }],
  );
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  const untreated = positions.filter(
    (position) => !input.positions.some((given) => given.positionId === position.id) && position.treatment === null,
  );
  if (untreated.length > 0) throw refused('forum_positions_untreated', { count: untreated.length });
  await tx
    .update(forumAgendaItems)
    .set({ treatment: input.treatment, treatedAt: now, treatedBy: actor.userId })
    .where(eq(forumAgendaItems.id, itemId));
  for (const given of input.positions) {
    await tx.update(forumPositions).set({ treatment: given.treatment }).where(eq(forumPositions.id, given.positionId));
  }
  await appendAudit(tx, {
    type: 'forum.agenda_item_treated',
    actor: auditActorOf(actor),
    subject: `forum-meeting:${meetingId}`,
    details: { meetingId, bodyCode: body.code, agendaItemId: itemId, positions: positions.length },
  });
}

export async function recordDecision(
  ctx: RequestContext,
  meetingId: string,
  input: DecisionRequest,
  now = new Date(),
): Promise<Meeting> {
  const actor = authorize(ctx, 'meeting:manage');
  await inTransaction(ctx.db, (tx) => writeDecision(tx, actor, meetingId, input, now));
  return meetingView(ctx.db, meetingId, actor.organisationId);
}

/** A decision of a held meeting, on one of its items or on the whole meeting; answers its id. */
export async function writeDecision(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  input: DecisionRequest,
  now: Date,
): Promise<string> {
  const { meeting, body } = await chairedMeeting(tx, actor, meetingId);
  if (meeting.status === 'planned') throw refused('forum_meeting_not_held');
  if (input.agendaItemId) {
    const [item] = await tx
      .select({ id: forumAgendaItems.id })
      .from(forumAgendaItems)
      .where(and(eq(forumAgendaItems.id, input.agendaItemId), eq(forumAgendaItems.meetingId, meetingId)));
    if (!item) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'body.agendaItemId', code: 'unknown', message: 'not an item of this meeting’s agenda' }],
      });
    }
  }
  const [decision] = await tx
    .insert(forumDecisions)
    .values({
      meetingId,
      agendaItemId: input.agendaItemId ?? null,
      text: input.text,
      decidedOn: meeting.heldOn,
      recordedBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: forumDecisions.id });
  await appendAudit(tx, {
    type: 'forum.decision_recorded',
    actor: auditActorOf(actor),
    subject: `forum-decision:${decision!.id}`,
    details: {
      meetingId,
      bodyCode: body.code,
      decisionId: decision!.id,
      agendaItemId: input.agendaItemId ?? null,
      decidedOn: meeting.heldOn,
    },
  });
  return decision!.id;
}

// --------------------------------------------------------------------------------------------------- minutes

export async function approveMinutes(ctx: RequestContext, meetingId: string, now = new Date()): Promise<Meeting> {
  const actor = authorize(ctx, 'minutes:approve');
  await inTransaction(ctx.db, (tx) => writeApproval(tx, actor, meetingId, now));
  return meetingView(ctx.db, meetingId, actor.organisationId);
}

/**
 * The actor's organisation approves the minutes; only a member of the body may. Once every member organisation
 * has approved, the minutes are approved (and public). Approving twice changes nothing.
 */
export async function writeApproval(tx: Tx, actor: Actor, meetingId: string, now: Date): Promise<void> {
  const { meeting, body } = await meetingForUpdate(tx, meetingId);
  if (!(await isMember(tx, body.id, actor.organisationId))) throw notYours('forum_minutes_non_member');
  if (meeting.minutes === null) throw refused('forum_minutes_missing');
  if (meeting.status === 'minutes_approved') return;
  const inserted = await tx
    .insert(forumMinutesApprovals)
    .values({ meetingId, organisationId: actor.organisationId, approvedBy: actor.userId, approvedAt: now })
    .onConflictDoNothing()
    .returning({ meetingId: forumMinutesApprovals.meetingId });
  if (inserted.length === 0) return;
  const [counts] = await tx
    .select({
      members: sql<number>`(select count(*)::int from ${forumBodyMembers} where ${forumBodyMembers.bodyId} = ${body.id})`,
      approvals: sql<number>`(select count(*)::int from ${forumMinutesApprovals} a
        join ${forumBodyMembers} m on m.organisation_id = a.organisation_id and m.body_id = ${body.id}
        where a.meeting_id = ${meetingId})`,
    })
    .from(forumBodies)
    .where(eq(forumBodies.id, body.id));
  const approved = counts!.approvals >= counts!.members;
  if (approved) {
    await tx
      .update(forumMeetings)
      .set({ status: 'minutes_approved' satisfies MeetingStatus, minutesApprovedAt: now })
      .where(eq(forumMeetings.id, meetingId));
  }
  await appendAudit(tx, {
    type: 'forum.minutes_approved',
    actor: auditActorOf(actor),
    subject: `forum-meeting:${meetingId}`,
    details: {
      meetingId,
      bodyCode: body.code,
      organisationId: actor.organisationId,
      approvals: counts!.approvals,
      members: counts!.members,
      approved,
    },
  });
}

// ----------------------------------------------------------------------------------------------------- reads

export async function listMeetings(
  ctx: RequestContext,
  query: { bodyId?: string | undefined; status?: MeetingStatus | undefined },
): Promise<MeetingList> {
  authorize(ctx, 'forum:read');
  return { items: await meetingSummaries(ctx.db, query) };
}

export async function getMeeting(ctx: RequestContext, meetingId: string): Promise<Meeting> {
  const actor = authorize(ctx, 'forum:read');
  return meetingView(ctx.db, meetingId, actor.organisationId);
}

/** The public's meetings: every meeting, newest first (what is public of each is the same as for anyone). */
export async function publicMeetings(db: Database): Promise<MeetingList> {
  return { items: await meetingSummaries(db, {}) };
}

/** A meeting as the public sees it: public positions only (members-only ones counted), minutes once approved. */
export async function publicMeeting(db: Database, meetingId: string): Promise<Meeting> {
  const meeting = await meetingView(db, meetingId, null);
  return meeting.status === 'minutes_approved' ? meeting : { ...meeting, minutes: null };
}

async function meetingSummaries(
  db: Database,
  query: { bodyId?: string | undefined; status?: MeetingStatus | undefined },
): Promise<MeetingSummary[]> {
  const conditions = [
    query.bodyId ? eq(forumMeetings.bodyId, query.bodyId) : undefined,
    query.status ? eq(forumMeetings.status, query.status) : undefined,
  ].filter((condition) => condition !== undefined);
  const rows = await db
    .select({
      meeting: forumMeetings,
      body: { id: forumBodies.id, code: forumBodies.code, kind: forumBodies.kind, name: forumBodies.name },
      participants: sql<number>`(select count(*)::int from ${forumParticipants} p where p.meeting_id = ${forumMeetings.id})`,
      civilSociety: sql<number>`(select count(*)::int from ${forumParticipants} p where p.meeting_id = ${forumMeetings.id} and p.seat = 'civil_society')`,
      decisions: sql<number>`(select count(*)::int from ${forumDecisions} d where d.meeting_id = ${forumMeetings.id})`,
    })
    .from(forumMeetings)
    .innerJoin(forumBodies, eq(forumBodies.id, forumMeetings.bodyId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(forumMeetings.heldOn), desc(forumMeetings.id))
    .limit(500);
  return rows.map(({ meeting, body, participants, civilSociety, decisions }) => ({
    id: meeting.id,
    body: { ...body, kind: body.kind as MeetingSummary['body']['kind'] },
    title: meeting.title,
    heldOn: meeting.heldOn,
    channel: meeting.channel as MeetingSummary['channel'],
    place: meeting.place,
    status: meeting.status as MeetingStatus,
    positionsDueOn: meeting.positionsDueOn,
    participants,
    civilSocietySeats: civilSociety,
    decisions,
  }));
}

/**
 * The meeting page's view. Members-only positions are shown to the body's member organisations only (`viewer` is
 * the reader's organisation, null for the public); everyone else gets their count on each item.
 */
export async function meetingView(db: Database, meetingId: string, viewer: string | null): Promise<Meeting> {
  const [summary] = await meetingSummaries(db, {}).then((all) => all.filter((row) => row.id === meetingId));
  const [meeting] = await db.select().from(forumMeetings).where(eq(forumMeetings.id, meetingId));
  if (!meeting || !summary) throw notFound('meeting');
  const member = viewer !== null && (await isMember(db, meeting.bodyId, viewer));
  const items = await db
    .select()
    .from(forumAgendaItems)
    .where(eq(forumAgendaItems.meetingId, meetingId))
    .orderBy(asc(forumAgendaItems.position));
  const positions = await db
    .select()
    .from(forumPositions)
    .where(eq(forumPositions.meetingId, meetingId))
    .orderBy(asc(forumPositions.submittedAt));
  const participants = await db.select().from(forumParticipants).where(eq(forumParticipants.meetingId, meetingId));
  const approvals = await db.select().from(forumMinutesApprovals).where(eq(forumMinutesApprovals.meetingId, meetingId));
  const members = await db.select().from(forumBodyMembers).where(eq(forumBodyMembers.bodyId, meeting.bodyId));
  const decisions = await db
    .select()
    .from(forumDecisions)
    .where(eq(forumDecisions.meetingId, meetingId))
    .orderBy(asc(forumDecisions.createdAt));
  const names = await organisationsByIds(db, [
    ...positions.map((p) => p.organisationId),
    ...participants.map((p) => p.organisationId),
    ...members.map((m) => m.organisationId),
  ]);
  const organisation = (id: string) => ({ id, name: names.get(id)?.name ?? '' });
  const seen = (position: (typeof positions)[number]) =>
    position.visibility === 'public' || member || position.organisationId === viewer;
  const files = await attachmentsOf(
    db,
    meetingId,
    positions.filter(seen).map((position) => position.id),
    viewer === null ? 'public' : 'staff',
  );
  const agenda: AgendaItem[] = items.map((item) => {
    const onItem = positions.filter((position) => position.agendaItemId === item.id);
    const heard = [...new Set(onItem.map((position) => position.organisationId))].map(organisation);
    return {
      id: item.id,
      position: item.position,
      title: item.title,
      frameworkVersion: item.frameworkVersion,
      treatment: item.treatment,
      heard,
      positions: onItem.filter(seen).map((position) => ({
        id: position.id,
        agendaItemId: position.agendaItemId,
        organisation: organisation(position.organisationId),
        text: position.text,
        visibility: position.visibility as 'public' | 'members',
        evidence: position.evidence,
        attachments: files.get(position.id) ?? [],
        treatment: position.treatment as AgendaItem['positions'][number]['treatment'],
        submittedAt: position.submittedAt.toISOString(),
      })),
      membersOnly: onItem.filter((position) => !seen(position)).length,
    };
  });
  const approvedBy = new Set(approvals.map((approval) => approval.organisationId));
  return {
    ...summary,
    agenda,
    participantList: participants
      .map((p) => ({
        organisation: organisation(p.organisationId),
        seat: p.seat as Meeting['participantList'][number]['seat'],
        attended: p.attended,
      }))
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name)),
    minutes: meeting.minutes,
    approvals: approvals.map((approval) => ({
      organisation: organisation(approval.organisationId),
      approvedAt: approval.approvedAt.toISOString(),
    })),
    awaitingApproval:
      meeting.minutes === null
        ? []
        : members.filter((m) => !approvedBy.has(m.organisationId)).map((m) => organisation(m.organisationId)),
    decisionList: decisions.map((decision) => ({
      id: decision.id,
      agendaItemId: decision.agendaItemId,
      text: decision.text,
      decidedOn: decision.decidedOn,
    })),
  };
}
