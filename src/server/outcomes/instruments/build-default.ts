/**
 * Writes `homeward_reintegration.xlsx`, the survey instrument Homeward ships for the follow-up rounds of returned
 * households (1, 3, 6 and 12 months after arrival) and the rounds of resident households beside them: a real
 * XLSForm (survey, choices and settings sheets) with every label, hint and message in English, Arabic and French,
 * which Kobo or ODK Collect can use as it is.
 *
 * It covers IOM's three dimensions of reintegration (economic self-sufficiency, social stability, psychosocial
 * well-being), family unity and access to services. Run
 * `node src/server/outcomes/instruments/build-default.ts` after changing it, and commit the workbook with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type SheetRows, workbookBytes } from '../files/xlsform-book.ts';

type Texts = [en: string, ar: string, fr: string];

interface Row {
  type: string;
  name?: string;
  label?: Texts;
  hint?: Texts;
  required?: boolean;
  relevant?: string;
  constraint?: string;
  message?: Texts;
  calculation?: string;
  repeatCount?: string;
  appearance?: string;
}

const SURVEY_HEADER = [
  'type',
  'name',
  'label::English (en)',
  'label::Arabic (ar)',
  'label::French (fr)',
  'hint::English (en)',
  'hint::Arabic (ar)',
  'hint::French (fr)',
  'required',
  'relevant',
  'constraint',
  'constraint_message::English (en)',
  'constraint_message::Arabic (ar)',
  'constraint_message::French (fr)',
  'calculation',
  'repeat_count',
  'appearance',
];

const CONSENTED = "${consent_interview} = 'yes'";

const range = (min: number, max: number): Pick<Row, 'constraint' | 'message'> => ({
  constraint: `. >= ${min} and . <= ${max}`,
  message: [`Between ${min} and ${max}`, `بين ${min} و${max}`, `Entre ${min} et ${max}`],
});

const ask = (type: string, name: string, label: Texts, more: Partial<Row> = {}): Row => ({
  type,
  name,
  label,
  required: true,
  ...more,
});

const group = (name: string, label: Texts, rows: Row[]): Row[] => [
  { type: 'begin_group', name, label, relevant: CONSENTED },
  ...rows,
  { type: 'end_group' },
];

export const SURVEY: Row[] = [
  { type: 'start', name: 'start' },
  { type: 'end', name: 'end' },
  ask(
    'text',
    'case_reference',
    ["The household's case reference", 'الرقم المرجعي لملف الأسرة', 'La référence du dossier du ménage'],
    {
      required: false,
      hint: [
        "As printed on the household's slip, such as HW-7K3M-9QXD. Leave it empty for a resident household.",
        'كما هو مطبوع على قسيمة الأسرة، مثل HW-7K3M-9QXD. اتركه فارغًا لأسرة مقيمة.',
        'Telle qu’imprimée sur le bordereau du ménage, par exemple HW-7K3M-9QXD. Laissez vide pour un ménage résident.',
      ],
      constraint: "regex(., '^[Hh][Ww]-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$')",
      message: [
        'A case reference reads HW- and two groups of four letters or digits',
        'يتكون الرقم المرجعي من HW- ومجموعتين من أربعة أحرف أو أرقام',
        'Une référence s’écrit HW- suivi de deux groupes de quatre lettres ou chiffres',
      ],
    },
  ),
  ask('text', 'zone', ['The zone’s P-code', 'الرمز المكاني (P-code) للمنطقة', 'Le P-code de la zone'], {
    required: false,
    hint: [
      'The P-code of the zone where the household lives, such as SD0101003.',
      'الرمز المكاني للمنطقة التي تسكن فيها الأسرة، مثل SD0101003.',
      'Le P-code de la zone où vit le ménage, par exemple SD0101003.',
    ],
    constraint: "regex(., '^[A-Z]{2}[A-Z0-9]{0,22}$')",
    message: [
      'A P-code is two capital letters, then capital letters or digits',
      'الرمز المكاني حرفان لاتينيان كبيران تليهما حروف كبيرة أو أرقام',
      'Un P-code commence par deux lettres majuscules, suivies de majuscules ou de chiffres',
    ],
  }),
  ask(
    'select_one yes_no',
    'consent_interview',
    [
      'Does the respondent agree to this interview?',
      'هل يوافق المجيب على إجراء هذه المقابلة؟',
      'La personne interrogée accepte-t-elle cet entretien ?',
    ],
    {
      hint: [
        'Explain what the answers are for and that the household may stop at any time.',
        'اشرح الغرض من الإجابات وأن للأسرة أن تتوقف في أي وقت.',
        'Expliquez à quoi servent les réponses et que le ménage peut arrêter à tout moment.',
      ],
    },
  ),
  ...group(
    'household',
    ['The household', 'الأسرة', 'Le ménage'],
    [
      ask('select_one sex', 'head_sex', ['Sex of the head of household', 'جنس رب الأسرة', 'Sexe du chef de ménage']),
      ask(
        'integer',
        'head_age',
        ['Age of the head of household', 'عمر رب الأسرة', 'Âge du chef de ménage'],
        range(15, 110),
      ),
      ask('select_one yes_no', 'head_disability', [
        'Does the head of household live with a disability?',
        'هل يعيش رب الأسرة مع إعاقة؟',
        'Le chef de ménage vit-il avec un handicap ?',
      ]),
      ask(
        'integer',
        'household_size',
        [
          'How many people live in the household?',
          'كم عدد أفراد الأسرة؟',
          'Combien de personnes vivent dans le ménage ?',
        ],
        range(1, 40),
      ),
    ],
  ),
  ...group(
    'economic',
    ['Economic self-sufficiency', 'الاكتفاء الذاتي الاقتصادي', 'Autonomie économique'],
    [
      ask('select_one income_source', 'income_source', [
        'Main source of income',
        'المصدر الرئيسي للدخل',
        'Principale source de revenus',
      ]),
      ask('select_one frequency', 'income_enough', [
        'Does the income cover the basic needs?',
        'هل يغطي الدخل الاحتياجات الأساسية؟',
        'Les revenus couvrent-ils les besoins essentiels ?',
      ]),
      ask('select_one debt', 'debt', ['Debts', 'الديون', 'Dettes']),
      ask(
        'integer',
        'food_days_reduced',
        [
          'In the last 7 days, on how many days did the household eat fewer or smaller meals?',
          'خلال الأيام السبعة الماضية، في كم يومًا تناولت الأسرة وجبات أقل أو أصغر؟',
          'Au cours des 7 derniers jours, combien de jours le ménage a-t-il pris moins de repas ou des repas plus petits ?',
        ],
        range(0, 7),
      ),
      ask('select_one yes_no', 'productive_assets', [
        'Does the household have productive assets (land, tools, livestock)?',
        'هل تملك الأسرة أصولًا إنتاجية (أرض، أدوات، مواشٍ)؟',
        'Le ménage a-t-il des biens productifs (terre, outils, bétail) ?',
      ]),
      { type: 'calculate', name: 'food_insecure', calculation: 'if(${food_days_reduced} >= 3, 1, 0)' },
    ],
  ),
  ...group(
    'social',
    ['Social stability', 'الاستقرار الاجتماعي', 'Stabilité sociale'],
    [
      ask('select_one housing', 'housing', [
        'Where does the household live?',
        'أين تسكن الأسرة؟',
        'Où vit le ménage ?',
      ]),
      ask('select_one documents', 'documents', [
        'Do the members have civil documents?',
        'هل لدى أفراد الأسرة وثائق مدنية؟',
        'Les membres ont-ils leurs documents d’état civil ?',
      ]),
      ask('select_one yes_no_na', 'health_access', [
        'In the last 3 months, did the household get health care when it needed it?',
        'خلال الأشهر الثلاثة الماضية، هل حصلت الأسرة على الرعاية الصحية عند الحاجة؟',
        'Au cours des 3 derniers mois, le ménage a-t-il reçu des soins quand il en avait besoin ?',
      ]),
      ask(
        'integer',
        'school_age_children',
        [
          'How many children of school age live in the household?',
          'كم عدد الأطفال في سن الدراسة في الأسرة؟',
          'Combien d’enfants d’âge scolaire vivent dans le ménage ?',
        ],
        range(0, 20),
      ),
      ask(
        'integer',
        'children_out_of_school',
        [
          'How many of them do not go to school?',
          'كم منهم لا يذهبون إلى المدرسة؟',
          'Combien d’entre eux ne vont pas à l’école ?',
        ],
        {
          relevant: '${school_age_children} > 0',
          constraint: '. >= 0 and . <= ${school_age_children}',
          message: [
            'Cannot be more than the children of school age',
            'لا يمكن أن يزيد على عدد الأطفال في سن الدراسة',
            'Ne peut dépasser le nombre d’enfants d’âge scolaire',
          ],
        },
      ),
      ask('select_one frequency', 'participation', [
        'Does the household take part in community activities?',
        'هل تشارك الأسرة في أنشطة المجتمع؟',
        'Le ménage participe-t-il aux activités de la communauté ?',
      ]),
      ask('select_one frequency', 'feels_safe', [
        'Do the members feel safe where they live?',
        'هل يشعر أفراد الأسرة بالأمان حيث يسكنون؟',
        'Les membres se sentent-ils en sécurité là où ils vivent ?',
      ]),
      ask('select_one yes_no', 'discrimination', [
        'Has the household been treated unfairly since its return?',
        'هل تعرضت الأسرة لمعاملة غير عادلة منذ عودتها؟',
        'Le ménage a-t-il été traité injustement depuis son retour ?',
      ]),
    ],
  ),
  ...group(
    'psychosocial',
    ['Psychosocial well-being', 'الرفاه النفسي والاجتماعي', 'Bien-être psychosocial'],
    [
      ask('select_one distress', 'distress', [
        'In the last two weeks, how much distress has the respondent felt?',
        'خلال الأسبوعين الماضيين، ما مقدار الضيق الذي شعر به المجيب؟',
        'Au cours des deux dernières semaines, quelle détresse la personne a-t-elle ressentie ?',
      ]),
      ask('select_one frequency', 'belonging', [
        'Does the respondent feel part of the community?',
        'هل يشعر المجيب بأنه جزء من المجتمع؟',
        'La personne se sent-elle membre de la communauté ?',
      ]),
      ask('select_one migrate', 'migrate_again', [
        'Is the household thinking of leaving again?',
        'هل تفكر الأسرة في المغادرة مرة أخرى؟',
        'Le ménage pense-t-il repartir ?',
      ]),
      ask('select_one yes_no', 'support_network', [
        'Does the respondent have someone to turn to?',
        'هل لدى المجيب شخص يلجأ إليه؟',
        'La personne a-t-elle quelqu’un vers qui se tourner ?',
      ]),
    ],
  ),
  ...group(
    'family',
    ['Family unity', 'وحدة الأسرة', 'Unité familiale'],
    [
      ask(
        'integer',
        'members_separated',
        [
          'How many members live apart from the household against their wish?',
          'كم عدد الأفراد الذين يعيشون بعيدًا عن الأسرة رغمًا عنهم؟',
          'Combien de membres vivent séparés du ménage contre leur gré ?',
        ],
        range(0, 20),
      ),
      ask('select_one yes_no', 'member_missing', [
        'Is a member missing, whereabouts unknown?',
        'هل هناك فرد مفقود لا يُعرف مكانه؟',
        'Un membre est-il disparu, sans nouvelles de lui ?',
      ]),
      ask(
        'select_one yes_no',
        'reunification_wish',
        [
          'Does the household wish to be reunited with them?',
          'هل ترغب الأسرة في لمّ شملها معهم؟',
          'Le ménage souhaite-t-il être réuni avec eux ?',
        ],
        { relevant: '${members_separated} > 0' },
      ),
      {
        type: 'begin_repeat',
        name: 'separated_member',
        label: ['Separated member', 'فرد منفصل', 'Membre séparé'],
        relevant: '${members_separated} > 0',
        repeatCount: '${members_separated}',
      },
      ask('select_one relationship', 'relationship', [
        'Relationship to the head of household',
        'صلة القرابة برب الأسرة',
        'Lien avec le chef de ménage',
      ]),
      ask('select_one yes_no', 'location_known', [
        'Does the household know where this member is?',
        'هل تعرف الأسرة مكان هذا الفرد؟',
        'Le ménage sait-il où se trouve ce membre ?',
      ]),
      { type: 'end_repeat' },
    ],
  ),
  ...group(
    'services',
    ['Access to services', 'الوصول إلى الخدمات', 'Accès aux services'],
    [
      ask(
        'select_multiple services or_other',
        'services_used',
        [
          'Which services has the household used since its return?',
          'ما الخدمات التي استخدمتها الأسرة منذ عودتها؟',
          'Quels services le ménage a-t-il utilisés depuis son retour ?',
        ],
        { required: false },
      ),
      ask('select_one yes_no', 'water_access', [
        'Does the household have safe drinking water?',
        'هل تحصل الأسرة على مياه شرب مأمونة؟',
        'Le ménage a-t-il accès à l’eau potable ?',
      ]),
      ask('select_one yes_no', 'electricity_access', [
        'Does the household have electricity?',
        'هل تحصل الأسرة على الكهرباء؟',
        'Le ménage a-t-il l’électricité ?',
      ]),
      ask(
        'select_multiple barriers',
        'service_barriers',
        [
          'What keeps the household from services?',
          'ما الذي يمنع الأسرة من الوصول إلى الخدمات؟',
          'Qu’est-ce qui empêche le ménage d’accéder aux services ?',
        ],
        {
          constraint: "not(selected(., 'none') and count-selected(.) > 1)",
          message: [
            '"None" cannot go with another answer',
            'لا يمكن اختيار «لا شيء» مع إجابة أخرى',
            '« Aucun » ne peut aller avec une autre réponse',
          ],
        },
      ),
    ],
  ),
  ask('text', 'interviewer_notes', ['Interviewer’s notes', 'ملاحظات الباحث', 'Notes de l’enquêteur'], {
    required: false,
    appearance: 'multiline',
    hint: [
      'Anything the household wants known. Kept encrypted with the answers.',
      'أي شيء تريد الأسرة أن يُعرف. يُحفظ مشفرًا مع الإجابات.',
      'Ce que le ménage souhaite faire savoir. Conservé chiffré avec les réponses.',
    ],
  }),
];

export const CHOICES: Record<string, [name: string, label: Texts][]> = {
  yes_no: [
    ['yes', ['Yes', 'نعم', 'Oui']],
    ['no', ['No', 'لا', 'Non']],
  ],
  sex: [
    ['female', ['Female', 'أنثى', 'Femme']],
    ['male', ['Male', 'ذكر', 'Homme']],
  ],
  income_source: [
    ['regular_job', ['Regular job', 'عمل منتظم', 'Emploi régulier']],
    ['casual_work', ['Casual work', 'عمل مؤقت', 'Travail occasionnel']],
    ['own_business', ['Own business', 'عمل خاص', 'Activité indépendante']],
    ['farming', ['Farming or herding', 'الزراعة أو الرعي', 'Agriculture ou élevage']],
    ['remittances', ['Money from relatives', 'تحويلات من الأقارب', 'Argent envoyé par des proches']],
    ['assistance', ['Humanitarian assistance', 'مساعدات إنسانية', 'Aide humanitaire']],
    ['none', ['No income', 'لا دخل', 'Aucun revenu']],
  ],
  frequency: [
    ['never', ['Never', 'أبدًا', 'Jamais']],
    ['sometimes', ['Sometimes', 'أحيانًا', 'Parfois']],
    ['mostly', ['Mostly', 'غالبًا', 'La plupart du temps']],
    ['always', ['Always', 'دائمًا', 'Toujours']],
  ],
  debt: [
    ['none', ['No debts', 'لا ديون', 'Pas de dettes']],
    ['manageable', ['Debts it can repay', 'ديون يمكن سدادها', 'Des dettes remboursables']],
    ['unmanageable', ['Debts it cannot repay', 'ديون لا يمكن سدادها', 'Des dettes impossibles à rembourser']],
  ],
  housing: [
    ['own', ['Own home', 'منزل مملوك', 'Logement en propriété']],
    ['rented', ['Rented', 'مستأجر', 'Location']],
    ['hosted', ['Hosted by others', 'مستضاف لدى آخرين', 'Hébergé par d’autres']],
    ['damaged', ['Own home, damaged', 'منزل مملوك متضرر', 'Logement en propriété, endommagé']],
    ['shelter', ['Collective shelter or camp', 'مأوى جماعي أو مخيم', 'Abri collectif ou camp']],
    ['none', ['No shelter', 'بلا مأوى', 'Sans abri']],
  ],
  documents: [
    ['all', ['All members', 'جميع الأفراد', 'Tous les membres']],
    ['some', ['Some members', 'بعض الأفراد', 'Certains membres']],
    ['none', ['No member', 'لا أحد', 'Aucun membre']],
  ],
  yes_no_na: [
    ['yes', ['Yes', 'نعم', 'Oui']],
    ['no', ['No', 'لا', 'Non']],
    ['not_needed', ['Did not need any', 'لم تحتج إليها', 'N’en a pas eu besoin']],
  ],
  distress: [
    ['none', ['None', 'لا شيء', 'Aucune']],
    ['mild', ['Mild', 'خفيف', 'Légère']],
    ['moderate', ['Moderate', 'متوسط', 'Modérée']],
    ['severe', ['Severe', 'شديد', 'Sévère']],
  ],
  migrate: [
    ['no', ['No', 'لا', 'Non']],
    ['maybe', ['Maybe', 'ربما', 'Peut-être']],
    ['yes_planning', ['Yes, making plans', 'نعم، وتخطط لذلك', 'Oui, des projets sont en cours']],
  ],
  relationship: [
    ['spouse', ['Spouse', 'زوج أو زوجة', 'Conjoint']],
    ['child', ['Child', 'ابن أو ابنة', 'Enfant']],
    ['parent', ['Parent', 'أب أو أم', 'Parent']],
    ['sibling', ['Brother or sister', 'أخ أو أخت', 'Frère ou sœur']],
    ['other', ['Other relative', 'قريب آخر', 'Autre proche']],
  ],
  services: [
    ['health', ['Health care', 'الرعاية الصحية', 'Soins de santé']],
    ['school', ['School', 'المدرسة', 'École']],
    ['water', ['Water', 'المياه', 'Eau']],
    ['electricity', ['Electricity', 'الكهرباء', 'Électricité']],
    ['civil_registry', ['Civil registry', 'السجل المدني', 'État civil']],
    ['legal_aid', ['Legal aid', 'المساعدة القانونية', 'Aide juridique']],
    ['livelihood_support', ['Livelihood support', 'دعم سبل العيش', 'Soutien aux moyens de subsistance']],
    ['psychosocial', ['Psychosocial support', 'الدعم النفسي والاجتماعي', 'Soutien psychosocial']],
  ],
  barriers: [
    ['cost', ['Cost', 'التكلفة', 'Le coût']],
    ['distance', ['Distance', 'المسافة', 'La distance']],
    ['documents', ['Missing documents', 'نقص الوثائق', 'Des documents manquants']],
    ['discrimination', ['Discrimination', 'التمييز', 'La discrimination']],
    ['insecurity', ['Insecurity', 'انعدام الأمن', 'L’insécurité']],
    ['none', ['None', 'لا شيء', 'Aucun']],
  ],
};

export const SETTINGS = {
  form_title: 'Homeward reintegration follow-up',
  form_id: 'homeward_reintegration',
  version: '2026.1',
  default_language: 'English (en)',
};

/** The instrument's sheets, as its workbook holds them. */
export function defaultInstrumentSheets(): Record<string, SheetRows> {
  const survey: SheetRows = [SURVEY_HEADER];
  for (const row of SURVEY) {
    survey.push([
      row.type,
      row.name ?? null,
      ...(row.label ?? [null, null, null]),
      ...(row.hint ?? [null, null, null]),
      row.required ? 'yes' : null,
      row.relevant ?? null,
      row.constraint ?? null,
      ...(row.message ?? [null, null, null]),
      row.calculation ?? null,
      row.repeatCount ?? null,
      row.appearance ?? null,
    ]);
  }
  const choices: SheetRows = [['list_name', 'name', 'label::English (en)', 'label::Arabic (ar)', 'label::French (fr)']];
  for (const [list, items] of Object.entries(CHOICES)) {
    for (const [name, label] of items) choices.push([list, name, ...label]);
  }
  return {
    survey,
    choices,
    settings: [Object.keys(SETTINGS), Object.values(SETTINGS)],
  };
}

export const DEFAULT_INSTRUMENT_FILE = path.join(import.meta.dirname, 'homeward_reintegration.xlsx');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(DEFAULT_INSTRUMENT_FILE, await workbookBytes(defaultInstrumentSheets()));
  console.log(`wrote ${DEFAULT_INSTRUMENT_FILE}`);
}
