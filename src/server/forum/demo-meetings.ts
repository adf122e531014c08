import { inTransaction } from '../platform/audit/head.ts';
import { at, dayFrom, demoActor } from './demo-actors.ts';
import type { ForumDemo } from './demo-context.ts';
import {
  meetingView,
  writeApproval,
  writeBody,
  writeDecision,
  writeHeld,
  writeMeeting,
  writePosition,
  writeTreatment,
} from './meetings.ts';

/** The quarters of the demo's year: what the tripartite commission discussed, what civil society said, what it decided. */
const QUARTERS = [
  {
    title: 'Tripartite commission, first quarter',
    items: ['Civil documents after return', 'Convoys through the northern crossing'],
    position:
      'Returnees wait four to seven months for replacement identity documents; without them they cannot enrol children in school or claim land. We ask for a 30-day deadline after return.',
    treatment:
      'The commission adopted the 30-day deadline the network proposed, as a commitment of the Marenland Returns Agency.',
    positionTreatment: 'adopted' as const,
    decision: 'Marenland issues replacement civil documents within 30 days of return.',
  },
  {
    title: 'Tripartite commission, second quarter',
    items: ['Monitoring access in Maren district', 'Follow-up of the documents commitment'],
    position:
      'Independent monitors were refused access twice in Maren district. Access for monitors must be a condition of every convoy.',
    treatment:
      'Partly taken into account: convoys to districts where monitors were refused are reviewed case by case, not suspended.',
    positionTreatment: 'partly_adopted' as const,
    decision: 'Convoys to districts where monitors were refused access are reviewed before departure.',
  },
  {
    title: 'Tripartite commission, third quarter',
    items: ['The documents deadline was missed', 'The criteria framework review'],
    position:
      'The 30-day deadline has passed for most returnees of the spring convoys. We flagged it; we ask for mobile registry teams.',
    treatment: 'Adopted: the agency sends mobile registry teams to the return districts.',
    positionTreatment: 'adopted' as const,
    decision: 'Mobile registry teams visit every return district each month until the backlog is cleared.',
  },
  {
    title: 'Tripartite commission, fourth quarter',
    items: ['Reintegration outcomes after one year', 'Transit point Y'],
    position:
      'Follow-up rounds show falling scores in the downgraded zone. Returns there should stay suspended until the class recovers.',
    treatment: 'Noted: suspensions follow the published class, which already stops convoys to the zone.',
    positionTreatment: 'noted' as const,
    decision: 'Transit point Y opens before the next quarter.',
  },
];

/**
 * The forum demo's meetings: the regional steering committee and the Marenland–Tarnesia tripartite commission
 * (both states, the UN agency, the network's civil-society seat, the monitors, the centre in the chair), which
 * met every quarter of the past year; each time the network submitted a position before the meeting, the chair
 * recorded how it was taken into account, and every member approved the minutes (the last meeting's minutes
 * still wait for one state's approval).
 */
export async function loadDemoMeetings(demo: ForumDemo): Promise<void> {
  const { context } = demo;
  const o = context.organisations;
  const chair = demoActor(context, 'coordinator');
  const members = {
    origin: demoActor(context, 'coordinator_origin'),
    asylum: demoActor(context, 'coordinator_asylum_t'),
    cso: demoActor(context, 'civil_society_watchdog'),
    monitor: demoActor(context, 'verifier'),
    un: demoActor(context, 'protection_officer'),
  };
  const start = dayFrom(context.now, -365);
  await inTransaction(context.db, async (tx) => {
    const steering = await writeBody(
      tx,
      chair,
      {
        code: 'steering-committee',
        kind: 'steering_committee',
        name: 'Regional steering committee',
        stateCodes: ['QM', 'QT', 'QO'],
        members: [
          { organisationId: o.origin!, seat: 'state_of_origin' },
          { organisationId: o['asylum-t']!, seat: 'state_of_asylum' },
          { organisationId: o['asylum-o']!, seat: 'state_of_asylum' },
          { organisationId: o.un!, seat: 'un_agency' },
          { organisationId: o.cso!, seat: 'civil_society' },
          { organisationId: o.monitor!, seat: 'independent_monitor' },
          { organisationId: o.donor!, seat: 'donor' },
        ],
      },
      at(start),
    );
    const commission = await writeBody(
      tx,
      chair,
      {
        code: 'tripartite-qm-qt',
        kind: 'tripartite_commission',
        name: 'Tripartite commission Marenland–Tarnesia',
        stateCodes: ['QM', 'QT'],
        members: [
          { organisationId: o.origin!, seat: 'state_of_origin' },
          { organisationId: o['asylum-t']!, seat: 'state_of_asylum' },
          { organisationId: o.un!, seat: 'un_agency' },
          { organisationId: o.cso!, seat: 'civil_society' },
          { organisationId: o.monitor!, seat: 'independent_monitor' },
        ],
      },
      at(start),
    );
    demo.bodies = { [steering.code]: steering.id, [commission.code]: commission.id };
    for (const [i, quarter] of QUARTERS.entries()) {
      const heldOn = dayFrom(context.now, -330 + i * 90);
      const meetingId = await writeMeeting(
        tx,
        chair,
        {
          bodyId: commission.id,
          title: quarter.title,
          heldOn,
          channel: i % 2 === 0 ? 'in_person' : 'hybrid',
          place: 'Maren City',
          positionsDueOn: dayFrom(at(heldOn), -2),
          agenda: quarter.items.map((title) => ({ title })),
        },
        at(dayFrom(at(heldOn), -21)),
      );
      const agenda = (await meetingView(tx, meetingId, chair.organisationId)).agenda;
      const positionId = await writePosition(
        tx,
        members.cso,
        meetingId,
        {
          agendaItemId: agenda[0]!.id,
          text: quarter.position,
          visibility: 'public',
          evidence: [{ kind: 'outcome_figure', ref: 'outcomes/QM', note: 'follow-up rounds after return' }],
        },
        at(dayFrom(at(heldOn), -5)),
      );
      const monitorPosition = await writePosition(
        tx,
        members.monitor,
        meetingId,
        {
          agendaItemId: agenda[1]!.id,
          text: 'Our field notes for this item, for the members only: they name the checkpoints visited.',
          visibility: 'members',
          evidence: [],
        },
        at(dayFrom(at(heldOn), -4)),
      );
      await writeHeld(
        tx,
        chair,
        meetingId,
        {
          participants: [
            { organisationId: chair.organisationId, seat: 'monitoring_centre', attended: true },
            { organisationId: o.origin!, seat: 'state_of_origin', attended: true },
            { organisationId: o['asylum-t']!, seat: 'state_of_asylum', attended: i !== 1 },
            { organisationId: o.un!, seat: 'un_agency', attended: true },
            { organisationId: o.cso!, seat: 'civil_society', attended: true },
            { organisationId: o.monitor!, seat: 'independent_monitor', attended: true },
          ],
          minutes: `${quarter.title}, ${heldOn}. The chair opened the meeting. ${quarter.items.map((item, n) => `Item ${n + 1}: ${item}.`).join(' ')} ${quarter.treatment} Decision: ${quarter.decision}`,
        },
        at(heldOn, 17),
      );
      await writeTreatment(
        tx,
        chair,
        meetingId,
        agenda[0]!.id,
        { treatment: quarter.treatment, positions: [{ positionId, treatment: quarter.positionTreatment }] },
        at(heldOn, 17),
      );
      await writeTreatment(
        tx,
        chair,
        meetingId,
        agenda[1]!.id,
        {
          treatment: 'The monitors’ notes informed the discussion; the checkpoints are followed up with the state.',
          positions: [{ positionId: monitorPosition, treatment: 'noted' }],
        },
        at(heldOn, 17),
      );
      const decisionId = await writeDecision(
        tx,
        chair,
        meetingId,
        { agendaItemId: agenda[0]!.id, text: quarter.decision },
        at(heldOn, 17),
      );
      const last = i === QUARTERS.length - 1;
      for (const member of [chair, members.origin, members.asylum, members.un, members.cso, members.monitor]) {
        if (last && member === members.asylum) continue;
        await writeApproval(tx, member, meetingId, at(dayFrom(at(heldOn), 7)));
      }
      demo.meetings.push({ id: meetingId, bodyCode: commission.code, heldOn, decisionIds: [decisionId] });
    }
  });
}
