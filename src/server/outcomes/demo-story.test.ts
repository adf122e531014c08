import { describe, expect, it } from 'vitest';
import type { Answers } from '../../shared/outcomes/form.ts';
import {
  addDays,
  planFollowUps,
  planResidents,
  RESIDENTS_PER_ZONE_AND_ROUND,
  type StoryFollowUp,
} from './demo-story.ts';

/**
 * The demo's outcome story, without a database: the same answers on every run, thriving zones better round by
 * round, struggling zones worse, and every follow-up's fate one a person would see.
 */
const TODAY = '2026-03-15';
const story = { rising: ['QM0304'], falling: ['QM0502'] };

const followUps: StoryFollowUp[] = ['QM0304001', 'QM0502001'].flatMap((pcode) =>
  Array.from({ length: 150 }, (_, n) =>
    [1, 3, 6, 12].map((round) => ({
      caseFollowUpId: `${pcode}-${n}-${round}`,
      reference: `HW-${pcode}-${n}`,
      pcode,
      monthsAfterArrival: round,
      dueOn: addDays(TODAY, -400 + round * 30),
      headSex: n % 3 === 0 ? 'female' : 'male',
      headAge: 25 + (n % 40),
      members: 1 + (n % 7),
    })),
  ).flat(),
);

/** A simple index of how a household fares from its answers (the scores work on the same answers). */
function index(answers: Answers): number | null {
  if (answers.consent_interview !== 'yes') return null;
  const food = 1 - Number(answers.food_days_reduced) / 7;
  const safe = ['never', 'sometimes', 'mostly', 'always'].indexOf(answers.feels_safe as string) / 3;
  const distress = ['severe', 'moderate', 'mild', 'none'].indexOf(answers.distress as string) / 3;
  const migrate = answers.migrate_again === 'no' ? 1 : 0;
  return (food + safe + distress + migrate) / 4;
}

function meanBy(pcode: string) {
  const plans = planFollowUps(followUps, story, TODAY);
  const byRound = new Map<number, number[]>();
  plans.forEach((plan, i) => {
    const followUp = followUps[i]!;
    if (followUp.pcode !== pcode || !plan.answers) return;
    const value = index(plan.answers);
    if (value === null) return;
    byRound.set(followUp.monthsAfterArrival, [...(byRound.get(followUp.monthsAfterArrival) ?? []), value]);
  });
  return [1, 3, 6, 12].map((round) => {
    const values = byRound.get(round)!;
    return values.reduce((a, b) => a + b, 0) / values.length;
  });
}

describe('the demo’s outcome story', () => {
  it('is the same on every run', () => {
    expect(planFollowUps(followUps, story, TODAY)).toEqual(planFollowUps(followUps, story, TODAY));
  });

  it('has the thriving zone’s returnees better each round, the struggling zone’s worse', () => {
    const rising = meanBy('QM0304001');
    const falling = meanBy('QM0502001');
    for (let i = 1; i < 4; i++) {
      expect(rising[i]!, `rising round ${i}`).toBeGreaterThan(rising[i - 1]!);
      expect(falling[i]!, `falling round ${i}`).toBeLessThan(falling[i - 1]!);
    }
    expect(falling[3]!).toBeLessThan(rising[3]! - 0.2);
  });

  it('does most follow-ups, retries some, loses a few, and leaves the newest open', () => {
    const plans = planFollowUps(followUps, story, TODAY);
    const statuses = new Map<string, number>();
    for (const plan of plans) statuses.set(plan.status, (statuses.get(plan.status) ?? 0) + 1);
    expect(statuses.get('done')! / plans.length).toBeGreaterThan(0.8);
    expect(statuses.get('retry')).toBeGreaterThan(0);
    expect(statuses.get('lost')).toBeGreaterThan(0);
    for (const plan of plans) {
      if (plan.status === 'done') expect(plan.answers).not.toBeNull();
      else expect(plan.answers).toBeNull();
      if (plan.status === 'lost') expect(plan.lostReason).not.toBeNull();
      if (plan.status === 'retry') expect(plan.nextAttemptOn! > TODAY).toBe(true);
    }
    const recent = planFollowUps([{ ...followUps[0]!, dueOn: addDays(TODAY, 3) }], story, TODAY)[0]!;
    expect(['due', 'assigned']).toContain(recent.status);
  });

  it('keeps answers inside the instrument’s constraints', () => {
    for (const plan of planFollowUps(followUps, story, TODAY)) {
      const a = plan.answers;
      if (a?.consent_interview !== 'yes') continue;
      expect(a.food_days_reduced).toBeGreaterThanOrEqual(0);
      expect(a.food_days_reduced).toBeLessThanOrEqual(7);
      if (a.children_out_of_school !== undefined) {
        expect(a.children_out_of_school).toBeLessThanOrEqual(a.school_age_children as number);
      }
      const barriers = a.service_barriers as string[];
      expect(!(barriers.includes('none') && barriers.length > 1)).toBe(true);
      expect(Array.isArray(a.separated_member) ? a.separated_member.length : 0).toBe(a.members_separated);
    }
  });

  it('gives each zone and round a dozen residents, better off than the struggling returnees', () => {
    const residents = planResidents(
      [
        { pcode: 'QM0502001', round: 12, collectedOn: TODAY },
        { pcode: 'QM0304001', round: 12, collectedOn: TODAY },
      ],
      { rising: ['QM0304'], falling: [] },
    );
    expect(residents).toHaveLength(2 * RESIDENTS_PER_ZONE_AND_ROUND);
    const values = residents.map((r) => index(r.answers)).filter((v): v is number => v !== null);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(meanBy('QM0502001')[3]!);
  });
});
