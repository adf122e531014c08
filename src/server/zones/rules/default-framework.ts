import type {
  CriterionDefinition,
  CriterionKind,
  Direction,
  FrameworkDefinition,
  IndicatorDefinition,
  Unit,
} from '../../../shared/zones/schemas.ts';

/**
 * The criteria framework an installation starts with (see docs DOMAIN.md §2): the eight IASC durable-solutions
 * criteria, then the process preconditions of UNHCR's return thresholds (a tripartite agreement, monitors'
 * access, decisions free of pressure). Hard indicators are those one red of which makes return unsafe
 * whatever else holds: active hostilities, mined return routes, no agreement, monitors kept out.
 *
 * Thresholds, weights and freshness windows are defaults for the coordinator to adjust: security changes
 * fast (3 months), services and infrastructure slowly (6–12 months). A yes/no indicator whose good answer is
 * yes has green = red = 1 (a no is red); one whose good answer is no has green = red = 0.
 */

/** A name in English, Arabic and French. */
type Names = readonly [en: string, ar: string, fr: string];

interface Thresholds {
  green: number;
  red: number;
  weight: number;
  months: number;
  hard?: boolean;
}

const HIGHER: Direction = 'higher_is_better';
const LOWER: Direction = 'lower_is_better';

function indicator(code: string, unit: Unit, direction: Direction, t: Thresholds, name: Names): IndicatorDefinition {
  const [en, ar, fr] = name;
  return {
    code,
    name: { en, ar, fr },
    unit,
    direction,
    green: t.green,
    red: t.red,
    weight: t.weight,
    hard: t.hard ?? false,
    freshnessMonths: t.months,
  };
}

function criterion(
  code: string,
  name: Names,
  indicators: IndicatorDefinition[],
  kind: CriterionKind = 'criterion',
): CriterionDefinition {
  const [en, ar, fr] = name;
  return { code, kind, name: { en, ar, fr }, indicators };
}

const safety = criterion(
  'safety_and_security',
  [
    'Long-term safety, security and freedom of movement',
    'السلامة والأمن على المدى الطويل وحرية التنقل',
    'Sûreté et sécurité à long terme, et liberté de circulation',
  ],
  [
    indicator('security_incidents', 'rate_per_10000', LOWER, { green: 1, red: 5, weight: 3, months: 3 }, [
      'Security incidents per 10,000 residents',
      'الحوادث الأمنية لكل عشرة آلاف نسمة',
      'Incidents de sécurité pour 10 000 habitants',
    ]),
    indicator('perceived_safety', 'percent', HIGHER, { green: 80, red: 50, weight: 2, months: 6 }, [
      'Residents who feel safe in their area',
      'السكان الذين يشعرون بالأمان في منطقتهم',
      'Habitants qui se sentent en sécurité dans leur localité',
    ]),
    indicator('mines_uxo_on_routes', 'count', LOWER, { green: 0, red: 1, weight: 3, months: 3, hard: true }, [
      'Mines and unexploded ordnance on return routes',
      'الألغام والذخائر غير المنفجرة على طرق العودة',
      'Mines et munitions non explosées sur les itinéraires de retour',
    ]),
    indicator('active_hostilities', 'yes_no', LOWER, { green: 0, red: 0, weight: 3, months: 3, hard: true }, [
      'Active hostilities or armed groups present',
      'أعمال قتالية جارية أو وجود جماعات مسلحة',
      'Hostilités en cours ou présence de groupes armés',
    ]),
    indicator('arbitrary_detention', 'rate_per_10000', LOWER, { green: 0.5, red: 2, weight: 2, months: 3 }, [
      'Arbitrary detention cases per 10,000 residents',
      'حالات الاحتجاز التعسفي لكل عشرة آلاف نسمة',
      'Cas de détention arbitraire pour 10 000 habitants',
    ]),
    indicator('movement_restrictions', 'percent', LOWER, { green: 10, red: 30, weight: 1, months: 6 }, [
      'Residents reporting restrictions on their movement',
      'السكان الذين يُبلغون عن قيود على تنقّلهم',
      'Habitants signalant des restrictions à leurs déplacements',
    ]),
  ],
);

const livingStandard = criterion(
  'standard_of_living',
  ['Adequate standard of living', 'مستوى معيشي لائق', 'Niveau de vie suffisant'],
  [
    indicator('food_consumption', 'percent', HIGHER, { green: 80, red: 60, weight: 2, months: 6 }, [
      'Households with acceptable food consumption',
      'الأسر ذات الاستهلاك الغذائي المقبول',
      'Ménages ayant une consommation alimentaire acceptable',
    ]),
    indicator('water_access', 'percent', HIGHER, { green: 85, red: 60, weight: 2, months: 6 }, [
      'Households with access to safe drinking water',
      'الأسر التي تحصل على مياه شرب مأمونة',
      'Ménages ayant accès à l’eau potable',
    ]),
    indicator('housing_destroyed', 'percent', LOWER, { green: 10, red: 40, weight: 2, months: 12 }, [
      'Housing destroyed or severely damaged',
      'المساكن المدمّرة أو المتضررة بشدة',
      'Logements détruits ou gravement endommagés',
    ]),
    indicator('adequate_shelter', 'percent', HIGHER, { green: 80, red: 50, weight: 1, months: 12 }, [
      'Returning households in adequate shelter',
      'الأسر العائدة المقيمة في مأوى لائق',
      'Ménages rapatriés logés dans un abri adéquat',
    ]),
    indicator('electricity_hours', 'hours_per_day', HIGHER, { green: 16, red: 8, weight: 1, months: 6 }, [
      'Hours of mains electricity per day',
      'عدد ساعات توفّر الكهرباء العامة يومياً',
      'Heures d’électricité du réseau par jour',
    ]),
    indicator('health_facilities', 'percent', HIGHER, { green: 75, red: 40, weight: 2, months: 6 }, [
      'Health facilities functioning',
      'المرافق الصحية العاملة',
      'Établissements de santé en fonctionnement',
    ]),
    indicator('measles_vaccination', 'percent', HIGHER, { green: 90, red: 70, weight: 1, months: 12 }, [
      'Children vaccinated against measles',
      'الأطفال الملقَّحون ضد الحصبة',
      'Enfants vaccinés contre la rougeole',
    ]),
    indicator('schools_functioning', 'percent', HIGHER, { green: 80, red: 50, weight: 2, months: 12 }, [
      'Schools functioning',
      'المدارس العاملة',
      'Écoles en fonctionnement',
    ]),
  ],
);

const livelihoods = criterion(
  'livelihoods',
  [
    'Access to employment and livelihoods',
    'الحصول على فرص العمل وسبل العيش',
    'Accès à l’emploi et aux moyens de subsistance',
  ],
  [
    indicator('employment_rate', 'percent', HIGHER, { green: 60, red: 35, weight: 3, months: 6 }, [
      'Working-age adults in regular work',
      'البالغون في سن العمل الذين لديهم عمل منتظم',
      'Adultes en âge de travailler ayant un emploi régulier',
    ]),
    indicator('market_functionality', 'score_1_5', HIGHER, { green: 4, red: 2, weight: 1, months: 6 }, [
      'Essential goods available in local markets',
      'توفّر السلع الأساسية في الأسواق المحلية',
      'Disponibilité des biens essentiels sur les marchés locaux',
    ]),
    indicator('farmland_access', 'percent', HIGHER, { green: 75, red: 40, weight: 1, months: 12 }, [
      'Farming households able to reach their land',
      'الأسر الزراعية القادرة على الوصول إلى أراضيها',
      'Ménages agricoles pouvant accéder à leurs terres',
    ]),
  ],
);

const housingLandProperty = criterion(
  'housing_land_property',
  [
    'Housing, land and property restitution or compensation',
    'استرداد المساكن والأراضي والممتلكات أو التعويض عنها',
    'Restitution des logements, des terres et des biens, ou indemnisation',
  ],
  [
    indicator('hlp_claims_resolved', 'percent', HIGHER, { green: 60, red: 25, weight: 3, months: 12 }, [
      'Housing, land and property claims resolved',
      'مطالبات المساكن والأراضي والممتلكات التي تمّت تسويتها',
      'Réclamations en matière de logement, de terres et de biens réglées',
    ]),
    indicator('secondary_occupation', 'percent', LOWER, { green: 5, red: 20, weight: 2, months: 12 }, [
      'Returnees’ homes occupied by others',
      'منازل العائدين التي يشغلها آخرون',
      'Logements de rapatriés occupés par des tiers',
    ]),
  ],
);

const documentation = criterion(
  'documentation',
  [
    'Access to and replacement of documentation',
    'الحصول على الوثائق الشخصية واستبدالها',
    'Accès aux documents personnels et à leur remplacement',
  ],
  [
    indicator('civil_registry_offices', 'percent', HIGHER, { green: 80, red: 40, weight: 2, months: 12 }, [
      'Civil documentation offices functioning',
      'مكاتب الأحوال المدنية العاملة',
      'Bureaux d’état civil en fonctionnement',
    ]),
    indicator('returnees_with_id', 'percent', HIGHER, { green: 90, red: 70, weight: 2, months: 12 }, [
      'Returnees holding valid identity documents',
      'العائدون الحاملون لوثائق هوية سارية',
      'Rapatriés détenant des pièces d’identité valides',
    ]),
    indicator('document_replacement_days', 'days', LOWER, { green: 30, red: 90, weight: 1, months: 12 }, [
      'Median days to replace a lost civil document',
      'العدد الوسيط للأيام اللازمة لاستبدال وثيقة مدنية مفقودة',
      'Délai médian, en jours, pour remplacer un document d’état civil perdu',
    ]),
  ],
);

const familyReunification = criterion(
  'family_reunification',
  ['Voluntary family reunification', 'لمّ شمل الأسر طوعاً', 'Regroupement familial volontaire'],
  [
    indicator('tracing_cases_resolved', 'percent', HIGHER, { green: 70, red: 30, weight: 2, months: 12 }, [
      'Family tracing cases resolved',
      'حالات البحث عن أفراد الأسر التي جرى حلّها',
      'Demandes de recherche familiale résolues',
    ]),
    indicator('separated_children_reunited', 'percent', HIGHER, { green: 80, red: 50, weight: 2, months: 12 }, [
      'Separated children reunited with their families',
      'الأطفال المنفصلون عن ذويهم الذين جُمع شملهم بأسرهم',
      'Enfants séparés réunis avec leur famille',
    ]),
  ],
);

const participation = criterion(
  'public_participation',
  ['Participation in public affairs', 'المشاركة في الشؤون العامة', 'Participation aux affaires publiques'],
  [
    indicator('local_council_participation', 'score_1_5', HIGHER, { green: 4, red: 2, weight: 2, months: 12 }, [
      'Returnees’ participation in local councils',
      'مشاركة العائدين في المجالس المحلية',
      'Participation des rapatriés aux conseils locaux',
    ]),
    indicator('voter_registration', 'percent', HIGHER, { green: 80, red: 50, weight: 1, months: 12 }, [
      'Returnees registered to vote',
      'العائدون المسجَّلون في قوائم الناخبين',
      'Rapatriés inscrits sur les listes électorales',
    ]),
  ],
);

const justice = criterion(
  'remedies_and_justice',
  ['Effective remedies and justice', 'سبل الانتصاف الفعّالة والعدالة', 'Recours effectifs et accès à la justice'],
  [
    indicator('courts_functioning', 'percent', HIGHER, { green: 75, red: 40, weight: 2, months: 12 }, [
      'Courts functioning',
      'المحاكم العاملة',
      'Tribunaux en fonctionnement',
    ]),
    indicator('amnesty_in_force', 'yes_no', HIGHER, { green: 1, red: 1, weight: 2, months: 12 }, [
      'Amnesty in force without broad exceptions',
      'عفو عام نافذ دون استثناءات واسعة',
      'Amnistie en vigueur, sans larges exceptions',
    ]),
    indicator('legal_aid_access', 'percent', HIGHER, { green: 60, red: 30, weight: 1, months: 12 }, [
      'Residents with access to free legal aid',
      'السكان الذين يحصلون على مساعدة قانونية مجانية',
      'Habitants ayant accès à une aide juridique gratuite',
    ]),
  ],
);

const preconditions = criterion(
  'process_preconditions',
  [
    'Preconditions of the return process',
    'الشروط المسبقة لعملية العودة',
    'Conditions préalables du processus de retour',
  ],
  [
    indicator('tripartite_agreement', 'yes_no', HIGHER, { green: 1, red: 1, weight: 3, months: 12, hard: true }, [
      'Tripartite agreement in force',
      'اتفاق ثلاثي نافذ',
      'Accord tripartite en vigueur',
    ]),
    indicator('monitor_access', 'yes_no', HIGHER, { green: 1, red: 1, weight: 3, months: 3, hard: true }, [
      'Free and unhindered access for monitors',
      'وصول المراقبين بحرية ودون عوائق',
      'Accès libre et sans entrave des observateurs',
    ]),
    indicator('pressure_to_return', 'percent', LOWER, { green: 2, red: 10, weight: 2, months: 6 }, [
      'Returnees reporting pressure to return',
      'العائدون الذين أفادوا بتعرّضهم لضغوط من أجل العودة',
      'Rapatriés déclarant avoir subi des pressions pour rentrer',
    ]),
  ],
  'precondition',
);

export const DEFAULT_FRAMEWORK: FrameworkDefinition = {
  title: {
    en: 'Return-zone criteria: the IASC durable-solutions criteria and the preconditions of return',
    ar: 'معايير مناطق العودة: معايير الحلول الدائمة للجنة الدائمة المشتركة بين الوكالات والشروط المسبقة للعودة',
    fr: 'Critères des zones de retour : critères de solutions durables de l’IASC et conditions préalables au retour',
  },
  criteria: [
    safety,
    livingStandard,
    livelihoods,
    housingLandProperty,
    documentation,
    familyReunification,
    participation,
    justice,
    preconditions,
  ],
};
