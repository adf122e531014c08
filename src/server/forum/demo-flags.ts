import { DEMO_ZONE_STORY } from '../demo/story.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { publicZoneHistory, publishedZones } from '../zones/public-zones.ts';
import { at, dayFrom, demoActor } from './demo-actors.ts';
import type { ForumDemo } from './demo-context.ts';
import { writeFlag, writeFlagAnswer, writeScreening } from './flags.ts';

const DAY_MS = 86_400_000;

/**
 * The forum demo's flags: the network flagged the class of the zone the demo later downgrades, while it was still
 * conducive, and the centre answered on the day it published the downgrade; the network flagged the broken
 * documents commitment and the agency answered; one flag on another zone's class is open (the zone's public page
 * shows "under challenge"), and one on an outcome figure is overdue. A protection officer of the UN agency
 * cleared each flag and answer before it became public.
 */
export async function loadDemoFlags(demo: ForumDemo): Promise<void> {
  const { context } = demo;
  const cso = demoActor(context, 'civil_society_watchdog');
  const officer = demoActor(context, 'protection_officer');
  const centre = demoActor(context, 'coordinator');
  const origin = demoActor(context, 'coordinator_origin');
  const days = 14;
  const history = (await publicZoneHistory(context.db, DEMO_ZONE_STORY.deteriorating).catch(() => ({ history: [] })))
    .history;
  const other = (await publishedZones(context.db, false)).find(
    (zone) =>
      zone.level === 'location' &&
      zone.class === 'conducive' &&
      !zone.pcode.startsWith(DEMO_ZONE_STORY.deteriorating.slice(0, 6)),
  );
  await inTransaction(context.db, async (tx) => {
    const clear = async (id: string, part: 'flag' | 'answer', when: Date) =>
      writeScreening(tx, officer, id, { part, screening: 'cleared' }, when);

    // The downgraded zone: flagged while conducive, answered when the downgrade was published.
    for (let i = 0; i + 1 < history.length; i++) {
      const [worse, before] = [history[i]!, history[i + 1]!];
      if (before.class !== 'conducive' || worse.class === 'conducive') continue;
      // The demo publishes its past months at load time, so the story's days follow the months themselves: the
      // downgrade counts from the first days after the worse month, the flag ten days before it.
      const [year, month] = worse.period.split('-').map(Number) as [number, number];
      const downgraded = new Date(Date.UTC(year, month, 3, 11));
      const raised = new Date(downgraded.getTime() - 10 * DAY_MS);
      const id = await writeFlag(
        tx,
        cso,
        {
          subjectKind: 'zone_class',
          subjectRef: `${DEMO_ZONE_STORY.deteriorating}@${before.period}`,
          concern:
            'Our field team was turned back at the checkpoint on the road into the zone twice this month, and families report extortion there. The zone should not stay conducive.',
          evidence: [{ kind: 'incident', ref: `gateway:incidents:${DEMO_ZONE_STORY.deteriorating}` }],
          responsibleOrganisationId: centre.organisationId,
        },
        days,
        raised,
      );
      await clear(id, 'flag', new Date(raised.getTime() + DAY_MS));
      await writeFlagAnswer(
        tx,
        centre,
        id,
        {
          answer: `The verified observations confirm the denial of access; the zone is reclassified as ${worse.class.replaceAll('_', ' ')} in the ${worse.period} publication, and convoys to it are suspended.`,
        },
        downgraded,
      );
      await clear(id, 'answer', new Date(downgraded.getTime() + DAY_MS / 2));
      break;
    }

    // The broken documents commitment: flagged after its deadline, answered by its owner.
    const first = demo.meetings[0];
    if (demo.documentsCommitmentId && first) {
      const raised = at(dayFrom(at(first.heldOn), 40));
      const id = await writeFlag(
        tx,
        cso,
        {
          subjectKind: 'commitment',
          subjectRef: demo.documentsCommitmentId,
          concern:
            'The 30-day deadline for replacement documents has passed; most returnees of the spring convoys have none.',
          evidence: [{ kind: 'commitment', ref: demo.documentsCommitmentId }],
          responsibleOrganisationId: origin.organisationId,
        },
        days,
        raised,
      );
      await clear(id, 'flag', at(dayFrom(at(first.heldOn), 41)));
      await writeFlagAnswer(
        tx,
        origin,
        id,
        {
          answer: 'The deadline was missed for lack of staff in the districts; mobile registry teams start next month.',
        },
        at(dayFrom(at(first.heldOn), 50)),
      );
      await clear(id, 'answer', at(dayFrom(at(first.heldOn), 51)));
    }

    // Open: another zone's class under challenge now.
    if (other) {
      const id = await writeFlag(
        tx,
        cso,
        {
          subjectKind: 'zone_class',
          subjectRef: `${other.pcode}@${other.period}`,
          concern:
            'Returnees report that the only clinic closed last month; access to health care may no longer meet the criterion.',
          evidence: [{ kind: 'gateway_figure', ref: `feedback:${other.pcode}` }],
          responsibleOrganisationId: centre.organisationId,
        },
        days,
        new Date(context.now.getTime() - 3 * DAY_MS),
      );
      await clear(id, 'flag', new Date(context.now.getTime() - 2 * DAY_MS));
    }

    // Overdue: an outcome figure questioned three weeks ago, still unanswered.
    const overdue = await writeFlag(
      tx,
      cso,
      {
        subjectKind: 'outcome_figure',
        subjectRef: 'outcomes:QM:psychosocial',
        concern: 'The psychosocial figure for Marenland leaves out households followed by phone only.',
        evidence: [],
        responsibleOrganisationId: centre.organisationId,
      },
      days,
      new Date(context.now.getTime() - 21 * DAY_MS),
    );
    await clear(overdue, 'flag', new Date(context.now.getTime() - 20 * DAY_MS));
  });
}
