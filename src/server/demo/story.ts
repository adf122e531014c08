import {
  type FrameworkDefinition,
  type IndicatorDefinition,
  type ObservationSource,
  type ObservationStatus,
  UNITS,
} from '../../shared/zones/schemas.ts';
import { shiftPeriod, thresholdStatus } from '../zones/rules/classify.ts';
import { checkValue, indicatorsOf } from '../zones/rules/framework.ts';
import type { DemoZone } from './gazetteer.ts';
import { seeded } from './random.ts';

/**
 * What happened in Marenland's return zones over the months the demo covers, as indicator observations
 * (deterministic: the same story on every load, only the month names follow the clock).
 *
 * - Most zones are conditionally conducive: a few indicators amber (claims for land unresolved, too little
 *   work), nothing red.
 * - The locations of one district (DEMO_ZONE_STORY.improvingDistrict) recover: homes rebuilt, claims
 *   resolved, services back; not conducive at first, then conditionally conducive, then conducive.
 * - One location (deteriorating) is conducive until the last months, when incidents and arbitrary detention
 *   spike: conditionally conducive, then not conducive; the current month's reports wait for a verifier.
 * - One location (hardRed) is green on everything but mines on its return routes: not conducive every month.
 * - A few remote locations are reached only by telephone for security: insufficient data.
 *
 * The tripartite agreement, monitors' access and the amnesty are observed once for the state (QM) and hold
 * for every zone inside it (assessment inherits an ancestor's observations); courts, legal aid, registry
 * offices, document delays and voter rolls per province; services, water, shelter, markets, movement,
 * family tracing and councils per district; security, perceived safety, food, work, housing and property
 * per location. Incidents and detentions are observed every month, mines, hostilities and what changes
 * within half a year every quarter, the rest twice a year (every indicator also in the first month), so no
 * zone runs out of fresh data by accident (freshness windows of 3, 6 and 12 months).
 *
 * Three organisations submit (the monitoring centre's field teams, the civil-society network, the UN
 * agency); the independent monitors confirm nearly everything, reject a few values with a reason, and have
 * not yet decided a handful of the current month's.
 */

export const DEMO_ZONE_STORY = {
  /** Mines on the return routes: not conducive in every month, whatever else holds. */
  hardRed: 'QM0401003',
  /** Conducive, then incidents and detentions spike in the last months: not conducive. */
  deteriorating: 'QM0102002',
  /** Every location of this district improves from not conducive to conducive. */
  improvingDistrict: 'QM0203',
  /** Reached only by telephone: insufficient data. */
  remote: ['QM0605001', 'QM0605002', 'QM0605003'],
  /** Districts whose own indicators are all green (their locations can be conducive). */
  goodDistricts: ['QM0102', 'QM0203', 'QM0304', 'QM0401', 'QM0502'],
  /** Districts whose locations are conducive throughout. */
  conduciveDistricts: ['QM0304', 'QM0502'],
} as const;

export type DemoOrganisationKey = 'jmc' | 'cso' | 'un';

export interface DemoObservation {
  pcode: string;
  indicator: string;
  period: string;
  value: number;
  source: ObservationSource;
  method: string;
  organisation: DemoOrganisationKey;
  status: ObservationStatus;
  /** Why the verifier rejected it or asked for more evidence. */
  reason: string | null;
  evidenceNotes: string | null;
  submittedAt: Date;
  /** When the verifier decided (or asked for evidence); null while pending. */
  decidedAt: Date | null;
}

type Level = 'state' | 'admin1' | 'admin2' | 'location';
type Band = 'green' | 'amber' | 'red';

interface Plan {
  level: Level;
  organisation: DemoOrganisationKey;
  source: ObservationSource;
  /** Observed in the months that are a multiple of this (0, 3, 6… for a quarterly one). */
  every: 1 | 3 | 6;
  method: string;
}

/**
 * Who observes each indicator, at which level, how, and every how many months (never less often than its
 * freshness window, so that a value is always fresh).
 */
const PLANS: Record<string, Plan> = {
  security_incidents: {
    level: 'location',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 1,
    method: 'Incident log of the centre’s field team, cross-checked with the local council and the police station',
  },
  arbitrary_detention: {
    level: 'location',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 1,
    method: 'Detention monitoring: visits to police stations and interviews with the families of those held',
  },
  mines_uxo_on_routes: {
    level: 'location',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 3,
    method: 'Route survey with the mine action authority on the main return routes',
  },
  active_hostilities: {
    level: 'location',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 3,
    method: 'Field visit and security briefing with the protection cluster',
  },
  perceived_safety: {
    level: 'location',
    organisation: 'cso',
    source: 'survey',
    every: 3,
    method: 'Perception survey by the network’s volunteers (80 residents)',
  },
  food_consumption: {
    level: 'location',
    organisation: 'un',
    source: 'survey',
    every: 3,
    method: 'Household survey, food consumption score (120 households)',
  },
  employment_rate: {
    level: 'location',
    organisation: 'un',
    source: 'survey',
    every: 3,
    method: 'Household survey, labour module (120 households)',
  },
  housing_destroyed: {
    level: 'location',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 6,
    method: 'Shelter damage assessment: satellite imagery checked street by street',
  },
  hlp_claims_resolved: {
    level: 'location',
    organisation: 'cso',
    source: 'partner_report',
    every: 6,
    method: 'Case records of the network’s legal aid clinics',
  },
  secondary_occupation: {
    level: 'location',
    organisation: 'cso',
    source: 'key_informant_interview',
    every: 6,
    method: 'Interviews with returnees and the local housing committee',
  },
  movement_restrictions: {
    level: 'admin2',
    organisation: 'cso',
    source: 'key_informant_interview',
    every: 3,
    method: 'Interviews with community leaders, women’s groups and transport drivers',
  },
  water_access: {
    level: 'admin2',
    organisation: 'un',
    source: 'survey',
    every: 3,
    method: 'Household survey with checks of the water points',
  },
  pressure_to_return: {
    level: 'admin2',
    organisation: 'cso',
    source: 'key_informant_interview',
    every: 3,
    method: 'Interviews with recently returned households',
  },
  electricity_hours: {
    level: 'admin2',
    organisation: 'jmc',
    source: 'key_informant_interview',
    every: 3,
    method: 'Supply log of the district electricity office, checked with households',
  },
  health_facilities: {
    level: 'admin2',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 3,
    method: 'Visits to every health facility of the district with the health cluster’s checklist',
  },
  market_functionality: {
    level: 'admin2',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 3,
    method: 'Market monitoring with the food-security cluster’s checklist',
  },
  adequate_shelter: {
    level: 'admin2',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 6,
    method: 'Shelter assessment of returnee households (60 households)',
  },
  farmland_access: {
    level: 'admin2',
    organisation: 'un',
    source: 'survey',
    every: 6,
    method: 'Survey of farming households',
  },
  returnees_with_id: {
    level: 'admin2',
    organisation: 'un',
    source: 'partner_report',
    every: 6,
    method: 'Registration data of returnee households',
  },
  measles_vaccination: {
    level: 'admin2',
    organisation: 'un',
    source: 'partner_report',
    every: 6,
    method: 'Vaccination records of the health cluster',
  },
  schools_functioning: {
    level: 'admin2',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 6,
    method: 'Visits to the district’s schools with the education office',
  },
  tracing_cases_resolved: {
    level: 'admin2',
    organisation: 'un',
    source: 'partner_report',
    every: 6,
    method: 'Family tracing caseload of the protection partners',
  },
  separated_children_reunited: {
    level: 'admin2',
    organisation: 'un',
    source: 'partner_report',
    every: 6,
    method: 'Child protection caseload of the partners',
  },
  local_council_participation: {
    level: 'admin2',
    organisation: 'cso',
    source: 'key_informant_interview',
    every: 6,
    method: 'Council minutes and interviews with returnee representatives',
  },
  civil_registry_offices: {
    level: 'admin1',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 6,
    method: 'Visits to the province’s civil registry offices',
  },
  document_replacement_days: {
    level: 'admin1',
    organisation: 'un',
    source: 'partner_report',
    every: 6,
    method: 'Case records of the legal aid partners (median days)',
  },
  voter_registration: {
    level: 'admin1',
    organisation: 'un',
    source: 'partner_report',
    every: 6,
    method: 'Electoral roll of returnee communities',
  },
  courts_functioning: {
    level: 'admin1',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 6,
    method: 'Visits to the province’s courts: hearings held in the month',
  },
  legal_aid_access: {
    level: 'admin1',
    organisation: 'cso',
    source: 'partner_report',
    every: 6,
    method: 'Coverage of the province by legal aid clinics',
  },
  amnesty_in_force: {
    level: 'state',
    organisation: 'un',
    source: 'partner_report',
    every: 6,
    method: 'Legal review of the amnesty law and of how it is applied',
  },
  tripartite_agreement: {
    level: 'state',
    organisation: 'un',
    source: 'partner_report',
    every: 6,
    method: 'Text of the agreement and minutes of the tripartite commission',
  },
  monitor_access: {
    level: 'state',
    organisation: 'jmc',
    source: 'monitoring_visit',
    every: 1,
    method: 'Access log of the independent monitors: visits planned and visits made',
  },
};

const REMOTE_METHOD = 'Remote monitoring: telephone interviews with key informants (field teams have no access)';

/** Amber on one of these makes its criterion amber, so a location with one is conditionally conducive. */
const STRONG_AMBER = ['hlp_claims_resolved', 'secondary_occupation', 'employment_rate'];
/** Amber on one of these alone leaves its criterion green (two of them may not). */
const WEAK_AMBER = ['perceived_safety', 'food_consumption', 'housing_destroyed', 'security_incidents'];
/** A district's indicators: amber on the first kind makes its locations' criterion amber. */
const DISTRICT_STRONG_AMBER = ['tracing_cases_resolved', 'separated_children_reunited', 'local_council_participation'];
const DISTRICT_WEAK_AMBER = [
  'electricity_hours',
  'health_facilities',
  'market_functionality',
  'measles_vaccination',
  'water_access',
  'adequate_shelter',
  'farmland_access',
  'movement_restrictions',
  'pressure_to_return',
];

const REJECTIONS: { indicator: string; organisation: DemoOrganisationKey; reason: string }[] = [
  {
    indicator: 'security_incidents',
    organisation: 'cso',
    reason: 'The count comes from posts on social media; none could be traced to a field visit or a named informant.',
  },
  {
    indicator: 'food_consumption',
    organisation: 'cso',
    reason: 'Sample too small (14 households) to stand for the location.',
  },
  {
    indicator: 'perceived_safety',
    organisation: 'un',
    reason: 'The figure is for the whole district, not this location.',
  },
  {
    indicator: 'housing_destroyed',
    organisation: 'un',
    reason:
      'Same assessment as the centre’s confirmed report, with a different count; the centre’s count matches the imagery.',
  },
];

/** Values of the deteriorating location's last months, from the fourth-last past month to the current one. */
const DETERIORATION = {
  security_incidents: [3.4, 7.9, 12.6, 15.3],
  arbitrary_detention: [1.2, 2.7, 4.1, 4.6],
};
const DETERIORATION_NOTES = [
  'Armed men at the checkpoint on the market road stopped two returnee families and took their documents.',
  'Three young men detained overnight after the market-road checkpoint; released without charge.',
  'Night raids on two streets near the school; families say men are being taken for questioning.',
  'Shops on the market road closed after a shooting; the council asks returnees to stay away for now.',
];

export interface StoryOptions {
  zones: readonly DemoZone[];
  framework: FrameworkDefinition;
  /** How many past months the story covers (DEMO_MONTHS: 12; the phases scale with it). */
  months: number;
  /** The current month, YYYY-MM: the story's last month, not yet published. */
  current: string;
  now: Date;
}

export interface Story {
  periods: string[];
  observations: DemoObservation[];
  improving: string[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function round(indicator: IndicatorDefinition, value: number): number {
  const { min, max } = UNITS[indicator.unit];
  const clamped = Math.min(max, Math.max(min, value));
  switch (indicator.unit) {
    case 'rate_per_10000':
    case 'score_1_5':
    case 'km':
      return Math.round(clamped * 10) / 10;
    default:
      return Math.round(clamped);
  }
}

/** A value of the band asked, `t` (0 to 1) saying where in the band: 0 near its better end. */
export function valueIn(indicator: IndicatorDefinition, band: Band, t: number): number {
  const higher = indicator.direction === 'higher_is_better';
  const { min, max } = UNITS[indicator.unit];
  const better = higher ? 1 : -1;
  const pick = (): number => {
    if (indicator.unit === 'yes_no') return band === 'green' ? indicator.green : higher ? 0 : 1;
    const span = Math.abs(indicator.green - indicator.red);
    if (indicator.unit === 'count') {
      if (band === 'green') return indicator.green;
      if (band === 'amber') return indicator.green + better * -Math.max(1, Math.floor(span / 2));
      return indicator.red - better * (1 + Math.floor(t * 3));
    }
    if (band === 'green') {
      const room = higher ? max - indicator.green : indicator.green - min;
      return indicator.green + better * (0.8 - 0.7 * t) * Math.min(span, room);
    }
    if (band === 'amber') return indicator.green - better * (0.15 + 0.7 * t) * span;
    const room = higher ? indicator.red - min : max - indicator.red;
    return indicator.red - better * (0.1 + 0.8 * t) * Math.min(span, room);
  };
  let value = round(indicator, pick());
  if (thresholdStatus(indicator, value) !== band) value = round(indicator, midpoint(indicator, band));
  if (thresholdStatus(indicator, value) !== band || checkValue(indicator, value)) {
    throw new Error(`the demo cannot give ${indicator.code} a ${band} value`);
  }
  return value;
}

function midpoint(indicator: IndicatorDefinition, band: Band): number {
  const higher = indicator.direction === 'higher_is_better';
  const { min, max } = UNITS[indicator.unit];
  if (band === 'amber') return (indicator.green + indicator.red) / 2;
  if (band === 'green') return (indicator.green + (higher ? max : min)) / 2;
  return (indicator.red + (higher ? min : max)) / 2;
}

interface Profile {
  /** The band of each indicator this zone observes itself, in month m (0 = the story's first month). */
  band(indicator: string, m: number): Band;
  /** Observed every quarter even when the freshness window allows twice a year (a programme's focus). */
  quarterly?: boolean;
  /** Indicators observed every month here. */
  monthly?: readonly string[];
  remote?: boolean;
}

const monthStart = (period: string) => new Date(`${period}-01T00:00:00Z`);

export function generateStory(options: StoryOptions): Story {
  const { zones, framework, months, current, now } = options;
  const indicators = indicatorsOf(framework);
  for (const [code, p] of Object.entries(PLANS)) {
    const indicator = indicators.get(code);
    if (!indicator) throw new Error(`the criteria framework in use has no indicator ${code}`);
    if (p.every > indicator.freshnessMonths) throw new Error(`${code} would go stale between observations`);
  }
  const periods = Array.from({ length: months + 1 }, (_, m) => shiftPeriod(current, m - months));
  // The improving district's phases, on quarter months so that a quarterly observation marks each change.
  const recovering = 3 * Math.max(1, Math.floor(months / 12));
  const recovered = 3 * Math.floor((3 * months) / 12);
  const story = DEMO_ZONE_STORY;
  const improving = zones
    .filter((z) => z.level === 'location' && z.parentPcode === story.improvingDistrict)
    .map((z) => z.pcode);
  const remote = new Set<string>(story.remote);

  const profiles = new Map<string, Profile>();
  for (const zone of zones) {
    const random = seeded(`homeward demo profile ${zone.pcode}`);
    const ambers = new Set<string>();
    const reds = new Set<string>();
    if (zone.level === 'admin2') {
      if (zone.pcode === story.improvingDistrict) {
        const early = [
          'health_facilities',
          'electricity_hours',
          'schools_functioning',
          'tracing_cases_resolved',
          'adequate_shelter',
          'water_access',
        ];
        profiles.set(zone.pcode, {
          quarterly: true,
          band: (code, m) => (m < recovered && early.includes(code) ? 'amber' : 'green'),
        });
        continue;
      }
      if (!(story.goodDistricts as readonly string[]).includes(zone.pcode)) {
        if (random.chance(0.5)) ambers.add(random.pick(DISTRICT_STRONG_AMBER));
        for (let k = random.int(0, 2); k > 0; k--) ambers.add(random.pick(DISTRICT_WEAK_AMBER));
      }
    } else if (zone.level === 'admin1') {
      if (zone.pcode === 'QM06') ambers.add('legal_aid_access').add('document_replacement_days');
    } else if (zone.level === 'location') {
      if (zone.pcode === story.hardRed) {
        profiles.set(zone.pcode, {
          monthly: ['mines_uxo_on_routes'],
          band: (code) => (code === 'mines_uxo_on_routes' ? 'red' : 'green'),
        });
        continue;
      }
      if (zone.pcode === story.deteriorating) {
        profiles.set(zone.pcode, {
          band: (code, m) => {
            const index = m - (months - 3);
            if (index < 0 || !(code in DETERIORATION)) return 'green';
            if (index === 0) return 'amber';
            return 'red';
          },
        });
        continue;
      }
      if (improving.includes(zone.pcode)) {
        profiles.set(zone.pcode, {
          quarterly: true,
          band: (code, m) => {
            if (m < recovering) {
              if (['housing_destroyed', 'hlp_claims_resolved', 'secondary_occupation'].includes(code)) return 'red';
              if (['adequate_shelter', 'employment_rate', 'food_consumption'].includes(code)) return 'amber';
            } else if (m < recovered) {
              if (
                ['housing_destroyed', 'hlp_claims_resolved', 'secondary_occupation', 'employment_rate'].includes(code)
              )
                return 'amber';
            }
            return 'green';
          },
        });
        continue;
      }
      if (remote.has(zone.pcode)) {
        profiles.set(zone.pcode, {
          remote: true,
          band: (code) => (code === 'security_incidents' && random.chance(0.5) ? 'amber' : 'green'),
        });
        continue;
      }
      if ((story.conduciveDistricts as readonly string[]).includes(zone.parentPcode ?? '')) {
        if (random.chance(0.5)) ambers.add(random.pick(WEAK_AMBER));
      } else {
        ambers.add(random.pick(STRONG_AMBER));
        if (random.chance(0.3)) ambers.add(random.pick(STRONG_AMBER));
        for (let k = random.int(0, 3); k > 0; k--) ambers.add(random.pick(WEAK_AMBER));
        if (random.chance(0.08)) reds.add('food_consumption');
      }
    }
    profiles.set(zone.pcode, {
      band: (code) => (reds.has(code) ? 'red' : ambers.has(code) ? 'amber' : 'green'),
    });
  }

  const observations: DemoObservation[] = [];
  const lastMonth = months;
  const starts = periods.map((period) => monthStart(period).getTime());
  const ends = periods.map((_, m) => Math.min(m === lastMonth ? now.getTime() : starts[m + 1]!, now.getTime()));
  const monthEnd = (m: number) => ends[m]!;
  const at = (m: number, fraction: number) => new Date(Math.floor(starts[m]! + (ends[m]! - starts[m]!) * fraction));
  const drifts = new Map<string, number>();
  const plansByLevel = new Map<Level, [string, Plan, IndicatorDefinition][]>();
  for (const [code, p] of Object.entries(PLANS)) {
    const list = plansByLevel.get(p.level) ?? [];
    list.push([code, p, indicators.get(code)!]);
    plansByLevel.set(p.level, list);
  }

  for (let m = 0; m <= months; m++) {
    const period = periods[m]!;
    // Each organisation imports a month's values at once; the verifier works through them over days.
    const imported: Record<DemoOrganisationKey, Date> = {
      jmc: at(m, 0.2),
      un: at(m, 0.3),
      cso: at(m, 0.4),
    };
    for (const zone of zones) {
      const profile = profiles.get(zone.pcode);
      if (!profile) continue;
      for (const [code, p, indicator] of plansByLevel.get(zone.level as Level) ?? []) {
        const every = profile.monthly?.includes(code) ? 1 : profile.quarterly ? Math.min(3, p.every) : p.every;
        if (m % every !== 0) continue;
        if (profile.remote && indicator.freshnessMonths > 3) continue;
        const random = seeded(`homeward demo value ${zone.pcode} ${code} ${m}`);
        // Where in its band the zone's value sits, the same from month to month, give or take.
        const driftKey = `${zone.pcode} ${code}`;
        let drift = drifts.get(driftKey);
        if (drift === undefined) {
          drift = seeded(`homeward demo drift ${driftKey}`).next();
          drifts.set(driftKey, drift);
        }
        const t = clamp01(drift + random.between(-0.15, 0.15));
        const band = profile.band(code, m);
        let value = valueIn(indicator, band, t);
        let evidenceNotes: string | null = null;
        if (zone.pcode === story.deteriorating && code in DETERIORATION) {
          const index = m - (months - 3);
          if (index >= 0) {
            value = DETERIORATION[code as keyof typeof DETERIORATION][index]!;
            if (code === 'security_incidents') evidenceNotes = DETERIORATION_NOTES[index]!;
          }
        }
        if (zone.pcode === story.hardRed && code === 'mines_uxo_on_routes') {
          // Clearance goes slowly: fewer devices each quarter, never none.
          value = Math.max(2, 5 - Math.floor((4 * m) / Math.max(1, months)));
        }
        if (thresholdStatus(indicator, value) !== band || checkValue(indicator, value)) {
          throw new Error(`demo story value ${value} for ${zone.pcode} ${code} ${period} is not ${band}`);
        }
        const organisation = p.organisation;
        const submittedAt = imported[organisation];
        const decidedAt = new Date(
          Math.min(monthEnd(m) - 60_000, submittedAt.getTime() + random.between(0.5, 5) * 86_400_000),
        );
        observations.push({
          pcode: zone.pcode,
          indicator: code,
          period,
          value,
          source: profile.remote ? 'key_informant_interview' : p.source,
          method: profile.remote ? REMOTE_METHOD : p.method,
          organisation,
          status: 'confirmed',
          reason: null,
          evidenceNotes,
          submittedAt,
          decidedAt: decidedAt < submittedAt ? submittedAt : decidedAt,
        });
      }
    }
  }

  const typical = zones
    .filter(
      (z) =>
        z.level === 'location' &&
        profiles.get(z.pcode) &&
        !remote.has(z.pcode) &&
        !improving.includes(z.pcode) &&
        z.pcode !== story.hardRed &&
        z.pcode !== story.deteriorating,
    )
    .map((z) => z.pcode);
  // The observations the rejections and the current month's decisions are about, by zone, indicator, period.
  const decided = new Set(['security_incidents', 'food_consumption', 'perceived_safety', 'housing_destroyed']);
  const byKey = new Map(
    observations
      .filter((o) => decided.has(o.indicator) || o.period === periods[months])
      .map((o) => [`${o.pcode} ${o.indicator} ${o.period}`, o]),
  );
  const random = seeded(`homeward demo decisions ${zones.length}`);

  // A few values from a second organisation, which the verifier rejected with a reason.
  const rejections = Math.max(12, Math.round(typical.length / 14));
  const rejected = new Set<string>();
  for (let r = 0; r < rejections; r++) {
    const { indicator: code, organisation, reason } = REJECTIONS[r % REJECTIONS.length]!;
    const indicator = indicators.get(code)!;
    const every = PLANS[code]!.every;
    // The last one is of the current month: decided already.
    const m = r === rejections - 1 ? months : every * random.int(0, Math.floor((months - 1) / every));
    const key = `${random.pick(typical)} ${code} ${periods[m]}`;
    const confirmed = byKey.get(key);
    if (!confirmed || rejected.has(key)) continue;
    rejected.add(key);
    const worse = indicator.direction === 'higher_is_better' ? -1 : 1;
    const shift =
      { security_incidents: 4.5, food_consumption: 25, perceived_safety: 20, housing_destroyed: 15 }[code] ?? 10;
    const value = round(indicator, confirmed.value + worse * shift);
    if (checkValue(indicator, value)) continue;
    const submittedAt = at(m, organisation === 'cso' ? 0.4 : 0.3);
    observations.push({
      ...confirmed,
      value,
      organisation,
      source: PLANS[code]!.organisation === 'jmc' ? 'partner_report' : 'survey',
      method: organisation === 'cso' ? 'Report of a member group of the network' : 'Rapid assessment by a partner',
      status: 'rejected',
      reason,
      evidenceNotes: null,
      submittedAt,
      decidedAt: new Date(
        Math.max(submittedAt.getTime(), Math.min(monthEnd(m) - 60_000, submittedAt.getTime() + 2 * 86_400_000)),
      ),
    });
  }

  // The current month's values the verifier has not decided yet: publication waits for them.
  const currentPeriod = periods[months]!;
  const waiting = (pcode: string, code: string, change: Partial<DemoObservation> = {}) => {
    const observation = byKey.get(`${pcode} ${code} ${currentPeriod}`);
    if (!observation) return;
    Object.assign(observation, { status: 'pending', decidedAt: null, ...change });
  };
  waiting(story.deteriorating, 'perceived_safety', {
    value: 41,
    evidenceNotes: 'Residents of the streets near the school say they no longer go out after dark.',
  });
  waiting(story.deteriorating, 'arbitrary_detention', {
    evidenceNotes: 'Families of four men held since the weekend have not been told where they are.',
  });
  waiting(story.hardRed, 'mines_uxo_on_routes', {
    value: 2,
    evidenceNotes: 'The clearance team found two more devices on the track south of the village.',
  });
  if (improving[0]) waiting(improving[0], 'hlp_claims_resolved');
  const picked = new Set<string>();
  while (picked.size < Math.min(4, typical.length)) picked.add(random.pick(typical));
  for (const pcode of picked) waiting(pcode, 'food_consumption');
  // The verifier asks the monitoring centre's field team (whose demo field monitor can answer) for more.
  const asked = typical.find(
    (pcode) => !picked.has(pcode) && byKey.has(`${pcode} security_incidents ${currentPeriod}`),
  );
  if (asked) {
    const observation = byKey.get(`${asked} security_incidents ${currentPeriod}`)!;
    observation.status = 'more_evidence';
    observation.reason =
      'The count is twice last month’s: please attach the entries of the incident log it comes from.';
  }
  return { periods, observations, improving };
}
