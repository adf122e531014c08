import { inTransaction } from '../platform/audit/head.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import { activeFramework, publishFramework, saveFrameworkDraft } from '../zones/frameworks.ts';
import { writeAnswer, writeComment, writeConsultation } from './consultations.ts';
import { at, dayFrom, demoActor } from './demo-actors.ts';
import type { ForumDemo } from './demo-context.ts';

/**
 * The forum demo's consultation: version 2 of the zone criteria framework, a revision of its title and wording
 * (no threshold or weight changes, so every zone keeps its class), opened for 28 days five months ago; the
 * network, the monitors, the UN agency and the public commented in English, Arabic and French; every comment was
 * answered, and version 2 was published through the guarded publication.
 */
export async function loadDemoConsultations(demo: ForumDemo): Promise<void> {
  const { context } = demo;
  const chair = demoActor(context, 'coordinator');
  const coordinator: Actor = { ...chair, roles: ['coordinator'] };
  const ctx = {
    db: context.db,
    actor: coordinator,
    requestId: 'demo',
    language: 'en',
    platform: undefined as never,
  } satisfies Omit<RequestContext, 'platform'> & { platform: never };
  const active = await activeFramework(context.db);
  if (active.version !== 1) return;
  const definition = structuredClone(active.definition);
  definition.title = {
    ...definition.title,
    en: `${definition.title.en ?? 'Return zone criteria'} (2026 revision)`,
  };
  const draft = await saveFrameworkDraft(ctx as unknown as RequestContext, definition);
  const opens = at(dayFrom(context.now, -150));
  const closes = at(dayFrom(context.now, -122));
  const cso = demoActor(context, 'civil_society_watchdog');
  const monitor = demoActor(context, 'verifier');
  const un = demoActor(context, 'protection_officer');
  const criterion = definition.criteria[0]!.code;
  const indicator = definition.criteria[0]!.indicators[0]!.code;
  await inTransaction(context.db, async (tx) => {
    const id = await writeConsultation(
      tx,
      coordinator,
      {
        frameworkVersion: draft.version,
        title: 'Zone criteria: the 2026 revision',
        summary:
          'The criteria keep their indicators, thresholds and weights; the revision renames the framework and explains each criterion in plainer words for returnees.',
        days: 28,
      },
      21,
      opens,
    );
    const comments: [
      Actor | null,
      string | undefined,
      string,
      'en' | 'ar' | 'fr',
      'accepted' | 'partly_accepted' | 'not_accepted',
      string,
    ][] = [
      [
        cso,
        criterion,
        'Explain what “conducive” means for a family with children: schools and clinics.',
        'en',
        'accepted',
        'Each class now says what it means for schooling and health care.',
      ],
      [
        monitor,
        indicator,
        'Say who measures this indicator and how often.',
        'en',
        'partly_accepted',
        'The source is named; the frequency stays in the technical details.',
      ],
      [
        un,
        undefined,
        'Publish the Arabic text at the same time as the English.',
        'en',
        'accepted',
        'All three languages are published together.',
      ],
      [
        null,
        undefined,
        'نريد أن نعرف هل الطريق إلى القرية آمن قبل العودة.',
        'ar',
        'partly_accepted',
        'Road safety is part of the safety criterion; the zone page now names it.',
      ],
      [
        null,
        criterion,
        'Les seuils devraient être plus stricts pour les zones frontalières.',
        'fr',
        'not_accepted',
        'Thresholds are outside this revision; they will be consulted on separately.',
      ],
    ];
    const ids: string[] = [];
    for (const [n, [actor, target, text, language]] of comments.entries()) {
      ids.push(
        await writeComment(
          tx,
          actor,
          id,
          { ...(target ? { target } : {}), text, language },
          at(dayFrom(opens, 2 + n * 4), 9 + n),
        ),
      );
    }
    for (const [n, [, , , , answer, reason]] of comments.entries()) {
      await writeAnswer(
        tx,
        coordinator,
        id,
        ids[n]!,
        { answer, reason, withheld: false },
        at(dayFrom(closes, 3), 10 + n),
      );
    }
  });
  await publishFramework(ctx as unknown as RequestContext, draft.version);
  await openNextConsultation(demo, ctx as unknown as RequestContext, coordinator);
}

/**
 * The consultation still open: a draft of version 3 that adds a plain-words explanation to each criterion,
 * opened six days ago for 28 days, with a first comment from the network and one from the public in Arabic.
 * The draft cannot be published until it closes and both have their answers.
 */
async function openNextConsultation(demo: ForumDemo, ctx: RequestContext, coordinator: Actor): Promise<void> {
  const { context } = demo;
  const active = await activeFramework(context.db);
  const definition = structuredClone(active.definition);
  definition.title = { ...definition.title, en: `${active.definition.title.en ?? 'Return zone criteria'}, 2027 draft` };
  const draft = await saveFrameworkDraft(ctx, definition);
  const opens = at(dayFrom(context.now, -6));
  const cso = demoActor(context, 'civil_society_watchdog');
  const criterion = definition.criteria[0]!.code;
  await inTransaction(context.db, async (tx) => {
    const id = await writeConsultation(
      tx,
      coordinator,
      {
        frameworkVersion: draft.version,
        title: 'Zone criteria: the 2027 draft',
        summary:
          'The draft keeps every indicator and threshold and adds, for each criterion, a short explanation in plain words of what it means for a family deciding whether to return. Comment on the draft as a whole or on one criterion or indicator.',
        days: 28,
      },
      21,
      opens,
    );
    await writeComment(
      tx,
      cso,
      id,
      { target: criterion, text: 'Name the clinics and schools each explanation counts on.', language: 'en' },
      at(dayFrom(opens, 2), 10),
    );
    await writeComment(
      tx,
      null,
      id,
      { text: 'اكتبوا الشرح بلغة بسيطة كما يتكلم الناس في القرى.', language: 'ar' },
      at(dayFrom(opens, 3), 16),
    );
  });
}
