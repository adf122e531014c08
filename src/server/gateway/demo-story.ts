import type {
  ComplaintCategory,
  Disclosure,
  Satisfaction,
  SubmissionKind,
  SubmissionStatus,
} from '../../shared/gateway/constants.ts';
import type { Language } from '../../shared/vocabulary.ts';
import { seeded } from '../demo/random.ts';
import { newReceiptCode } from './receipts.ts';

/**
 * The demo's community gateway as a story, generated from a seed without a database, so that every load writes
 * the same submissions and `homeward demo` can print receipt codes to try (recomputed from here, never stored).
 *
 * Several hundred submissions over six months, of every kind and channel, about a third anonymous, handled at
 * every step with replies in the submitter's language. A cluster of complaints from one border crossing (guards
 * keeping returnees' documents until they pay) becomes an incident, referred to the border inspectorate, which
 * answers and sanctions.
 */
export const DEMO_SUBMISSIONS = 360;
/** The transit point the cluster of extortion complaints is about (the cases demo's border crossing). */
export const CLUSTER_TRANSIT_POINT = 'tp-qt-border';
export const CLUSTER_SIZE = 14;

export interface DemoSubmission {
  kind: SubmissionKind;
  complaintCategory?: ComplaintCategory;
  aboutNamedPerson: boolean;
  disclosure: Disclosure;
  channel: 'web' | 'sms';
  language: Language;
  text: string;
  pcode?: string;
  transitPoint?: string;
  contact?: { name?: string; phone?: string; email?: string };
  contactConsent: boolean;
  receiptCode: string;
  receivedAt: Date;
  /** How far its handling went, with the day of each step after receipt. */
  status: SubmissionStatus;
  stepDays: number[];
  reply?: string;
  addition?: string;
  satisfaction?: Satisfaction;
  /** Part of the transit-point cluster. */
  cluster: boolean;
}

const TEXTS: Record<SubmissionKind, Record<Language, string[]>> = {
  concern: {
    ar: [
      'لا توجد مياه صالحة للشرب في الحي منذ عودتنا',
      'المدرسة في قريتنا مغلقة والأطفال لا يدرسون',
      'الطريق إلى المركز الصحي غير آمن بعد الغروب',
      'لم نتلق بطاقات المساعدة الغذائية الموعودة',
    ],
    en: [
      'The water point near our street has been dry for two weeks',
      'The clinic has no doctor on most days since we came back',
      'We were told the school would reopen but it is still closed',
    ],
    fr: [
      "Le point d'eau du quartier est à sec depuis deux semaines",
      "Il n'y a pas d'électricité dans les maisons reconstruites",
    ],
  },
  protection_request: {
    ar: [
      'أخشى على ابنتي من رجل في الحي يهددها',
      'جيراننا يهددوننا بسبب نزاع على الأرض',
      'تلقيت تهديدات بعد أن تحدثت إلى فريق الرصد',
    ],
    en: [
      'Men came to our house at night asking about my brother',
      'I am afraid to go to the registration office alone',
    ],
    fr: ['Mon voisin nous menace de nous chasser de notre maison'],
  },
  complaint: {
    ar: [
      'موظف التوزيع طلب مالاً مقابل تسجيل اسمي',
      'عاملونا بقلة احترام في مركز الاستقبال',
      'لم يُسمح لنا بالتسجيل لأننا من قرية أخرى',
    ],
    en: [
      'The staff at the reception centre shouted at my mother',
      'We were left off the distribution list without explanation',
    ],
    fr: ["L'agent a refusé de nous inscrire sans raison"],
  },
  appeal: {
    ar: ['أطلب مراجعة قرار رفض أهليتنا للعودة', 'لم نُبلغ بسبب تعليق رحلتنا ونطلب المراجعة'],
    en: [
      'I ask for the decision on our eligibility to be reviewed',
      'Our departure was cancelled and nobody told us why',
    ],
    fr: ['Je demande la révision de la décision sur notre départ'],
  },
};

const SEA_TEXTS: Record<Language, string> = {
  ar: 'متطوع في التوزيع طلب من قريبتي مقابلاً غير لائق للحصول على المساعدة',
  en: 'A volunteer at the distribution asked my cousin for favours in return for aid',
  fr: "Un bénévole de la distribution a demandé des faveurs à ma cousine en échange de l'aide",
};

const CLUSTER_TEXTS: Record<Language, string[]> = {
  ar: [
    'الحراس عند المعبر أخذوا وثائقنا ولم يعيدوها إلا بعد أن دفعنا',
    'طُلب منا دفع رسوم غير رسمية عند المعبر لاستعادة بطاقاتنا',
    'احتجزوا جوازات سفرنا ساعات حتى دفع زوجي المال',
  ],
  en: [
    'Guards at the border crossing kept our papers until we paid them',
    'We had to pay an unofficial fee at the crossing to get our ID cards back',
  ],
  fr: ['Les gardes au poste frontière ont gardé nos papiers jusqu’à ce que nous payions'],
};

const REPLIES: Record<Language, string[]> = {
  ar: [
    'شكرًا لتواصلك. أبلغنا الجهة المسؤولة وسيزوركم فريقنا هذا الأسبوع.',
    'تمت معالجة طلبك وأضيف اسمك إلى قائمة التوزيع.',
    'نتابع الأمر مع السلطات المحلية وسنعلمك بالنتيجة.',
  ],
  en: [
    'Thank you for telling us. We raised it with the water authority and a repair team is scheduled this week.',
    'Your family has been added to the distribution list; the next distribution is on Saturday.',
    'We are following this up with the local authority and will tell you what they decide.',
  ],
  fr: [
    'Merci de nous avoir prévenus. Nous avons saisi le service concerné et une équipe passera cette semaine.',
    'Votre famille a été ajoutée à la liste de distribution.',
  ],
};

const CLUSTER_REPLY: Record<Language, string> = {
  ar: 'وثّقنا ما حدث عند المعبر وأحلناه إلى هيئة التفتيش. لن تُطلب منكم رسوم بعد الآن.',
  en: 'We documented what happened at the crossing and referred it to the border inspectorate. No fee may be asked of you.',
  fr: 'Nous avons documenté les faits au poste frontière et saisi l’inspection. Aucun frais ne peut vous être demandé.',
};

const NAMES = ['Huda', 'Ahmad', 'Rania', 'Yusuf', 'Salma', 'Karim', 'Aline', 'Jamal'];
const DAY_MS = 86_400_000;

/** Where submissions can be about: the published locations and the transit points of the cases demo. */
export interface DemoPlaces {
  pcodes: readonly string[];
  transitPoints: readonly string[];
}

function weighted<T>(random: ReturnType<typeof seeded>, choices: readonly [T, number][]): T {
  let roll = random.next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices.at(-1)![0];
}

/** How far an item received `ageDays` ago has got: older ones further, a few left overdue on purpose. */
function progress(
  random: ReturnType<typeof seeded>,
  ageDays: number,
): { status: SubmissionStatus; stepDays: number[] } {
  const steps: SubmissionStatus[] = ['acknowledged', 'assigned', 'investigating', 'responded', 'closed'];
  const reach = ageDays < 2 ? 0 : ageDays < 8 ? random.int(0, 2) : ageDays < 30 ? random.int(1, 4) : random.int(3, 5);
  // One in eight is acknowledged late, past its two days.
  let day = random.chance(0.125) ? random.int(3, 6) : random.int(0, 2);
  const stepDays: number[] = [];
  for (let i = 0; i < reach && day <= ageDays; i++) {
    stepDays.push(day);
    day += random.int(1, i === 2 ? 12 : 4);
  }
  const status: SubmissionStatus = stepDays.length === 0 ? 'received' : steps[stepDays.length - 1]!;
  return { status, stepDays };
}

/** The demo's submissions, the same on every load for the same `now`'s day. */
export function generateDemoSubmissions(places: DemoPlaces, now: Date): DemoSubmission[] {
  const random = seeded('homeward demo gateway');
  const pickDigit = (n: number) => Math.floor(random.next() * n);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const submissions: DemoSubmission[] = [];
  for (let i = 0; i < DEMO_SUBMISSIONS; i++) {
    const cluster = i < CLUSTER_SIZE && places.transitPoints.includes(CLUSTER_TRANSIT_POINT);
    const language = weighted<Language>(random, [
      ['ar', 55],
      ['en', 25],
      ['fr', 20],
    ]);
    const kind: SubmissionKind = cluster
      ? 'complaint'
      : weighted<SubmissionKind>(random, [
          ['concern', 40],
          ['complaint', 25],
          ['protection_request', 20],
          ['appeal', 15],
        ]);
    const sea = kind === 'complaint' && !cluster && random.chance(0.06);
    const complaintCategory: ComplaintCategory | undefined =
      kind !== 'complaint'
        ? undefined
        : cluster
          ? 'fraud_or_extortion'
          : sea
            ? 'sexual_exploitation_abuse'
            : random.pick(['misconduct', 'denied_assistance', 'discrimination', 'other'] as const);
    const aboutNamedPerson = kind === 'protection_request' && random.chance(0.3);
    const channel = random.chance(0.3) ? 'sms' : 'web';
    const disclosure: Disclosure =
      channel === 'sms'
        ? 'confidential'
        : weighted<Disclosure>(random, [
            ['anonymous', 45],
            ['confidential', 35],
            ['open', 20],
          ]);
    const bank = TEXTS[kind][language];
    const text = cluster ? random.pick(CLUSTER_TEXTS[language]) : sea ? SEA_TEXTS[language] : random.pick(bank);
    // The cluster falls in the last six weeks; the rest over six months.
    const ageDays = cluster ? random.int(10, 42) : random.int(0, 180);
    const receivedAt = new Date(today - ageDays * DAY_MS + random.int(7, 20) * 3600_000 + random.int(0, 59) * 60_000);
    // The cluster's complaints were all answered: the incident came of them.
    const { status, stepDays } = cluster
      ? random.chance(0.5)
        ? { status: 'closed' as const, stepDays: [1, 2, 3, 8, 9] }
        : { status: 'responded' as const, stepDays: [1, 2, 3, 8] }
      : progress(random, ageDays);
    const phone = `+964 75${random.int(0, 9)} ${random.int(100, 999)} ${random.int(1000, 9999)}`;
    const contact =
      disclosure === 'anonymous'
        ? undefined
        : channel === 'sms' || random.chance(0.7)
          ? { phone, ...(disclosure === 'open' ? { name: random.pick(NAMES) } : {}) }
          : { email: `${random.pick(NAMES).toLowerCase()}${random.int(1, 99)}@example.org` };
    const answered = status === 'responded' || status === 'closed';
    submissions.push({
      kind,
      ...(complaintCategory ? { complaintCategory } : {}),
      aboutNamedPerson,
      disclosure,
      channel,
      language,
      text,
      ...(cluster
        ? { transitPoint: CLUSTER_TRANSIT_POINT }
        : random.chance(0.6) && places.pcodes.length > 0
          ? { pcode: random.pick(places.pcodes) }
          : random.chance(0.2) && places.transitPoints.length > 0
            ? { transitPoint: random.pick(places.transitPoints) }
            : {}),
      ...(contact ? { contact } : {}),
      contactConsent: contact !== undefined && random.chance(0.8),
      receiptCode: newReceiptCode(pickDigit),
      receivedAt,
      status,
      stepDays,
      ...(answered ? { reply: cluster ? CLUSTER_REPLY[language] : random.pick(REPLIES[language]) } : {}),
      ...(random.chance(0.1)
        ? { addition: language === 'ar' ? 'حدث ذلك مرة أخرى هذا الأسبوع' : 'It happened again this week' }
        : {}),
      ...(status === 'closed' && random.chance(0.6)
        ? {
            satisfaction: weighted<Satisfaction>(random, [
              ['satisfied', 60],
              ['partly_satisfied', 25],
              ['not_satisfied', 15],
            ]),
          }
        : {}),
      cluster,
    });
  }
  return submissions;
}
