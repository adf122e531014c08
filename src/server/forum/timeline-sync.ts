import { eq, inArray, sql } from 'drizzle-orm';
import type { TimelineKind } from '../../shared/forum/constants.ts';
import { organisationsByIds } from '../platform/accounts/directory.ts';
import { entriesAfter, type LoggedEntry, latestSeq } from '../platform/audit/entries.ts';
import { inTransaction } from '../platform/audit/head.ts';
import type { Database } from '../platform/db/client.ts';
import { classChangesOf } from '../zones/published-classes.ts';
import {
  forumBodies,
  forumCommitments,
  forumConsultations,
  forumDecisions,
  forumFlags,
  forumMeetings,
  forumTimeline,
  forumTimelineCursor,
} from './tables.ts';

/**
 * The public timeline is a projection of the transparency log: each decision-like entry of the log (a framework
 * published, a month of zone classes published, an agreement signed, a meeting held and its decisions, a
 * commitment made, kept or broken, a consultation opened and concluded, a flag made public and its answer) becomes
 * a row of forum_timeline that keeps the entry's sequence number, so that every timeline entry links to the log.
 * Its date is the event's own (the meeting's day, the commitment's closing day), not when it was logged.
 */
export const TIMELINE_EVENT_TYPES = [
  'zones.framework_published',
  'zones.period_published',
  'agreement.created',
  'forum.meeting_held',
  'forum.decision_recorded',
  'forum.commitment_made',
  'forum.commitment_closed',
  'forum.consultation_opened',
  'forum.consultation_concluded',
  'forum.flag_screened',
] as const;

type Row = typeof forumTimeline.$inferInsert;
const BATCH = 2000;
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * Projects the log entries written since the last run; answers how many timeline rows it added. The cursor row is
 * locked, so runs at the same time wait for each other and never add an entry twice.
 */
export async function syncTimeline(db: Database): Promise<number> {
  const [cursor] = await db.select().from(forumTimelineCursor).where(eq(forumTimelineCursor.id, 1));
  if (cursor && cursor.lastSeq >= (await latestSeq(db))) return 0;
  let added = 0;
  for (;;) {
    const step = await inTransaction(db, async (tx) => {
      await tx.insert(forumTimelineCursor).values({ id: 1, lastSeq: 0 }).onConflictDoNothing();
      const [cursor] = await tx.select().from(forumTimelineCursor).where(eq(forumTimelineCursor.id, 1)).for('update');
      // Appends hold the log's head until they commit, so entries become visible in sequence order: once this
      // batch is short, everything up to the head read first has been seen, whatever its type.
      const head = await latestSeq(tx);
      const entries = await entriesAfter(tx, cursor!.lastSeq, TIMELINE_EVENT_TYPES, BATCH);
      const more = entries.length === BATCH;
      const rows = entries.length === 0 ? [] : await project(tx, entries);
      if (rows.length > 0) await tx.insert(forumTimeline).values(rows);
      const lastSeq = more ? entries.at(-1)!.seq : Math.max(head, entries.at(-1)?.seq ?? 0, cursor!.lastSeq);
      if (lastSeq !== cursor!.lastSeq) {
        await tx
          .update(forumTimelineCursor)
          .set({ lastSeq, updatedAt: new Date() })
          .where(eq(forumTimelineCursor.id, 1));
      }
      return { rows: rows.length, more };
    });
    added += step.rows;
    if (!step.more) return added;
  }
}

const idsOf = (entries: LoggedEntry[], type: string, key: string) =>
  entries.filter((entry) => entry.eventType === type).map((entry) => String(entry.details[key]));

/** The timeline rows of a batch of log entries (the records they name read in one query per kind). */
async function project(db: Database, entries: LoggedEntry[]): Promise<Row[]> {
  const meetingIds = [...idsOf(entries, 'forum.meeting_held', 'meetingId')];
  const decisionIds = idsOf(entries, 'forum.decision_recorded', 'decisionId');
  const commitmentIds = [
    ...idsOf(entries, 'forum.commitment_made', 'commitmentId'),
    ...idsOf(entries, 'forum.commitment_closed', 'commitmentId'),
  ];
  const consultationIds = [
    ...idsOf(entries, 'forum.consultation_opened', 'consultationId'),
    ...idsOf(entries, 'forum.consultation_concluded', 'consultationId'),
  ];
  const flagIds = idsOf(entries, 'forum.flag_screened', 'flagId');
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const meetings = byId(
    meetingIds.length === 0
      ? []
      : await db
          .select({
            id: forumMeetings.id,
            title: forumMeetings.title,
            heldOn: forumMeetings.heldOn,
            bodyCode: forumBodies.code,
            bodyName: forumBodies.name,
            states: forumBodies.stateCodes,
          })
          .from(forumMeetings)
          .innerJoin(forumBodies, eq(forumBodies.id, forumMeetings.bodyId))
          .where(inArray(forumMeetings.id, meetingIds)),
  );
  const decisions = byId(
    decisionIds.length === 0
      ? []
      : await db
          .select({
            id: forumDecisions.id,
            text: forumDecisions.text,
            decidedOn: forumDecisions.decidedOn,
            meetingId: forumDecisions.meetingId,
            bodyCode: forumBodies.code,
            bodyName: forumBodies.name,
            states: forumBodies.stateCodes,
          })
          .from(forumDecisions)
          .innerJoin(forumMeetings, eq(forumMeetings.id, forumDecisions.meetingId))
          .innerJoin(forumBodies, eq(forumBodies.id, forumMeetings.bodyId))
          .where(inArray(forumDecisions.id, decisionIds)),
  );
  const commitments = byId(
    commitmentIds.length === 0
      ? []
      : await db
          .select({
            id: forumCommitments.id,
            text: forumCommitments.text,
            owner: forumCommitments.ownerOrganisationId,
            stateCode: forumCommitments.stateCode,
            pcode: forumCommitments.pcode,
            createdAt: forumCommitments.createdAt,
            closedOn: forumCommitments.closedOn,
            dueOn: forumCommitments.dueOn,
            bodyCode: sql<
              string | null
            >`(select b.code from ${forumMeetings} m join ${forumBodies} b on b.id = m.body_id where m.id = ${forumCommitments.meetingId})`,
          })
          .from(forumCommitments)
          .where(inArray(forumCommitments.id, commitmentIds)),
  );
  const consultations = byId(
    consultationIds.length === 0
      ? []
      : await db.select().from(forumConsultations).where(inArray(forumConsultations.id, consultationIds)),
  );
  const flags = byId(
    flagIds.length === 0 ? [] : await db.select().from(forumFlags).where(inArray(forumFlags.id, flagIds)),
  );
  const names = await organisationsByIds(db, [
    ...[...commitments.values()].map((c) => c.owner),
    ...[...flags.values()].flatMap((f) => [f.raisedByOrganisationId, f.responsibleOrganisationId]),
    ...idsOf(entries, 'agreement.created', 'fromOrganisationId'),
    ...idsOf(entries, 'agreement.created', 'toOrganisationId'),
  ]);
  const nameOf = (id: string) => names.get(id)?.name ?? '';

  const rows: Row[] = [];
  const add = (entry: LoggedEntry, kind: TimelineKind, row: Omit<Row, 'kind' | 'auditSeq'>) =>
    rows.push({ kind, auditSeq: entry.seq, ...row });
  for (const entry of entries) {
    const d = entry.details;
    switch (entry.eventType) {
      case 'zones.framework_published':
        add(entry, 'framework_version', {
          occurredAt: entry.recordedAt,
          action: 'published',
          subjectRef: String(d.version),
          params: { version: Number(d.version) },
        });
        break;
      case 'zones.period_published':
        add(entry, 'zone_publication', {
          occurredAt: entry.recordedAt,
          action: 'published',
          subjectRef: String(d.period),
          params: { period: String(d.period), zones: Number(d.zones), frameworkVersion: Number(d.frameworkVersion) },
        });
        for (const change of await classChangesOf(
          db,
          String(d.publicationId),
          d.replaces ? String(d.replaces) : null,
        )) {
          add(entry, 'zone_class_change', {
            occurredAt: entry.recordedAt,
            action: 'changed',
            stateCode: change.stateCode,
            pcode: change.pcode,
            subjectRef: change.pcode,
            params: {
              pcode: change.pcode,
              name: change.name,
              period: String(d.period),
              from: change.previous,
              to: change.class,
            },
          });
        }
        break;
      case 'agreement.created':
        add(entry, 'agreement_signed', {
          occurredAt: entry.recordedAt,
          action: 'signed',
          subjectRef: String(d.agreementId),
          params: {
            from: nameOf(String(d.fromOrganisationId)),
            to: nameOf(String(d.toOrganisationId)),
            purpose: String(d.purpose),
          },
        });
        break;
      case 'forum.meeting_held': {
        const meeting = meetings.get(String(d.meetingId));
        if (!meeting) break;
        add(entry, 'meeting', {
          occurredAt: noon(meeting.heldOn),
          action: 'held',
          bodyCode: meeting.bodyCode,
          stateCode: meeting.states[0] ?? null,
          subjectRef: meeting.id,
          params: { title: meeting.title, body: meeting.bodyName, civilSocietySeats: Number(d.civilSocietySeats) },
        });
        break;
      }
      case 'forum.decision_recorded': {
        const decision = decisions.get(String(d.decisionId));
        if (!decision) break;
        add(entry, 'decision', {
          occurredAt: noon(decision.decidedOn),
          action: 'decided',
          bodyCode: decision.bodyCode,
          stateCode: decision.states[0] ?? null,
          subjectRef: decision.meetingId,
          params: { text: decision.text, body: decision.bodyName },
        });
        break;
      }
      case 'forum.commitment_made':
      case 'forum.commitment_closed': {
        const commitment = commitments.get(String(d.commitmentId));
        if (!commitment) break;
        const closed = entry.eventType === 'forum.commitment_closed';
        add(entry, 'commitment', {
          occurredAt: closed ? noon(String(d.closedOn)) : commitment.createdAt,
          action: closed ? String(d.status) : 'made',
          bodyCode: commitment.bodyCode,
          stateCode: commitment.stateCode,
          pcode: commitment.pcode,
          subjectRef: commitment.id,
          params: { text: commitment.text, owner: nameOf(commitment.owner), dueOn: commitment.dueOn },
        });
        break;
      }
      case 'forum.consultation_opened':
      case 'forum.consultation_concluded': {
        const consultation = consultations.get(String(d.consultationId));
        if (!consultation) break;
        const concluded = entry.eventType === 'forum.consultation_concluded';
        add(entry, 'consultation', {
          occurredAt: concluded ? (consultation.concludedAt ?? entry.recordedAt) : consultation.opensAt,
          action: concluded ? 'concluded' : 'opened',
          subjectRef: consultation.id,
          params: {
            title: consultation.title,
            frameworkVersion: consultation.frameworkVersion,
            comments: concluded ? Number(d.comments) : null,
          },
        });
        break;
      }
      case 'forum.flag_screened': {
        const flag = flags.get(String(d.flagId));
        if (!flag || d.screening !== 'cleared') break;
        const answer = d.part === 'answer';
        if (answer && !flag.answeredAt) break;
        add(entry, 'flag', {
          occurredAt: answer ? flag.answeredAt! : flag.createdAt,
          action: answer ? 'answered' : 'raised',
          stateCode: flag.stateCode,
          pcode: flag.pcode,
          subjectRef: flag.id,
          params: {
            subjectKind: flag.subjectKind,
            subject: flag.subjectRef,
            raisedBy: nameOf(flag.raisedByOrganisationId),
            responsible: nameOf(flag.responsibleOrganisationId),
          },
        });
        break;
      }
    }
  }
  return rows;
}
