import { count, eq } from 'drizzle-orm';
import {
  DEFAULT_GATEWAY_SERVICE_LEVEL_DAYS,
  type HandlingStep,
  STEP_STATUS,
  type SubmissionStatus,
} from '../../shared/gateway/constants.ts';
import { transitPointByCode } from '../cases/network.ts';
import { seeded } from '../demo/random.ts';
import type { AnyAuditEntryInput } from '../platform/audit/log.ts';
import { appendAuditBatch } from '../platform/audit/log.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import type { DemoContext } from '../platform/module.ts';
import { publishedZones } from '../zones/public-zones.ts';
import { CLUSTER_TRANSIT_POINT, type DemoPlaces, type DemoSubmission, generateDemoSubmissions } from './demo-story.ts';
import { newIncidentReference } from './incidents.ts';
import { formatReceiptCode } from './receipts.ts';
import { dueAt } from './rules/service-levels.ts';
import { receiveSubmission } from './submissions.ts';
import * as t from './tables.ts';
import './events.ts';

const DAY_MS = 86_400_000;

/** A receipt code to try on the portal's receipt page, with what it opens. */
export interface DemoReceiptSample {
  receiptCode: string;
  kind: string;
  language: string;
  channel: string;
  disclosure: string;
  status: SubmissionStatus;
}

export interface DemoGatewaySummary {
  submissions: number;
  byKind: Record<string, number>;
  byChannel: Record<string, number>;
  anonymous: number;
  open: number;
  replies: number;
  incidents: number;
  samples: DemoReceiptSample[];
}

/** Who handles the demo's items: the centre's coordinator and field monitor, the UN agency's protection officer. */
interface Handlers {
  jmc: string;
  un: string;
  cso: string;
  byOrganisation: Map<string, string[]>;
  protectionOfficer: string;
  verifier: string;
  verifierOrganisation: string;
}

function handlersOf(context: DemoContext): Handlers {
  const org = (key: string) => context.organisations[key]!;
  const user = (role: keyof DemoContext['people']) => context.people[role]?.userId;
  const byOrganisation = new Map<string, string[]>();
  for (const person of Object.values(context.accounts)) {
    const list = byOrganisation.get(person.organisationId) ?? [];
    list.push(person.userId);
    byOrganisation.set(person.organisationId, list);
  }
  return {
    jmc: org('jmc'),
    un: org('un'),
    cso: org('cso'),
    byOrganisation,
    protectionOfficer: user('protection_officer')!,
    verifier: user('verifier')!,
    verifierOrganisation: context.people.verifier!.organisationId,
  };
}

async function demoPlaces(db: Database): Promise<DemoPlaces> {
  const pcodes = (await publishedZones(db, false)).filter((zone) => zone.level === 'location').map((z) => z.pcode);
  const transitPoints: string[] = [];
  for (const code of ['tp-qt-border', 'tp-qm-north', 'tp-qo-border', 'tp-qm-east']) {
    if (await transitPointByCode(db, code)) transitPoints.push(code);
  }
  return { pcodes, transitPoints };
}

/**
 * Loads the demo's community gateway when it has no submissions yet: the routing rules, the story's submissions
 * (received through the service, as the portal and the SMS webhook store them), their handling with the audit
 * entries each step appends, and the incidents the cluster and the monitors documented.
 */
export async function loadDemoGateway(context: DemoContext): Promise<DemoGatewaySummary> {
  const { db, keyring, now } = context;
  const places = await demoPlaces(db);
  const story = generateDemoSubmissions(places, now);
  const [existing] = await db.select({ n: count() }).from(t.gatewaySubmissions);
  if ((existing?.n ?? 0) === 0 && context.organisations.jmc && context.people.protection_officer) {
    await writeDemoGateway(db, keyring, handlersOf(context), story, places, now);
  }
  return summariseDemoGateway(db, story);
}

async function writeDemoGateway(
  db: Database,
  keyring: Keyring,
  handlers: Handlers,
  story: readonly DemoSubmission[],
  places: DemoPlaces,
  now: Date,
): Promise<void> {
  const audit: AnyAuditEntryInput[] = [];
  const administrator = handlers.byOrganisation.get(handlers.jmc)?.[0] ?? null;
  // The centre receives what is not sensitive; the UN agency's protection officers protection requests and
  // everything sensitive.
  const rules = [
    { organisationId: handlers.jmc, sensitive: false, position: 10 },
    { organisationId: handlers.un, kind: 'protection_request', sensitive: true, position: 0 },
    { organisationId: handlers.un, sensitive: true, position: 20 },
  ];
  for (const rule of rules) {
    const [row] = await db
      .insert(t.gatewayRoutingRules)
      .values({ ...rule, createdBy: administrator })
      .returning({ id: t.gatewayRoutingRules.id });
    audit.push({
      type: 'gateway.routing_rule_changed',
      actor: administrator ? { userId: administrator, organisationId: handlers.jmc } : null,
      subject: `routing-rule:${row!.id}`,
      details: { ruleId: row!.id, change: 'created', organisationId: rule.organisationId },
    });
  }
  const platform = {
    keyring,
    config: { gatewayServiceLevels: DEFAULT_GATEWAY_SERVICE_LEVEL_DAYS, gatewaySubmissionsPerHour: 1 },
  };
  const cluster: string[] = [];
  let referred = 0;
  for (const item of story) {
    const { submissionId } = await receiveSubmission(
      { db, platform },
      {
        kind: item.kind,
        ...(item.complaintCategory ? { complaintCategory: item.complaintCategory } : {}),
        aboutNamedPerson: item.aboutNamedPerson,
        disclosure: item.disclosure,
        text: item.text,
        language: item.language,
        ...(item.pcode ? { pcode: item.pcode } : {}),
        ...(item.transitPoint ? { transitPoint: item.transitPoint } : {}),
        ...(item.contact ? { contact: item.contact } : {}),
        contactConsent: item.contactConsent,
        channel: item.channel,
      },
      null,
      { now: item.receivedAt, code: item.receiptCode },
    );
    if (item.cluster) cluster.push(submissionId);
    // Some concerns about services were for the civil-society network's legal aid: referred on, and said so.
    const refer =
      item.kind === 'concern' && item.stepDays.length >= 1 && referred < 6 && !item.cluster && item.pcode !== undefined;
    if (refer) referred++;
    await handleDemoItem(db, keyring, handlers, item, submissionId, refer, audit);
  }
  await appendAuditBatch(db, audit);
  if (cluster.length > 0) await writeDemoIncidents(db, keyring, handlers, cluster, places, now);
}

/** Writes the steps an item took, with its messages and history, and queues their audit entries. */
async function handleDemoItem(
  db: Database,
  keyring: Keyring,
  handlers: Handlers,
  item: DemoSubmission,
  submissionId: string,
  refer: boolean,
  audit: AnyAuditEntryInput[],
): Promise<void> {
  const [row] = await db
    .select({ organisationId: t.gatewaySubmissions.organisationId, sensitive: t.gatewaySubmissions.sensitive })
    .from(t.gatewaySubmissions)
    .where(eq(t.gatewaySubmissions.id, submissionId));
  let organisationId = row!.organisationId;
  const staffOf = (organisation: string) =>
    organisation === handlers.un && row!.sensitive
      ? handlers.protectionOfficer
      : (handlers.byOrganisation.get(organisation)?.[0] ?? null);
  const at = (days: number) => new Date(item.receivedAt.getTime() + days * DAY_MS + 3 * 3600_000);
  const subject = `submission:${submissionId}`;
  const kind = item.kind;
  const update: Partial<typeof t.gatewaySubmissions.$inferInsert> = {};
  let status: SubmissionStatus = 'received';
  let since = item.receivedAt;
  const steps: HandlingStep[] = ['acknowledge', 'assign', 'investigate', 'respond', 'close'];
  if (refer) {
    const when = at(item.stepDays[0]!);
    const actor = staffOf(organisationId);
    await db.insert(t.gatewayHistory).values({
      submissionId,
      entry: 'referred',
      accountId: actor,
      organisationId,
      noteEnc: await keyring.encrypt(
        db,
        'narrative',
        'Legal aid on housing and land: the network runs the clinic for this area.',
      ),
      at: when,
    });
    await db.insert(t.gatewayMessages).values({
      submissionId,
      author: 'staff',
      accountId: actor,
      organisationId,
      bodyEnc: await keyring.encrypt(
        db,
        'narrative',
        item.language === 'ar'
          ? 'أحلنا طلبك إلى منظمة أخرى مختصة بهذا الأمر، وستتواصل معك من خلال رمز الإيصال نفسه.'
          : item.language === 'fr'
            ? 'Nous avons transmis votre demande à une autre organisation compétente ; elle vous répondra avec le même code.'
            : 'We passed your submission to another organisation that handles this; it will answer you through the same code.',
      ),
      createdAt: when,
    });
    audit.push({
      type: 'gateway.submission_referred',
      actor: actor ? { userId: actor, organisationId } : null,
      subject,
      details: { submissionId, kind, fromOrganisationId: organisationId, toOrganisationId: handlers.cso },
    });
    organisationId = handlers.cso;
    since = when;
    update.referrals = 1;
    update.organisationId = organisationId;
    await db.insert(t.gatewayHistory).values({ submissionId, entry: 'received', organisationId, at: when });
  }
  const actor = staffOf(organisationId);
  const auditActor = actor ? { userId: actor, organisationId } : null;
  for (const [index, day] of (refer ? item.stepDays.slice(1) : item.stepDays).entries()) {
    const step = steps[index]!;
    const when = at(refer ? day + 1 : day);
    const due = dueAt(status, since, DEFAULT_GATEWAY_SERVICE_LEVEL_DAYS)!;
    status = STEP_STATUS[step];
    since = when;
    await db
      .insert(t.gatewayHistory)
      .values({ submissionId, entry: status, accountId: actor, organisationId, at: when });
    if (step === 'acknowledge') {
      update.acknowledgedAt = when;
      update.acknowledgedInTime = when.getTime() <= due.getTime();
      audit.push({
        type: 'gateway.submission_acknowledged',
        actor: auditActor,
        subject,
        details: { submissionId, kind, inTime: update.acknowledgedInTime },
      });
    } else if (step === 'assign' && actor) {
      update.assigneeId = actor;
      audit.push({
        type: 'gateway.submission_assigned',
        actor: auditActor,
        subject,
        details: { submissionId, kind, assigneeId: actor },
      });
    } else if (step === 'investigate') {
      audit.push({
        type: 'gateway.submission_investigating',
        actor: auditActor,
        subject,
        details: { submissionId, kind },
      });
    } else if (step === 'respond') {
      const [message] = await db
        .insert(t.gatewayMessages)
        .values({
          submissionId,
          author: 'staff',
          accountId: actor,
          organisationId,
          bodyEnc: await keyring.encrypt(db, 'narrative', item.reply ?? ''),
          delivery: item.contactConsent && item.contact?.phone ? 'sms' : 'receipt',
          createdAt: when,
        })
        .returning({ id: t.gatewayMessages.id });
      update.respondedAt = when;
      audit.push({
        type: 'gateway.submission_responded',
        actor: auditActor,
        subject,
        details: { submissionId, kind, messageId: message!.id },
      });
    } else if (step === 'close') {
      update.closedAt = when;
      update.satisfaction = item.satisfaction ?? null;
      audit.push({
        type: 'gateway.submission_closed',
        actor: auditActor,
        subject,
        details: { submissionId, kind, satisfaction: item.satisfaction ?? null },
      });
    }
  }
  if (item.addition && status !== 'closed') {
    const when = new Date(since.getTime() + 3600_000);
    const [message] = await db
      .insert(t.gatewayMessages)
      .values({
        submissionId,
        author: 'submitter',
        bodyEnc: await keyring.encrypt(db, 'narrative', item.addition),
        createdAt: when,
      })
      .returning({ id: t.gatewayMessages.id });
    await db.insert(t.gatewayHistory).values({ submissionId, entry: 'information_added', organisationId, at: when });
    audit.push({
      type: 'gateway.information_added',
      actor: null,
      subject,
      details: { submissionId, kind, messageId: message!.id },
    });
  }
  await db
    .update(t.gatewaySubmissions)
    .set({ ...update, status, dueAt: dueAt(status, since, DEFAULT_GATEWAY_SERVICE_LEVEL_DAYS), updatedAt: since })
    .where(eq(t.gatewaySubmissions.id, submissionId));
}

interface DemoIncident {
  type: string;
  place: { transitPoint?: string; pcode?: string };
  stateCode: string;
  daysAgo: number;
  perpetrator: string;
  affected: Partial<Record<'girls' | 'boys' | 'women' | 'men' | 'olderWomen' | 'olderMen' | 'unknown', number>>;
  narrative: string;
  source: string;
  verification: string;
  accountability: 'documented' | 'referred' | 'answered' | 'sanctioned' | 'closed';
  referredTo?: string;
  response?: string;
  sanction?: string;
}

/** The cluster's incident (referred, answered, sanctioned) and a few documented by the monitors elsewhere. */
async function writeDemoIncidents(
  db: Database,
  keyring: Keyring,
  handlers: Handlers,
  cluster: readonly string[],
  places: DemoPlaces,
  now: Date,
): Promise<void> {
  // References from a seeded sequence, so that the demo's incidents are the same on every load.
  const random = seeded('homeward demo incidents');
  const audit: AnyAuditEntryInput[] = [];
  const zone = (i: number) => places.pcodes[(i * 37) % Math.max(1, places.pcodes.length)];
  const incidents: DemoIncident[] = [
    {
      type: 'extortion',
      place: { transitPoint: CLUSTER_TRANSIT_POINT },
      stateCode: 'QT',
      daysAgo: 40,
      perpetrator: 'border_officials',
      affected: { women: 9, men: 7, girls: 3, boys: 4, olderWomen: 1 },
      narrative:
        'Returnees crossing at the border post reported that guards kept their identity documents and returned them only against an unofficial fee. Fourteen complaints through the gateway over five weeks; confirmed by a monitoring visit.',
      source: 'gateway_submission',
      verification: 'verified',
      accountability: 'sanctioned',
      referredTo: 'Tarnesia Inspectorate of Border Services',
      response: 'The inspectorate opened an investigation and confirmed the practice on two shifts.',
      sanction: 'Two officers suspended; the post commander issued a written order that no fee may be asked.',
    },
    {
      type: 'arbitrary_detention',
      place: { pcode: zone(1) },
      stateCode: 'QM',
      daysAgo: 25,
      perpetrator: 'state_security_forces',
      affected: { men: 3 },
      narrative: 'Three returning men held overnight at a checkpoint without charge, released the next day.',
      source: 'monitoring_visit',
      verification: 'corroborated',
      accountability: 'referred',
      referredTo: 'Marenland National Human Rights Commission',
    },
    {
      type: 'denial_of_monitor_access',
      place: { pcode: zone(2) },
      stateCode: 'QM',
      daysAgo: 12,
      perpetrator: 'local_authorities',
      affected: { unknown: 1 },
      narrative: 'The monitoring team was turned back at the district office and could not visit the return area.',
      source: 'monitoring_visit',
      verification: 'verified',
      accountability: 'answered',
      referredTo: 'Regional steering committee',
      response: 'The district governor agreed in writing to give the monitors access from next month.',
    },
    {
      type: 'coercion_to_return',
      place: { transitPoint: 'tp-qo-border' },
      stateCode: 'QO',
      daysAgo: 6,
      perpetrator: 'border_officials',
      affected: { women: 2, girls: 1, boys: 2 },
      narrative:
        'A family said they were told their residence permits would be cancelled unless they signed up to return.',
      source: 'direct_testimony',
      verification: 'unverified',
      accountability: 'documented',
    },
  ];
  for (const incident of incidents) {
    const point = incident.place.transitPoint ? await transitPointByCode(db, incident.place.transitPoint) : undefined;
    if (incident.place.transitPoint && !point) continue;
    if (incident.place.pcode === undefined && !point) continue;
    const occurredOn = new Date(now.getTime() - incident.daysAgo * DAY_MS);
    const day = (offset: number) => new Date(occurredOn.getTime() + offset * DAY_MS);
    const reference = newIncidentReference((n) => random.int(0, n - 1));
    const [row] = await db
      .insert(t.gatewayIncidents)
      .values({
        reference,
        type: incident.type,
        occurredOn: occurredOn.toISOString().slice(0, 10),
        pcode: incident.place.pcode ?? point?.pcode ?? null,
        transitPointId: point?.id ?? null,
        stateCode: incident.stateCode,
        perpetratorCategory: incident.perpetrator,
        affectedGirls: incident.affected.girls ?? 0,
        affectedBoys: incident.affected.boys ?? 0,
        affectedWomen: incident.affected.women ?? 0,
        affectedMen: incident.affected.men ?? 0,
        affectedOlderWomen: incident.affected.olderWomen ?? 0,
        affectedOlderMen: incident.affected.olderMen ?? 0,
        affectedUnknown: incident.affected.unknown ?? 0,
        narrativeEnc: await keyring.encrypt(db, 'narrative', incident.narrative),
        source: incident.source,
        verification: incident.verification,
        verifiedBy: incident.verification === 'unverified' ? null : handlers.verifier,
        verifiedAt: incident.verification === 'unverified' ? null : day(3),
        accountability: incident.accountability,
        referredTo: incident.referredTo ?? null,
        referredOn: incident.referredTo ? day(5).toISOString().slice(0, 10) : null,
        responseEnc: incident.response ? await keyring.encrypt(db, 'narrative', incident.response) : null,
        sanctionEnc: incident.sanction ? await keyring.encrypt(db, 'narrative', incident.sanction) : null,
        closedOn: incident.accountability === 'closed' ? day(30).toISOString().slice(0, 10) : null,
        organisationId: handlers.un,
        recordedBy: handlers.protectionOfficer,
        createdAt: day(1),
        updatedAt: day(1),
      })
      .returning({ id: t.gatewayIncidents.id });
    const incidentId = row!.id;
    const linked = incident.source === 'gateway_submission' ? cluster : [];
    if (linked.length > 0) {
      await db
        .insert(t.gatewayIncidentSubmissions)
        .values(linked.map((submissionId) => ({ incidentId, submissionId })));
      await db.insert(t.gatewayHistory).values(
        linked.map((submissionId) => ({
          submissionId,
          entry: 'linked_to_incident',
          accountId: handlers.protectionOfficer,
          organisationId: handlers.un,
          at: day(1),
        })),
      );
    }
    const officer = { userId: handlers.protectionOfficer, organisationId: handlers.un };
    const subject = `incident:${incidentId}`;
    const type = incident.type as 'extortion';
    const history: { entry: string; at: Date; accountId: string }[] = [
      { entry: 'recorded', at: day(1), accountId: handlers.protectionOfficer },
    ];
    audit.push({
      type: 'gateway.incident_recorded',
      actor: officer,
      subject,
      details: {
        incidentId,
        type,
        reference: reference.toLowerCase(),
        affected: Object.values(incident.affected).reduce((sum, n) => sum + (n ?? 0), 0),
        submissions: linked.length,
      },
    });
    if (incident.verification !== 'unverified') {
      history.push({ entry: incident.verification, at: day(3), accountId: handlers.verifier });
      audit.push({
        type: 'gateway.incident_verified',
        actor: { userId: handlers.verifier, organisationId: handlers.verifierOrganisation },
        subject,
        details: { incidentId, type, verification: incident.verification as 'verified' },
      });
    }
    const path = ['referred', 'answered', 'sanctioned', 'closed'] as const;
    const reached = path.indexOf(incident.accountability as (typeof path)[number]);
    for (const [i, status] of path.slice(0, reached + 1).entries()) {
      history.push({ entry: status, at: day(5 + i * 8), accountId: handlers.protectionOfficer });
      audit.push({
        type: 'gateway.incident_accountability',
        actor: officer,
        subject,
        details: { incidentId, type, status },
      });
    }
    await db.insert(t.gatewayIncidentHistory).values(history.map((entry) => ({ incidentId, ...entry })));
  }
  await appendAuditBatch(db, audit);
}

/** What the demo's gateway holds, and receipt codes to try (recomputed from the story, never stored). */
export async function summariseDemoGateway(
  db: Database,
  story?: readonly DemoSubmission[],
): Promise<DemoGatewaySummary> {
  const rows = await db
    .select({
      kind: t.gatewaySubmissions.kind,
      channel: t.gatewaySubmissions.channel,
      disclosure: t.gatewaySubmissions.disclosure,
      n: count(),
    })
    .from(t.gatewaySubmissions)
    .groupBy(t.gatewaySubmissions.kind, t.gatewaySubmissions.channel, t.gatewaySubmissions.disclosure);
  const byKind: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  let submissions = 0;
  let anonymous = 0;
  let open = 0;
  for (const row of rows) {
    submissions += row.n;
    byKind[row.kind] = (byKind[row.kind] ?? 0) + row.n;
    byChannel[row.channel] = (byChannel[row.channel] ?? 0) + row.n;
    if (row.disclosure === 'anonymous') anonymous += row.n;
    if (row.disclosure === 'open') open += row.n;
  }
  const [replies] = await db
    .select({ n: count() })
    .from(t.gatewayMessages)
    .where(eq(t.gatewayMessages.author, 'staff'));
  const [incidents] = await db.select({ n: count() }).from(t.gatewayIncidents);
  const samples: DemoReceiptSample[] = [];
  const want: [(item: DemoSubmission) => boolean][] = [
    [
      (item) =>
        item.language === 'ar' &&
        item.disclosure === 'anonymous' &&
        item.kind === 'complaint' &&
        item.status === 'responded',
    ],
    [(item) => item.channel === 'sms' && item.status === 'responded'],
    [(item) => item.language === 'fr' && item.status === 'received'],
    [(item) => item.language === 'en' && item.status === 'closed' && item.reply !== undefined],
  ];
  if (story && submissions > 0) {
    for (const [matches] of want) {
      const item = story.find((candidate) => matches(candidate) && !candidate.cluster);
      if (item) {
        samples.push({
          receiptCode: formatReceiptCode(item.receiptCode),
          kind: item.kind,
          language: item.language,
          channel: item.channel,
          disclosure: item.disclosure,
          status: item.status,
        });
      }
    }
  }
  return {
    submissions,
    byKind,
    byChannel,
    anonymous,
    open,
    replies: replies?.n ?? 0,
    incidents: incidents?.n ?? 0,
    samples,
  };
}
