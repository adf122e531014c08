/**
 * The checks behind src/server/modules.test.ts: which files may import which, and raw SQL that types a table's
 * name. Each reads source text, so that a unit test can show it failing on a made-up file.
 */

export interface Import {
  specifier: string;
  line: number;
}

/** Every module a source file imports or re-exports: static, side-effect and dynamic `import()`. */
export function importsOf(source: string): Import[] {
  const pattern =
    /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  const found: Import[] = [];
  for (const match of source.matchAll(pattern)) {
    const specifier = match[1] ?? match[2];
    const keyword = match.index + match[0].search(/import|export/);
    if (specifier) found.push({ specifier, line: lineAt(source, keyword) });
  }
  return found;
}

const lineAt = (source: string, index: number) => source.slice(0, index).split('\n').length;

/** Where a file under src/server belongs: the platform, a feature module, or the code that puts them together. */
export type Owner = { kind: 'platform' } | { kind: 'module'; name: string } | { kind: 'composition' };

export function ownerOf(file: string, moduleNames: readonly string[]): Owner {
  const [top] = file.replace(/^.*?src\/server\//, '').split('/');
  if (top === 'platform') return { kind: 'platform' };
  if (top && moduleNames.includes(top)) return { kind: 'module', name: top };
  return { kind: 'composition' };
}

/** A file of table definitions: a module's `tables.ts` or a platform `schema.ts`. */
export const isTablesFile = (file: string) =>
  /src\/server\/(?:[a-z-]+\/tables|platform\/[a-z-]+\/schema)\.ts$/.test(file);

/** Tests and test support may read any table to check what happened; the rules are for the application. */
export const isTestFile = (file: string) => /\.test\.ts$|test-support\.ts$/.test(file);

/** Resolves a relative specifier against the importing file (both relative to the repository root). */
export function resolveImport(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const parts = file.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Why an import breaks module ownership, or undefined: a module reads another module's or the platform's
 * tables only from its own tables file (for a foreign key), and the platform never imports a feature module.
 */
export function importProblem(file: string, target: string, moduleNames: readonly string[]): string | undefined {
  if (!target.includes('src/server/')) return undefined;
  const from = ownerOf(file, moduleNames);
  const to = ownerOf(target, moduleNames);
  if (from.kind === 'platform' && to.kind === 'module') {
    return `${file} (platform) imports the ${to.name} module (${target})`;
  }
  if (from.kind === 'module' && isTablesFile(target) && !isTablesFile(file)) {
    const own = to.kind === 'module' && to.name === from.name;
    if (!own) return `${file} imports another owner's tables (${target}); use its service functions`;
  }
  return undefined;
}

/** The text of every `sql` tagged template, its `${…}` parts blanked out, with the line it starts on. */
export function sqlTemplates(source: string): { text: string; line: number }[] {
  const templates: { text: string; line: number }[] = [];
  const tag = /\bsql(?:<[^>`]*>)?`/g;
  for (const match of source.matchAll(tag)) {
    let index = match.index + match[0].length;
    let text = '';
    while (index < source.length && source[index] !== '`') {
      if (source[index] === '\\') {
        text += source.slice(index, index + 2);
        index += 2;
      } else if (source.startsWith('${', index)) {
        index = endOfInterpolation(source, index + 2);
        text += ' ? ';
      } else {
        text += source[index];
        index++;
      }
    }
    templates.push({ text, line: lineAt(source, match.index) });
  }
  return templates;
}

/** The index just past the `}` that closes an interpolation, skipping nested braces, strings and templates. */
function endOfInterpolation(source: string, start: number): number {
  let depth = 1;
  let index = start;
  while (index < source.length && depth > 0) {
    const char = source[index]!;
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === "'" || char === '"' || char === '`') {
      const quote = char;
      index++;
      while (index < source.length && source[index] !== quote) index += source[index] === '\\' ? 2 : 1;
    }
    index++;
  }
  return index;
}

/**
 * Table names typed into raw SQL: a word that is a table's name, bare or double-quoted, not part of a longer
 * name. Drizzle's table objects (`${zonePublications}`) keep a renamed table from breaking in silence.
 */
export function typedTableNames(source: string, tableNames: readonly string[]): { table: string; line: number }[] {
  const found: { table: string; line: number }[] = [];
  for (const template of sqlTemplates(source)) {
    for (const table of tableNames) {
      const word = new RegExp(`(?<![\\w.])"?${table}"?(?![\\w])`);
      const match = word.exec(template.text);
      if (match)
        found.push({ table, line: template.line + template.text.slice(0, match.index).split('\n').length - 1 });
    }
  }
  return found;
}
