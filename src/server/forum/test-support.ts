import type { Database } from '../platform/db/client.ts';
import { frameworkByVersion } from '../zones/frameworks.ts';
import { forumConsultations } from './tables.ts';

/**
 * Test helper: a consultation on framework draft `version` that opened 30 days ago, closed yesterday and took no
 * comments, so that the draft may be published (other modules' tests that publish a framework use it).
 */
export async function concludedConsultationFor(db: Database, version: number): Promise<void> {
  const framework = await frameworkByVersion(db, version);
  if (!framework) throw new Error(`no framework version ${version}`);
  const now = Date.now();
  await db.insert(forumConsultations).values({
    frameworkId: framework.id,
    frameworkVersion: version,
    title: `Version ${version}`,
    summary: 'A test consultation.',
    status: 'concluded',
    opensAt: new Date(now - 30 * 86_400_000),
    closesAt: new Date(now - 86_400_000),
    minimumDays: 21,
    concludedAt: new Date(now - 86_400_000),
  });
}
