import fs from 'node:fs';
import path from 'node:path';
import { getTableName, is, Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  importProblem,
  importsOf,
  isTestFile,
  resolveImport,
  sqlTemplates,
  typedTableNames,
} from '../../test/support/boundaries.ts';
import { MODULES } from './modules.ts';
import * as platformTables from './platform/db/schema.ts';

/**
 * Modules own their tables and the platform stands on its own: read from the source files themselves, so that
 * the next module keeps the rules without anyone remembering them.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const MODULE_NAMES = MODULES.map((module) => module.name);

const tableNamesOf = (tables: Readonly<Record<string, unknown>>) =>
  Object.values(tables)
    .filter((value) => is(value, Table))
    .map((table) => getTableName(table as Table));
const TABLE_NAMES = [...tableNamesOf(platformTables), ...MODULES.flatMap((module) => tableNamesOf(module.tables))];

/** The application's source files under src/server, relative to the repository root. */
function serverFiles(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'src/server'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => `src/server/${file.split(path.sep).join('/')}`)
    .filter((file) => !isTestFile(file));
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('module boundaries', () => {
  it('finds the files and tables it checks', () => {
    expect(serverFiles()).toContain('src/server/zones/observations.ts');
    expect(TABLE_NAMES).toEqual(
      expect.arrayContaining(['zones', 'zone_publications', 'organisations', 'audit_entries']),
    );
  });

  it('has each module declare every table of its tables.ts', async () => {
    for (const module of MODULES) {
      const tables = await import(`./${module.name}/tables.ts`);
      expect(tableNamesOf(module.tables).sort()).toEqual(tableNamesOf(tables).sort());
    }
  });

  it('keeps a module out of other owners’ tables, and the platform out of the modules', () => {
    const problems = serverFiles().flatMap((file) =>
      importsOf(read(file)).flatMap(({ specifier, line }) => {
        const target = resolveImport(file, specifier);
        const problem = target && importProblem(file, target, MODULE_NAMES);
        return problem ? [`${problem}, line ${line}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('names tables in raw SQL through their Drizzle objects, never as typed text', () => {
    const problems = serverFiles().flatMap((file) =>
      typedTableNames(read(file), TABLE_NAMES).map(({ table, line }) => `${file}:${line} types "${table}"`),
    );
    expect(problems).toEqual([]);
  });
});

describe('the boundary checks', () => {
  it('reads static, type-only, side-effect, re-exported and dynamic imports, with their lines', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b/b.ts';",
      "import './side.ts';",
      "export * from './re.ts';",
      'import {',
      '  c,',
      "} from './c.ts';",
      "const d = await import('./d.ts');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: '../b/b.ts', line: 2 },
      { specifier: './side.ts', line: 3 },
      { specifier: './re.ts', line: 4 },
      { specifier: './c.ts', line: 5 },
      { specifier: './d.ts', line: 8 },
    ]);
  });

  it('refuses a module reading the platform’s tables outside its tables file, and the platform importing a module', () => {
    const modules = ['zones', 'cases'];
    const accounts = 'src/server/platform/accounts/schema.ts';
    expect(importProblem('src/server/zones/observations.ts', accounts, modules)).toMatch(/another owner's tables/);
    expect(importProblem('src/server/cases/cases.ts', 'src/server/zones/tables.ts', modules)).toMatch(/another owner/);
    expect(importProblem('src/server/platform/audit/events.ts', 'src/server/zones/events.ts', modules)).toMatch(
      /\(platform\) imports the zones module/,
    );
    // A foreign key, from the module's own tables file, and the module's own tables are fine.
    expect(importProblem('src/server/zones/tables.ts', accounts, modules)).toBeUndefined();
    expect(importProblem('src/server/zones/observations.ts', 'src/server/zones/tables.ts', modules)).toBeUndefined();
    expect(
      importProblem('src/server/zones/observations.ts', 'src/server/platform/db/client.ts', modules),
    ).toBeUndefined();
  });

  it('finds a table name typed into raw SQL, and not one passed as a Drizzle object or inside a longer name', () => {
    const source = [
      'const a = sql`select count(*) from zone_publications`;',
      'const b = sql`select * from #{zonePublications} where #{zonePublications.id} = #{id}`;',
      'const c = sql<number>`count(*) filter (where zone_publications_count > 0)`;',
      'const d = sql`select 1 from #{zones} z',
      '  where z.pcode = "zones"."pcode"`;',
      "const e = sql`#{nested ? sql`x` : 'zones'}`;",
    ]
      .join('\n')
      // Written with #{…} so that the strings are not mistaken for templates; the checker reads ${…}.
      .replaceAll('#{', '$' + '{');
    expect(sqlTemplates(source).map((template) => template.text)).toContain(' ? ');
    expect(typedTableNames(source, ['zones', 'zone_publications'])).toEqual([
      { table: 'zone_publications', line: 1 },
      { table: 'zones', line: 5 },
    ]);
  });
});
