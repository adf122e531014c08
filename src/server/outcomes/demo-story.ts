import type { FollowUpMode, LostReason } from '../../shared/outcomes/constants.ts';
import { ROUNDS } from '../../shared/outcomes/constants.ts';
import type { Answers } from '../../shared/outcomes/form.ts';
import { type Random, seeded } from '../demo/random.ts';

/**
 * What the demo's returned households said after return (deterministic: seeded by each household's reference,
 * so the same answers on every load; only the dates follow the clock). No database here: demo.ts writes it.
 *
 * - Returnees to the thriving zones find work, eat enough and feel at home: their answers improve round by round.
 * - Returnees to the struggling zones, and any to the zone the zones demo downgrades, lose work and meals, feel
 *   less safe and think of leaving again: their answers worsen round by round, so that the scores fall and alerts
 *   are raised.
 * - Everyone else holds steady.
 * - Non-displaced residents of the same zones answer the same questions each round (a dozen households per zone
 *   and round): better off than the returnees at first, and the gap narrows in the thriving zones; in the
 *   downgraded zone they too are worse off in the later rounds.
 * - Most follow-ups due are done; some wait for another attempt after a missed call; a few are lost (not reached,
 *   moved away); those due in the last days are still open.
 */

export type Trend = 'rising' | 'falling' | 'steady';

export interface DemoOutcomeStory {
  /** Zones (P-codes, or a district's prefix) whose returnees do well. */
  rising: readonly string[];
  /** Zones whose returnees do worse each round: the downgraded zone and the struggling ones. */
  falling: readonly string[];
}

export interface StoryFollowUp {
  caseFollowUpId: string;
  reference: string;
  pcode: string;
  monthsAfterArrival: number;
  dueOn: string;
  headSex: string;
  headAge: number;
  members: number;
}

export interface PlannedFollowUp {
  caseFollowUpId: string;
  status: 'due' | 'assigned' | 'retry' | 'done' | 'lost';
  mode: FollowUpMode | null;
  attempts: number;
  nextAttemptOn: string | null;
  lostReason: LostReason | null;
  /** The day the round was answered (done only). */
  collectedOn: string | null;
  answers: Answers | null;
  disability: boolean;
}

export interface PlannedResident {
  /** Stable within the demo: `resident:<pcode>:<round>:<n>`. */
  key: string;
  pcode: string;
  round: number;
  collectedOn: string;
  answers: Answers;
  headSex: string;
  headAge: number;
  disability: boolean;
}

export const RESIDENTS_PER_ZONE_AND_ROUND = 12;
const DAY = 86_400_000;

export const addDays = (day: string, days: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);

const within = (pcode: string, zones: readonly string[]) => zones.some((zone) => pcode.startsWith(zone));

export function trendOf(pcode: string, story: DemoOutcomeStory): Trend {
  if (within(pcode, story.falling)) return 'falling';
  if (within(pcode, story.rising)) return 'rising';
  return 'steady';
}

/** How well a household fares in a round, on 0–1: its own level, moved by its zone's trend round by round. */
function wellbeing(base: number, trend: Trend, round: number, random: Random): number {
  const step = ROUNDS.indexOf(round as (typeof ROUNDS)[number]);
  const slope = trend === 'rising' ? 0.11 : trend === 'falling' ? -0.13 : 0.01;
  return Math.min(1, Math.max(0, base + slope * Math.max(0, step) + random.between(-0.06, 0.06)));
}

const FREQUENCY = ['never', 'sometimes', 'mostly', 'always'] as const;
const level = <T>(items: readonly T[], w: number): T =>
  items[Math.min(items.length - 1, Math.floor(w * items.length))]!;

/** The default instrument's answers of a household faring `w` (0 worst, 1 best). */
export function answersFor(
  w: number,
  random: Random,
  household: { pcode: string; headSex: string; headAge: number; members: number; disability: boolean },
): Answers {
  if (random.chance(0.02)) return { zone: household.pcode, consent_interview: 'no' };
  const jitter = () => Math.min(0.999, Math.max(0, w + random.between(-0.12, 0.12)));
  const schoolAge = random.int(0, Math.min(4, Math.max(0, household.members - 1)));
  const separated = w < 0.35 && random.chance(0.5) ? random.int(1, 2) : 0;
  const answers: Answers = {
    zone: household.pcode,
    consent_interview: 'yes',
    head_sex: household.headSex === 'male' ? 'male' : 'female',
    head_age: Math.min(110, Math.max(15, household.headAge)),
    head_disability: household.disability ? 'yes' : 'no',
    household_size: Math.min(40, Math.max(1, household.members)),
    income_source: level(['none', 'assistance', 'casual_work', 'farming', 'own_business', 'regular_job'], jitter()),
    income_enough: level(FREQUENCY, jitter()),
    debt: level(['unmanageable', 'manageable', 'none'], jitter()),
    food_days_reduced: Math.min(7, Math.max(0, Math.round((1 - jitter()) * 7 - 1))),
    productive_assets: jitter() > 0.5 ? 'yes' : 'no',
    housing: level(['none', 'shelter', 'damaged', 'hosted', 'rented', 'own'], jitter()),
    documents: level(['none', 'some', 'all'], Math.min(0.999, jitter() + 0.2)),
    health_access: random.chance(0.25) ? 'not_needed' : jitter() > 0.35 ? 'yes' : 'no',
    school_age_children: schoolAge,
    participation: level(FREQUENCY, jitter()),
    feels_safe: level(FREQUENCY, jitter()),
    discrimination: jitter() < 0.3 ? 'yes' : 'no',
    distress: level(['severe', 'moderate', 'mild', 'none'], jitter()),
    belonging: level(FREQUENCY, jitter()),
    migrate_again: level(['yes_planning', 'maybe', 'no', 'no'], jitter()),
    support_network: jitter() > 0.3 ? 'yes' : 'no',
    members_separated: separated,
    member_missing: w < 0.25 && random.chance(0.3) ? 'yes' : 'no',
    services_used: ['health', 'school', 'water', 'electricity', 'civil_registry', 'livelihood_support'].filter(() =>
      random.chance(0.2 + w * 0.5),
    ),
    water_access: jitter() > 0.3 ? 'yes' : 'no',
    electricity_access: jitter() > 0.35 ? 'yes' : 'no',
    service_barriers:
      w > 0.65 ? ['none'] : [level(['insecurity', 'discrimination', 'documents', 'cost', 'distance'], jitter())],
    interviewer_notes: '',
  };
  if (schoolAge > 0) answers.children_out_of_school = w < 0.35 ? Math.min(schoolAge, 1) : 0;
  if (separated > 0) {
    answers.reunification_wish = 'yes';
    answers.separated_member = Array.from({ length: separated }, () => ({
      relationship: random.pick(['spouse', 'child', 'parent', 'sibling', 'other']),
      location_known: random.chance(0.6) ? 'yes' : 'no',
    }));
  }
  return answers;
}

/** The follow-ups due by `today`, with what became of each and, when done, the answers. */
export function planFollowUps(
  followUps: readonly StoryFollowUp[],
  story: DemoOutcomeStory,
  today: string,
): PlannedFollowUp[] {
  return followUps.map((followUp) => {
    // One level per household, the same in every round; each round then draws its own answers.
    const household = seeded(`outcomes:${followUp.reference}`);
    const trend = trendOf(followUp.pcode, story);
    const base = trend === 'falling' ? household.between(0.55, 0.75) : household.between(0.3, 0.55);
    const disability = household.chance(0.12);
    const random = seeded(`outcomes:${followUp.reference}:${followUp.monthsAfterArrival}`);
    const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${followUp.dueOn}T00:00:00Z`)) / DAY;
    const fate = random.next();
    const planned: PlannedFollowUp = {
      caseFollowUpId: followUp.caseFollowUpId,
      status: 'done',
      mode: random.pick(['phone', 'phone', 'visit', 'link'] as const),
      attempts: 1,
      nextAttemptOn: null,
      lostReason: null,
      collectedOn: null,
      answers: null,
      disability,
    };
    if (age < 7) return { ...planned, status: random.chance(0.5) ? 'due' : 'assigned', attempts: 0, mode: null };
    if (fate < 0.04 && age > 28) {
      return {
        ...planned,
        status: 'lost',
        attempts: 3,
        lostReason: random.pick(['not_reached', 'moved_away'] as const),
      };
    }
    if (fate < 0.12)
      return { ...planned, status: 'retry', attempts: 1, nextAttemptOn: addDays(today, random.int(1, 6)) };
    const w = wellbeing(base, trend, followUp.monthsAfterArrival, random);
    const collectedOn = addDays(followUp.dueOn, Math.min(random.int(0, 6), Math.floor(age)));
    return { ...planned, collectedOn, answers: answersFor(w, random, { ...followUp, disability }) };
  });
}

/** The residents' rounds: in each zone, the rounds returnees answered there, a dozen households each. */
export function planResidents(
  rounds: readonly { pcode: string; round: number; collectedOn: string }[],
  story: DemoOutcomeStory,
): PlannedResident[] {
  const residents: PlannedResident[] = [];
  for (const { pcode, round, collectedOn } of rounds) {
    const trend = trendOf(pcode, story);
    for (let n = 0; n < RESIDENTS_PER_ZONE_AND_ROUND; n++) {
      const key = `resident:${pcode}:${round}:${n}`;
      const household = seeded(`outcomes:${pcode}:resident:${n}`);
      const base = household.between(0.55, 0.8);
      const headSex = household.chance(0.3) ? 'female' : 'male';
      const headAge = household.int(22, 75);
      const members = household.int(1, 9);
      const disability = household.chance(0.1);
      const random = seeded(`outcomes:${key}`);
      // Residents of a falling zone feel it later and less; elsewhere they hold steady.
      const w = wellbeing(base, trend === 'falling' ? 'falling' : 'steady', round, random);
      const answers = answersFor(w, random, {
        pcode,
        headSex,
        headAge,
        members,
        disability,
      });
      residents.push({ key, pcode, round, collectedOn, answers, headSex, headAge, disability });
    }
  }
  return residents;
}
