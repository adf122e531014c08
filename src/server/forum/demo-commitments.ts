import { inTransaction } from '../platform/audit/head.ts';
import { writeAssessment, writeClose, writeCommitment, writeUpdate } from './commitments.ts';
import { at, dayFrom, demoActor } from './demo-actors.ts';
import type { ForumDemo } from './demo-context.ts';

/**
 * The forum demo's commitments, made at the tripartite commission's meetings. The one on replacement documents
 * is the story: due 30 days after the first meeting, missed (civil society assesses it off track, then broken,
 * and flags it), then kept late once mobile registry teams went out, as the monitors confirm. Others are kept on
 * time, one is open and on track, one is overdue.
 */
export async function loadDemoCommitments(demo: ForumDemo): Promise<void> {
  const { context, meetings } = demo;
  if (meetings.length < 4) return;
  const chair = demoActor(context, 'coordinator');
  const origin = demoActor(context, 'coordinator_origin');
  const cso = demoActor(context, 'civil_society_watchdog');
  const monitor = demoActor(context, 'verifier');
  const [first, second, third, fourth] = meetings as [
    ForumDemo['meetings'][number],
    ForumDemo['meetings'][number],
    ForumDemo['meetings'][number],
    ForumDemo['meetings'][number],
  ];
  const after = (day: string, days: number, hour = 10) => at(dayFrom(at(day), days), hour);
  await inTransaction(context.db, async (tx) => {
    const documents = await writeCommitment(
      tx,
      chair,
      {
        text: 'Marenland issues replacement civil documents within 30 days of return.',
        ownerOrganisationId: origin.organisationId,
        dueOn: dayFrom(at(first.heldOn), 30),
        stateCode: 'QM',
        meetingId: first.id,
        decisionId: first.decisionIds[0],
        indicatorKind: 'outcome_figure',
        indicatorRef: 'documents_replaced',
      },
      after(first.heldOn, 0, 18),
    );
    demo.documentsCommitmentId = documents;
    await writeUpdate(
      tx,
      origin,
      documents,
      { text: 'Registry offices in the return districts have received the returnee lists.', evidence: [] },
      after(first.heldOn, 10),
    );
    await writeAssessment(
      tx,
      cso,
      documents,
      { rating: 'on_track', reasons: 'The offices are open and the lists have arrived.' },
      after(first.heldOn, 12),
    );
    await writeAssessment(
      tx,
      cso,
      documents,
      { rating: 'off_track', reasons: 'Of 60 households we followed, 9 have their documents after 25 days.' },
      after(first.heldOn, 25),
    );
    await writeAssessment(
      tx,
      cso,
      documents,
      {
        rating: 'broken',
        reasons: 'The deadline has passed: most returnees of the spring convoys still have no documents.',
      },
      after(first.heldOn, 38),
    );
    await writeUpdate(
      tx,
      origin,
      documents,
      {
        text: 'Mobile registry teams have visited every return district; 1,140 replacement documents were issued.',
        evidence: [
          {
            kind: 'link',
            ref: 'https://registry.marenland.example/returns/documents',
            note: 'monthly registry figures',
          },
        ],
      },
      after(third.heldOn, 20),
    );
    await writeAssessment(
      tx,
      monitor,
      documents,
      { rating: 'kept', reasons: 'Of 40 returnee households we sampled, 38 hold their documents.' },
      after(third.heldOn, 28),
    );
    await writeClose(
      tx,
      chair,
      documents,
      { status: 'kept', reason: 'Kept, late: confirmed by the independent monitors.' },
      after(third.heldOn, 30),
    );

    const convoys = await writeCommitment(
      tx,
      chair,
      {
        text: 'Convoys to districts where monitors were refused access are reviewed before departure.',
        ownerOrganisationId: chair.organisationId,
        dueOn: dayFrom(at(second.heldOn), 14),
        stateCode: 'QM',
        meetingId: second.id,
        decisionId: second.decisionIds[0],
        indicatorKind: 'zone_indicator',
        indicatorRef: 'monitor_access',
      },
      after(second.heldOn, 0, 18),
    );
    await writeAssessment(
      tx,
      monitor,
      convoys,
      { rating: 'kept', reasons: 'Both convoys since were reviewed; one was postponed.' },
      after(second.heldOn, 12),
    );
    await writeClose(
      tx,
      chair,
      convoys,
      { status: 'kept', reason: 'The review is part of every departure check.' },
      after(second.heldOn, 13),
    );

    const teams = await writeCommitment(
      tx,
      chair,
      {
        text: 'Mobile registry teams visit every return district each month until the backlog is cleared.',
        ownerOrganisationId: origin.organisationId,
        dueOn: dayFrom(at(third.heldOn), 45),
        stateCode: 'QM',
        meetingId: third.id,
        decisionId: third.decisionIds[0],
        indicatorKind: 'none',
      },
      after(third.heldOn, 0, 18),
    );
    await writeAssessment(
      tx,
      cso,
      teams,
      { rating: 'kept', reasons: 'The teams came to every district we work in.' },
      after(third.heldOn, 40),
    );
    await writeClose(
      tx,
      chair,
      teams,
      { status: 'kept', reason: 'Every district visited monthly; the backlog is cleared.' },
      after(third.heldOn, 42),
    );

    const transit = await writeCommitment(
      tx,
      chair,
      {
        text: 'Transit point Y opens before the next quarter.',
        ownerOrganisationId: demoActor(context, 'coordinator_asylum_t').organisationId,
        dueOn: dayFrom(at(fourth.heldOn), 90),
        stateCode: 'QT',
        meetingId: fourth.id,
        decisionId: fourth.decisionIds[0],
        indicatorKind: 'none',
      },
      after(fourth.heldOn, 0, 18),
    );
    await writeAssessment(
      tx,
      cso,
      transit,
      { rating: 'on_track', reasons: 'Construction of the shelter has started.' },
      after(fourth.heldOn, 20),
    );

    await writeCommitment(
      tx,
      chair,
      {
        text: 'Marenland publishes its monthly returnee registry figures.',
        ownerOrganisationId: origin.organisationId,
        dueOn: dayFrom(context.now, -10),
        stateCode: 'QM',
        indicatorKind: 'none',
      },
      after(fourth.heldOn, 1),
    );
  });
}
