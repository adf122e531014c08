import {
  type CaseStage,
  type CoercionIndicator,
  type DocumentKind,
  type DocumentStatus,
  type Relationship,
  type Sex,
  SPECIFIC_NEEDS,
  type SpecificNeed,
} from '../../shared/cases/constants.ts';
import type { ZoneClass } from '../../shared/zones/constants.ts';
import { type Random, seeded } from '../demo/random.ts';
import type { PersonalFields } from './person-fields.ts';
import { newCaseReference, newStatusCode } from './references.ts';

/**
 * The demo region's returnee households (deterministic: the same people, references and slip codes on every
 * load; only the dates follow the clock). About 2,000 households, registered by the UN agency in Tarnesia and
 * Oruvia, at every stage from a first registration to an arrival home a year ago:
 *
 * - most who declared and passed eligibility go to the zones that are conducive; a few to conditionally
 *   conducive zones, with the conditions addressed for them;
 * - those intending to return to the location with mines on its roads (DEMO_ZONE_STORY.hardRed) or to the
 *   remote locations were found not eligible by the non-refoulement guard; some appealed, and the monitoring
 *   centre reviewed the appeals;
 * - a convoy to the deteriorating location was suspended when its class was downgraded;
 * - some people withdrew, at any step, and nothing was held against them;
 * - a counsellor recorded a family member deciding for an adult: a protection flag is open.
 *
 * Names, documents and phones are invented: given and family names common across the region, combined at
 * random; phone numbers in +990, a country code no state holds; document numbers in the demo states' letters.
 */

export const DEMO_HOUSEHOLDS = 2000;
const DAY = 86_400_000;

const GIVEN = {
  female: [
    'Amina',
    'Fatima',
    'Zainab',
    'Maryam',
    'Huda',
    'Noor',
    'Rania',
    'Samira',
    'Layla',
    'Hana',
    'Dilan',
    'Shirin',
    'Avin',
    'Rojin',
    'Nasrin',
    'Salma',
    'Rahaf',
    'Yasmin',
    'Khadija',
    'Asma',
    'Bushra',
    'Ruqaya',
    'Sana',
    'Nadia',
  ],
  male: [
    'Ahmad',
    'Mohammed',
    'Ali',
    'Hassan',
    'Omar',
    'Yusuf',
    'Khalid',
    'Ibrahim',
    'Mustafa',
    'Karwan',
    'Rebwar',
    'Dilshad',
    'Azad',
    'Saman',
    'Hussein',
    'Bilal',
    'Tariq',
    'Walid',
    'Jamal',
    'Sami',
    'Faris',
    'Adnan',
    'Majid',
  ],
} as const;
const FAMILY = [
  'Haddad',
  'Khalil',
  'Mansour',
  'Saleh',
  'Hamid',
  'Jaber',
  'Barzani',
  'Rashid',
  'Aziz',
  'Karim',
  'Younes',
  'Othman',
  'Qadir',
  'Salih',
  'Hawrami',
  'Nouri',
  'Darwish',
  'Sharif',
  'Abbas',
  'Hilal',
  'Zaki',
  'Farhan',
  'Naji',
  'Suleiman',
  'Mahmoud',
  'Bakr',
  'Taha',
  'Ismail',
  'Kurdi',
  'Amin',
] as const;

export interface DemoPerson {
  relationship: Relationship;
  sex: Sex;
  fields: PersonalFields;
  documentStatus: DocumentStatus;
  unaccompanied: boolean;
}

export interface DemoStep {
  intentionOn: string;
  sessions: { heldOn: string; language: string; private: boolean; indicators: CoercionIndicator[] }[];
  informedOn: string | null;
  goAndSeeOn: string | null;
  declaredOn: string | null;
  withdrawnOn: string | null;
}

export interface DemoHousehold {
  reference: string;
  statusCode: string;
  asylumStateCode: 'QT' | 'QO';
  intendedPcode: string;
  stage: CaseStage;
  registeredAt: Date;
  people: DemoPerson[];
  /** The adults' (and unaccompanied children's) voluntariness files, by member position. */
  files: Map<number, DemoStep>;
  registration: { decidedOn: string | null; dueOn: string };
  eligibility: {
    openedOn: string;
    dueOn: string;
    decidedOn: string | null;
    outcome: 'eligible' | 'not_eligible';
  } | null;
  departure: { openedOn: string; dueOn: string; decidedOn: string | null } | null;
  /** Conditions of a conditionally conducive destination addressed for this household. */
  conditionsAddressed: boolean;
  protectionFlag: 'open' | 'closed' | null;
  movement: { departsOn: string; arrivedOn: string | null; suspended: boolean } | null;
  appeal: { lodgedOn: string; dueOn: string; decidedOn: string | null; outcome: 'upheld' | 'referred' | null } | null;
}

export interface DemoDestinations {
  conducive: readonly string[];
  /** Conducive in every month of the story: where last year's arrivals went. */
  alwaysConducive: readonly string[];
  conditionallyConducive: readonly string[];
  notConducive: readonly string[];
  any: readonly string[];
  /** The location downgraded in the last months, and the day its downgrade was published. */
  deteriorating: { pcode: string; downgradedOn: string; from: ZoneClass; to: ZoneClass; period: string } | null;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);
const addDays = (date: string, days: number): string => day(new Date(Date.parse(date) + days * DAY));
/** The earlier of two ISO days. */
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** How many households are at each stage (out of DEMO_HOUSEHOLDS), besides the suspended convoy. */
const STAGE_SHARES: readonly [CaseStage, number][] = [
  ['registered', 0.1],
  ['counselling', 0.15],
  ['declared', 0.1],
  ['eligible', 0.08],
  ['not_eligible', 0.05],
  ['departure_scheduled', 0.08],
  ['departed', 0.01],
  ['arrived', 0.37],
  ['withdrawn', 0.06],
];
const SUSPENDED_CONVOY = 12;

function person(random: Random, sex: Sex, birthYear: number, relationship: Relationship, family: string): DemoPerson {
  const month = random.int(1, 12);
  const dayOfMonth = random.int(1, 28);
  const documents: { kind: DocumentKind; number: string }[] = [];
  const adult = birthYear <= 2008;
  if (adult || random.chance(0.5))
    documents.push({ kind: 'refugee_id', number: `R${random.int(10_000_000, 99_999_999)}` });
  if (adult && random.chance(0.6))
    documents.push({ kind: 'national_id', number: `QM${random.int(100_000_000, 999_999_999)}` });
  if (!adult && random.chance(0.7))
    documents.push({ kind: 'birth_certificate', number: `B${random.int(1_000_000, 9_999_999)}` });
  const phones = adult && random.chance(0.8) ? [`+9907${random.int(10_000_000, 99_999_999)}`] : [];
  return {
    relationship,
    sex,
    fields: {
      name: { given: random.pick(GIVEN[sex === 'other' ? 'female' : sex]), family, other: random.pick(GIVEN.male) },
      dateOfBirth: `${birthYear}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`,
      documents,
      phones,
      needs: [],
    },
    documentStatus: documents.length > 0 ? 'available' : 'replacement_arranged',
    unaccompanied: false,
  };
}

/** A household: a head, often a spouse, children younger than both by 16 years or more, now and then a grandparent. */
function members(random: Random, thisYear: number): DemoPerson[] {
  const family = random.pick(FAMILY);
  if (random.chance(0.01)) {
    const child = person(
      random,
      random.pick(['female', 'male'] as const),
      thisYear - random.int(15, 17),
      'head',
      family,
    );
    child.unaccompanied = true;
    child.fields = { ...child.fields, needs: [{ need: 'unaccompanied_or_separated_child' }] };
    return [child];
  }
  const headSex = random.chance(0.75) ? 'male' : 'female';
  const headYear = thisYear - random.int(22, 65);
  const people = [person(random, headSex, headYear, 'head', family)];
  const single = random.chance(0.15);
  if (!single)
    people.push(person(random, headSex === 'male' ? 'female' : 'male', headYear + random.int(-3, 6), 'spouse', family));
  const children = random.int(0, 5);
  for (let i = 0; i < children; i++) {
    const youngest = Math.max(headYear + 18, thisYear - 17);
    // Born last year at the latest, so that no date of birth falls after the day the demo is loaded.
    const birthYear = Math.min(thisYear - 1, random.int(youngest, Math.min(thisYear - 1, headYear + 42)));
    if (birthYear - headYear < 16) continue;
    people.push(person(random, random.pick(['female', 'male'] as const), birthYear, 'child', family));
  }
  if (random.chance(0.1) && headYear - 20 > thisYear - 95) {
    people.push(
      person(random, random.pick(['female', 'male'] as const), headYear - random.int(20, 30), 'parent', family),
    );
  }
  if (single && children > 0) people[0]!.fields = { ...people[0]!.fields, needs: [{ need: 'single_parent' }] };
  if (random.chance(0.1)) {
    const member = random.pick(people);
    const need: SpecificNeed = random.pick(SPECIFIC_NEEDS.filter((n) => n !== 'unaccompanied_or_separated_child'));
    member.fields = { ...member.fields, needs: [...member.fields.needs, { need }] };
  }
  return people;
}

/** Plans for every specific need, as a case worker records them before eligibility. */
const PLANS: Record<SpecificNeed, string> = {
  disability: 'Accessible transport booked; the health centre at home confirmed a follow-up appointment.',
  serious_medical_condition: 'Three months of medicine handed over; referral letter to the district hospital.',
  unaccompanied_or_separated_child: 'Family tracing found an aunt at home; a best-interests determination was held.',
  older_person_at_risk: 'Travels with a family member; a home visit by the district social worker is planned.',
  survivor_of_violence: 'Referred to a women’s centre near home with her consent; a safe contact agreed.',
  single_parent: 'Cash assistance for six months and a place at the local school for the children.',
};

function withPlans(people: DemoPerson[]): void {
  for (const member of people) {
    member.fields = {
      ...member.fields,
      needs: member.fields.needs.map((need) => ({ need: need.need, plan: PLANS[need.need] })),
    };
  }
}

/** The order of the stages, for "at least this far". */
const ORDER: readonly CaseStage[] = [
  'registered',
  'counselling',
  'declared',
  'eligible',
  'departure_scheduled',
  'departed',
  'arrived',
];
const reached = (stage: CaseStage, step: CaseStage) => ORDER.indexOf(stage) >= ORDER.indexOf(step);

export function generateDemoHouseholds(destinations: DemoDestinations, now: Date): DemoHousehold[] {
  const random = seeded('homeward demo returnee households');
  const codes = seeded('homeward demo slip codes');
  const pick = (n: number) => Math.floor(codes.next() * n);
  const today = day(now);
  const thisYear = now.getUTCFullYear();
  const stages: CaseStage[] = [];
  for (const [stage, share] of STAGE_SHARES) {
    for (let i = 0; i < Math.round(share * DEMO_HOUSEHOLDS); i++) stages.push(stage);
  }
  const households: DemoHousehold[] = [];
  const references = new Set<string>();
  const newReference = () => {
    for (;;) {
      const reference = newCaseReference(pick);
      if (!references.has(reference)) {
        references.add(reference);
        return reference;
      }
    }
  };

  const make = (stage: CaseStage, convoy = false): DemoHousehold => {
    const people = members(random, thisYear);
    const languages = ['ar', 'ar', 'ar', 'ckb', 'kmr', 'en'];
    // How long ago the household registered: long enough for the steps its stage needs.
    const span: Record<CaseStage, [number, number]> = {
      registered: [1, 25],
      counselling: [20, 80],
      declared: [45, 110],
      eligible: [70, 140],
      not_eligible: [70, 200],
      departure_scheduled: [80, 160],
      departed: [90, 150],
      arrived: [120, 380],
      withdrawn: [30, 200],
      closed: [200, 300],
    };
    const [least, most] = convoy ? [150, 200] : span[stage];
    const registeredAt = new Date(now.getTime() - random.int(least, most) * DAY - random.int(0, 8 * 3600) * 1000);
    const registeredOn = day(registeredAt);
    let destination: string;
    let conditionsAddressed = false;
    if (convoy && destinations.deteriorating) destination = destinations.deteriorating.pcode;
    else if (stage === 'arrived' || stage === 'departed') destination = random.pick(destinations.alwaysConducive);
    else if (stage === 'eligible' || stage === 'departure_scheduled') {
      conditionsAddressed = destinations.conditionallyConducive.length > 0 && random.chance(0.2);
      destination = random.pick(conditionsAddressed ? destinations.conditionallyConducive : destinations.conducive);
    } else if (stage === 'not_eligible') destination = random.pick(destinations.notConducive);
    else destination = random.pick(destinations.any);

    const household: DemoHousehold = {
      reference: newReference(),
      statusCode: newStatusCode(pick),
      asylumStateCode: random.chance(0.6) ? 'QT' : 'QO',
      intendedPcode: destination,
      stage,
      registeredAt,
      people,
      files: new Map(),
      registration: { dueOn: addDays(registeredOn, 14), decidedOn: null },
      eligibility: null,
      departure: null,
      conditionsAddressed,
      protectionFlag: null,
      movement: null,
      appeal: null,
    };
    if (stage === 'registered') {
      if (random.chance(0.4)) household.registration.decidedOn = addDays(registeredOn, random.int(1, 10));
      return household;
    }
    household.registration.decidedOn = addDays(registeredOn, random.int(1, 10));

    // The voluntariness files: every adult, and an unaccompanied child.
    const intentionOn = addDays(household.registration.decidedOn, random.int(1, 10));
    const adults = people
      .map((member, position) => ({ member, position }))
      .filter(({ member }) => Number(member.fields.dateOfBirth.slice(0, 4)) <= thisYear - 18 || member.unaccompanied);
    const withdrawAt = stage === 'withdrawn' ? random.pick(['intention', 'counselling', 'declaration'] as const) : null;
    const declares = reached(stage, 'declared') || stage === 'not_eligible' || convoy || withdrawAt === 'declaration';
    const counselled = stage !== 'withdrawn' || withdrawAt !== 'intention';
    let lastDeclaration: string | null = null;
    for (const { position } of adults) {
      const sessions: DemoStep['sessions'] = [];
      let at = intentionOn;
      if (counselled) {
        for (let s = 0; s < random.int(1, 3); s++) {
          at = addDays(at, random.int(3, 12));
          sessions.push({ heldOn: at, language: random.pick(languages), private: random.chance(0.9), indicators: [] });
        }
      }
      const goAndSee = declares && random.chance(0.15) ? addDays(at, random.int(2, 6)) : null;
      const declaredOn = declares ? addDays(goAndSee ?? at, random.int(2, 8)) : null;
      if (declaredOn && (!lastDeclaration || declaredOn > lastDeclaration)) lastDeclaration = declaredOn;
      household.files.set(position, {
        intentionOn,
        sessions,
        informedOn: sessions[0]?.heldOn ?? null,
        goAndSeeOn: goAndSee,
        declaredOn,
        withdrawnOn: null,
      });
    }
    // Keep every step in the past: the clock moves on between loads, the story does not.
    for (const file of household.files.values()) {
      if (file.declaredOn && file.declaredOn > today) file.declaredOn = today;
      for (const session of file.sessions) if (session.heldOn > today) session.heldOn = today;
    }
    if (stage === 'withdrawn') {
      const [first] = household.files.values();
      if (first) {
        const last = first.declaredOn ?? first.sessions.at(-1)?.heldOn ?? first.intentionOn;
        first.withdrawnOn = earlier(addDays(last, random.int(1, 5)), today);
      }
      return household;
    }
    if (stage === 'counselling') return household;
    if (lastDeclaration === null) return household;
    withPlans(people);

    const coolingOffEnds = addDays(lastDeclaration, 7);
    const eligibilityOpened = lastDeclaration;
    household.eligibility = {
      openedOn: eligibilityOpened,
      dueOn: addDays(eligibilityOpened, 30),
      decidedOn: null,
      outcome: stage === 'not_eligible' ? 'not_eligible' : 'eligible',
    };
    if (stage === 'declared') return household;
    const decidedOn = addDays(coolingOffEnds, random.int(0, 6));
    household.eligibility.decidedOn = earlier(decidedOn, today);
    if (stage === 'not_eligible') {
      if (random.chance(0.35)) {
        const lodgedOn = addDays(household.eligibility.decidedOn, random.int(2, 12));
        if (lodgedOn <= today) {
          const decided = random.chance(0.55);
          const decisionDay = addDays(lodgedOn, random.int(5, 25));
          household.appeal = {
            lodgedOn,
            dueOn: addDays(lodgedOn, 30),
            decidedOn: decided && decisionDay <= today ? decisionDay : null,
            outcome: decided && decisionDay <= today ? (random.chance(0.8) ? 'upheld' : 'referred') : null,
          };
        }
      }
      return household;
    }
    household.departure = {
      openedOn: household.eligibility.decidedOn,
      dueOn: addDays(household.eligibility.decidedOn, 14),
      decidedOn: null,
    };
    if (stage === 'eligible' && !convoy) return household;
    household.departure.decidedOn = addDays(household.departure.openedOn, random.int(1, 6));
    if (household.departure.decidedOn > today) household.departure.decidedOn = today;
    return household;
  };

  for (const stage of stages) households.push(make(stage));
  // The convoy to the deteriorating location, planned while it was conducive, suspended by its downgrade.
  if (destinations.deteriorating) {
    for (let i = 0; i < SUSPENDED_CONVOY; i++) {
      const household = make('departure_scheduled', true);
      // As the suspension leaves them (suspensions.ts): the zone no longer passes the destination rule.
      household.stage = 'not_eligible';
      household.asylumStateCode = 'QT';
      const before = addDays(destinations.deteriorating.downgradedOn, -2);
      if (household.eligibility?.decidedOn && household.eligibility.decidedOn > before)
        household.eligibility.decidedOn = before;
      if (household.departure?.decidedOn && household.departure.decidedOn > before)
        household.departure.decidedOn = before;
      household.movement = {
        departsOn: addDays(destinations.deteriorating.downgradedOn, 6),
        arrivedOn: null,
        suspended: true,
      };
      households.push(household);
    }
  }
  // A family member deciding for an adult: recorded in the last session, a protection flag open.
  const counselling = households.filter((household) => household.stage === 'counselling');
  for (const household of counselling.slice(0, 3)) {
    const file = household.files.values().next().value;
    const session = file?.sessions.at(-1);
    if (session) {
      session.indicators = ['family_decides_for_adult'];
      household.protectionFlag = 'open';
    }
  }
  const threatened = counselling.at(-1);
  const lastSession = threatened?.files.values().next().value?.sessions.at(-1);
  if (threatened && lastSession) {
    lastSession.indicators = ['threats', 'withheld_aid'];
    threatened.protectionFlag = 'closed';
  }
  // Departure dates: weekly convoys (Tuesdays) per state of asylum, in the past for those who went, ahead for those
  // scheduled.
  for (const household of households) {
    if (household.movement || !household.departure?.decidedOn) continue;
    const after = addDays(household.departure.decidedOn, 3);
    const departsOn = nextTuesday(
      household.stage === 'departure_scheduled' && after <= today ? addDays(today, 1) : after,
    );
    if (household.stage === 'departure_scheduled')
      household.movement = { departsOn, arrivedOn: null, suspended: false };
    else if (household.stage === 'departed')
      household.movement = { departsOn: nextTuesday(addDays(today, -6)), arrivedOn: null, suspended: false };
    else if (household.stage === 'arrived' && departsOn < today) {
      household.movement = { departsOn, arrivedOn: addDays(departsOn, 1), suspended: false };
    } else if (household.stage === 'arrived') {
      household.stage = 'departure_scheduled';
      household.movement = { departsOn: nextTuesday(addDays(today, 1)), arrivedOn: null, suspended: false };
    }
  }
  return households;
}

function nextTuesday(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, (2 - weekday + 7) % 7);
}
