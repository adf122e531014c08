import { ROLES } from '../../../shared/vocabulary.ts';
import { type MyWork, WORK_ENTRIES_MAX, type WorkItem, workEntry } from '../../../shared/work.ts';
import { listUsers } from '../accounts/service.ts';
import type { RequestContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import type { HomewardModule } from '../module.ts';
import { can } from '../policy/policy.ts';
import { listAgreements } from '../policy/service.ts';

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

/** Agreements that end within this many days are an administrator's work: renew them or let them lapse. */
export const AGREEMENT_EXPIRY_NOTICE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * What the signed-in person has waiting, for each of their roles in their active organisation: the platform's
 * own (accounts and agreements, for an administrator) and each module's (its `work` declaration), ordered by
 * role as ROLES lists them. Every part reads through the services the screens use, so it shows nothing the
 * person could not see there.
 */
export async function myWork(ctx: RequestContext, modules: readonly HomewardModule[]): Promise<MyWork> {
  const actor = requireActor(ctx);
  const items: WorkItem[] = [...(await accountWork(ctx))];
  for (const module of modules) if (module.work) items.push(...(await module.work(ctx)));
  const rank = (role: string) => ROLES.indexOf(role as (typeof ROLES)[number]);
  const mine = items.filter((item) => actor.roles.includes(item.role as (typeof ROLES)[number]));
  return { items: mine.sort((a, b) => rank(a.role) - rank(b.role)) };
}

/**
 * An administrator's pending work: accounts whose holder has not yet chosen a password (a one-time password
 * was handed over), accounts whose roles need two-factor sign-in that has not been set up, and data-sharing
 * agreements that end within AGREEMENT_EXPIRY_NOTICE_DAYS. Within the administrator's reach (docs/access.md).
 */
async function accountWork(ctx: RequestContext): Promise<WorkItem[]> {
  const actor = requireActor(ctx);
  if (!can(actor, 'user:manage')) return [];
  const people = (await listUsers(ctx, {})).filter((user) => user.active);
  const personEntry = (user: (typeof people)[number]) =>
    workEntry({
      href: `administration/users/${user.id}`,
      subject: { code: user.email, name: { en: user.displayName } },
      organisation: user.memberships[0]?.organisation.name ?? null,
    });
  const noPassword = people.filter((user) => user.passwordChangeRequired);
  const noTwoFactor = people.filter((user) => user.twoFactor.required && !user.twoFactor.enabled);
  const items: WorkItem[] = [
    {
      kind: 'accounts.password_not_chosen',
      role: 'administrator',
      count: noPassword.length,
      entryCount: noPassword.length,
      href: 'administration/users',
      entries: noPassword.slice(0, WORK_ENTRIES_MAX).map(personEntry),
    },
    {
      kind: 'accounts.two_factor_missing',
      role: 'administrator',
      count: noTwoFactor.length,
      entryCount: noTwoFactor.length,
      href: 'administration/users',
      entries: noTwoFactor.slice(0, WORK_ENTRIES_MAX).map(personEntry),
    },
  ];
  if (can(actor, 'agreement:manage')) {
    const horizon = Date.now() + AGREEMENT_EXPIRY_NOTICE_DAYS * DAY_MS;
    const ending = (await listAgreements(ctx, { status: 'active' }))
      .filter((agreement) => Date.parse(agreement.expiresAt) <= horizon)
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
    items.push({
      kind: 'agreements.expiring',
      role: 'administrator',
      count: ending.length,
      entryCount: ending.length,
      href: 'administration/agreements',
      entries: ending.slice(0, WORK_ENTRIES_MAX).map((agreement) =>
        workEntry({
          href: 'administration/agreements',
          subject: { code: agreement.expiresAt.slice(0, 10), name: { en: agreement.to.name } },
          organisation: agreement.from.name,
          period: agreement.expiresAt.slice(0, 10),
        }),
      ),
    });
  }
  return items;
}
