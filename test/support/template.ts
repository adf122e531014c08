import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '../../src/server/platform/db/client.ts';

/** A migrated database that test files copy: a PGlite dump file, or a PostgreSQL template database. */
export type Template = { kind: 'embedded'; dumpFile: string } | { kind: 'postgres'; serverUrl: string; name: string };

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createTemplate(outDir: string): Promise<Template> {
  const serverUrl = process.env.HOMEWARD_TEST_DATABASE_URL;
  if (serverUrl) {
    // Named per call: each test project (vitest.config.ts) runs the global setup, in the same process.
    const name = `homeward_template_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const handle = await openDatabase({ dataDir: outDir, databaseUrl: withDatabase(serverUrl, name) });
    await handle.migrate();
    await handle.close();
    return { kind: 'postgres', serverUrl, name };
  }
  const pglite = await PGlite.create();
  const handle = await openDatabase({ dataDir: outDir, loadDataDir: await pglite.dumpDataDir('none') });
  await pglite.close();
  await handle.migrate();
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  const dumpFile = path.join(outDir, `template-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  return { kind: 'embedded', dumpFile };
}

export async function dropTemplate(template: Template): Promise<void> {
  if (template.kind === 'embedded') {
    fs.rmSync(template.dumpFile, { force: true });
    return;
  }
  const admin = postgres(template.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${template.name} WITH (FORCE)`);
  await admin.end();
}

/** A fresh copy of the migrated template, for one test file. Closing it drops a PostgreSQL copy. */
export async function copyTemplate(template: Template, dataDir: string): Promise<DatabaseHandle> {
  if (template.kind === 'embedded') {
    const blob = new Blob([fs.readFileSync(template.dumpFile)]);
    // The small buffer pool: a test file's database is small, and the default pool's page faults at each start
    // cost every file about half a second of CPU.
    return openDatabase({ dataDir, loadDataDir: blob, bufferPool: 'small' });
  }
  const name = `homeward_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(template.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
  const handle = await openDatabase({ dataDir, databaseUrl: withDatabase(template.serverUrl, name) });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
