import { type LocalizedText, PCODE, PCODE_RULE, ZONE_LEVELS, type ZoneLevel } from '../../../shared/zones/schemas.ts';
import { counted } from '../../platform/i18n/plural.ts';
import type { GazetteerRow } from '../gazetteer.ts';
import { type ImportProblems, type ImportWarnings, type Place, placeText } from './import-problems.ts';
import type { TabularRow } from './tabular.ts';

/**
 * A gazetteer spreadsheet read into zones, checked against itself and the gazetteer already stored. The
 * layouts information managers download are accepted:
 *
 * - one row per unit: `pcode`, optional `parent_pcode` and `level` (a name such as admin2, or a number: 0 for
 *   the country), `name_en` (or `name`) and any `name_xx`, optional `population`. This is also the layout of
 *   the global P-code list (`P-Code`, `Admin Level`, `Parent P-Code`, `Name`), whose first level has the
 *   country's ISO3 code as parent;
 * - the OCHA COD layout, one row per deepest unit with its ancestors beside it: `admin0Pcode`, `admin0Name_en`,
 *   `admin1Pcode`, … (admin0 to admin4), optional `population` (of the deepest unit of the row). The older
 *   `ADM1_PCODE`/`ADM1_EN`/`ADM1_AR` headers and the newer `adm1_pcode`, `adm1_name`, `adm1_name1` with their
 *   `lang`, `lang1` columns (the language of each name column, per row) and `adm1_ref` are read too.
 *
 * Which unit contains which is what the file says: the parent column, or the admin columns of a COD row. Only a
 * file that says neither has a unit placed under the longest P-code in the file or the gazetteer that begins
 * its own. A child whose P-code does not begin with its parent's, and siblings whose P-codes differ in length,
 * are warned about, not refused: several countries publish such codes. A missing level is one below the
 * parent's (a unit without a parent is a state). A column the file does not have (population, a language)
 * keeps what the gazetteer holds.
 */

/** The levels of the COD layout's admin0…admin4 columns. */
const ADMIN_LEVELS: readonly ZoneLevel[] = ['state', 'admin1', 'admin2', 'admin3', 'admin4'];
const POPULATION_MAX = 2_147_483_647;
const NAME_MAX = 300;

const LEVEL_ALIASES: Record<string, ZoneLevel> = {
  state: 'state',
  country: 'state',
  admin0: 'state',
  adm0: 'state',
  '0': 'state',
  location: 'location',
  locality: 'location',
  loc: 'location',
};
for (const n of [1, 2, 3, 4]) {
  const level = ADMIN_LEVELS[n]!;
  for (const alias of [`admin${n}`, `adm${n}`, `admin_${n}`, `${n}`]) LEVEL_ALIASES[alias] = level;
}

/** Renames the headers operations use for the same thing (HDX COD tables, P-code lists) to one field name. */
export function gazetteerColumn(header: string): string {
  if (['p_code', 'p-code', 'pcode', 'adm_pcode'].includes(header)) return 'pcode';
  if (['parent', 'parent_p_code', 'parent_p-code', 'parentpcode', 'parent_code', 'parent_pcode'].includes(header)) {
    return 'parent_pcode';
  }
  if (['name', 'name_english', 'english_name'].includes(header)) return 'name_en';
  if (['admin_level', 'adm_level', 'level'].includes(header)) return 'level';
  if (['pop', 'total_population'].includes(header)) return 'population';
  const code = /^adm(?:in)?_?([0-9])_?p_?-?code$/.exec(header);
  if (code) return `admin${code[1]}pcode`;
  // admin1Name_fr: a name in the language the header gives.
  const named = /^adm(?:in)?_?([0-9])_?name_([a-z]{2,3})$/.exec(header);
  if (named) return `admin${named[1]}name_${named[2]}`;
  // adm1_name, adm1_name1: a name in the language of the row's lang, lang1 column (English without one).
  const name = /^adm(?:in)?_?([0-9])_?name([1-9]?)$/.exec(header);
  if (name) return `admin${name[1]}name${name[2]}`;
  const reference = /^adm(?:in)?_?([0-9])_?ref(?:_?name)?$/.exec(header);
  if (reference) return `admin${reference[1]}ref`;
  // HDX COD-AB attribute tables: ADM2_EN, ADM2_AR.
  const codName = /^adm([0-9])_([a-z]{2})$/.exec(header);
  if (codName) return `admin${codName[1]}name_${codName[2]}`;
  const language = /^lang(?:uage)?_?([1-9]?)$/.exec(header);
  if (language) return `lang${language[1]}`;
  return header;
}

export const isGazetteerField = (field: string): boolean =>
  ['pcode', 'parent_pcode', 'level', 'population'].includes(field) ||
  /^name_[a-z]{2,3}$/.test(field) ||
  /^lang[1-9]?$/.test(field) ||
  /^admin[0-9](pcode|name_[a-z]{2,3}|name[1-9]?|ref)$/.test(field);

/** What the file says of one unit, and where. */
interface UnitDraft {
  pcode: string;
  at: Place;
  /** The workbook sheet of its own row, if any. */
  sheet?: string;
  /** The column of its P-code: `pcode` or `admin2pcode`. */
  pcodeField: string;
  /** Whether a row is this unit's own (not only an ancestor beside a deeper unit). */
  own: boolean;
  /** Its row has a problem already: it is not placed, and its children wait for it in silence. */
  refused?: boolean;
  parent?: { pcode: string | null; at: Place; field: string };
  level?: { level: ZoneLevel; at: Place; field: string };
  names: Record<string, { name: string; at: Place }>;
  /** The reference name (COD `adm1_ref`), the English name when the file gives none. */
  reference?: string;
  /** Languages the file has a column for: the others keep the stored names. */
  languages: Set<string>;
  /** undefined when the file has no population column. */
  population?: number | null;
}

export interface StoredZone {
  pcode: string;
  parentPcode: string | null;
  level: string;
  names: LocalizedText;
  population: number | null;
}

/** Where a name column's language comes from: the header, or a `lang` column of the row. */
type NameSource = { field: string; language: string } | { field: string; languageField: string };

function parsePcode(raw: string, at: Place, field: string, problems: ImportProblems): string | undefined {
  if (raw === '') {
    problems.at(at, field, 'required', 'give the P-code');
    return undefined;
  }
  const pcode = raw.toUpperCase();
  if (!PCODE.test(pcode)) {
    problems.at(at, field, 'format', `"${raw}" is not a P-code: ${PCODE_RULE}`);
    return undefined;
  }
  return pcode;
}

function parsePopulation(raw: string, at: Place, problems: ImportProblems): number | null | undefined {
  if (raw === '') return null;
  const digits = /^\d{1,3}(,\d{3})+$/.test(raw) ? raw.replaceAll(',', '') : raw;
  const value = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > POPULATION_MAX) {
    problems.at(at, 'population', 'not_a_count', `"${raw}" is not a population: give a whole number, 0 or more`);
    return undefined;
  }
  return value;
}

/** The name columns of one prefix (`name`, `admin1name`) among the header's fields. */
function nameSources(fields: readonly string[], prefix: string): NameSource[] {
  const sources: NameSource[] = [];
  for (const field of fields) {
    if (!field.startsWith(prefix)) continue;
    const rest = field.slice(prefix.length);
    const fixed = /^_([a-z]{2,3})$/.exec(rest);
    if (fixed) sources.push({ field, language: fixed[1]! });
    const numbered = /^([1-9]?)$/.exec(rest);
    if (numbered) {
      const languageField = `lang${numbered[1]}`;
      if (fields.includes(languageField)) sources.push({ field, languageField });
      else if (numbered[1] === '') sources.push({ field, language: 'en' });
    }
  }
  return sources;
}

/** Reads the file's rows into units, reporting what is wrong with a row by itself. */
export class GazetteerReader {
  readonly units = new Map<string, UnitDraft>();
  /** Columns read without a language column to tell what language they are in (for the summary). */
  readonly notes: string[] = [];
  private wideLevels: number[] | undefined;
  private fields: readonly string[] = [];
  private sheet: string | undefined;
  private names = new Map<string, NameSource[]>();
  private readonly problems: ImportProblems;
  /** Whether any table had a column that gives English names (or reference names). */
  hasEnglish = false;

  constructor(problems: ImportProblems) {
    this.problems = problems;
  }

  private place(line: number): Place {
    return this.sheet === undefined ? line : `sheet ${this.sheet}, line ${line}`;
  }

  /** Takes a table's header (a file has one, a workbook one a sheet); refuses a table with no P-code column. */
  header(fields: readonly string[], line: number, sheet?: string): void {
    this.fields = fields;
    this.sheet = sheet;
    this.wideLevels = undefined;
    const at = this.place(line);
    const levels = fields
      .map((field) => /^admin([0-9])pcode$/.exec(field)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const prefixes = fields.includes('pcode') ? ['name'] : levels.map((n) => `admin${n}name`);
    this.names = new Map(prefixes.map((prefix) => [prefix, nameSources(fields, prefix)]));
    for (const [prefix, sources] of this.names) {
      if (sources.some((source) => 'languageField' in source || source.language === 'en')) this.hasEnglish = true;
      for (const field of fields) {
        const k = new RegExp(`^${prefix}([1-9])$`).exec(field)?.[1];
        if (k && !fields.includes(`lang${k}`)) {
          this.notes.push(
            `${placeText(at)}: column ${field} was not read: the file has no lang${k} column to say its language`,
          );
        }
      }
    }
    if (fields.some((field) => /^admin[0-9]ref$/.test(field))) this.hasEnglish = true;
    if (fields.includes('pcode')) return;
    const deep = levels.filter((n) => n >= ADMIN_LEVELS.length);
    if (deep.length > 0) {
      this.problems.at(
        at,
        `admin${deep[0]}pcode`,
        'too_deep',
        `the file has admin${deep[0]} P-codes: Homeward holds admin levels 0 to 4 (and locations), so the file ` +
          'cannot be imported whole. Give those units as one row each with level "location" and their parent',
      );
    }
    if (levels.length > 0) this.wideLevels = levels.filter((n) => n < ADMIN_LEVELS.length);
    else {
      this.problems.at(
        at,
        'pcode',
        'missing_column',
        'the file has no P-code column: give pcode (one row per unit), admin0Pcode, admin1Pcode… (the COD ' +
          `layout) or the HXL tags #adm1+code…; its columns are ${fields.join(', ') || 'none'}`,
      );
    }
  }

  get hasPcodeColumn(): boolean {
    return this.fields.includes('pcode') || this.wideLevels !== undefined;
  }

  read(row: TabularRow): void {
    if (this.wideLevels) this.readWide(row, this.wideLevels);
    else this.readUnitRow(row);
  }

  /** The names a row gives under one prefix (`name`, `admin1name`), checked for length. */
  private rowNames(
    values: Record<string, string>,
    prefix: string,
    at: Place,
  ): { names: Record<string, string>; languages: Set<string>; reference?: string } {
    const names: Record<string, string> = {};
    const languages = new Set<string>();
    for (const source of this.names.get(prefix) ?? []) {
      let language: string;
      if ('language' in source) language = source.language;
      else {
        const raw = values[source.languageField] ?? '';
        const code = raw.toLowerCase().split(/[-_]/)[0] ?? '';
        if (raw === '') {
          if ((values[source.field] ?? '') !== '') {
            this.problems.at(
              at,
              source.languageField,
              'required',
              `give the language of ${source.field} (en, fr, ar…)`,
            );
          }
          continue;
        }
        if (!/^[a-z]{2,3}$/.test(code)) {
          this.problems.at(at, source.languageField, 'language', `"${raw}" is not a language code (en, fr, ar…)`);
          continue;
        }
        language = code;
      }
      languages.add(language);
      const value = values[source.field] ?? '';
      if (value === '') continue;
      if (value.length > NAME_MAX) {
        this.problems.at(at, source.field, 'too_long', `a name has at most ${NAME_MAX} characters`);
        continue;
      }
      names[language] ??= value;
    }
    const referenceField = prefix === 'name' ? 'ref' : `${prefix.replace(/name$/, '')}ref`;
    const reference = values[referenceField] ?? '';
    return reference !== '' && reference.length <= NAME_MAX ? { names, languages, reference } : { names, languages };
  }

  private readUnitRow({ line, values }: TabularRow): void {
    const problems = this.problems;
    const at = this.place(line);
    const pcode = parsePcode(values.pcode ?? '', at, 'pcode', problems);
    if (!pcode) return;
    const earlier = this.units.get(pcode);
    if (earlier) {
      problems.at(at, 'pcode', 'duplicate', `${pcode} is also on ${placeText(earlier.at)}`);
      return;
    }
    const unit: UnitDraft = { pcode, at, pcodeField: 'pcode', own: true, names: {}, languages: new Set() };
    if (this.sheet !== undefined) unit.sheet = this.sheet;
    // An empty parent is not given: the unit is a state, or placed under the longest P-code that begins its own.
    const parentRaw = values.parent_pcode ?? '';
    if (parentRaw !== '') {
      const parent = parsePcode(parentRaw, at, 'parent_pcode', problems);
      // Kept as refused, so that its children wait for it rather than report a missing parent too.
      if (parent) unit.parent = { pcode: parent, at, field: 'parent_pcode' };
      else unit.refused = true;
    }
    const levelRaw = (values.level ?? '').toLowerCase().replace(/\s+/g, '');
    if (levelRaw !== '') {
      const level = LEVEL_ALIASES[levelRaw];
      if (level) unit.level = { level, at, field: 'level' };
      else {
        problems.at(
          at,
          'level',
          'enum',
          `"${values.level}" is not a level: give 0 to 4 (0 is the country), ${ZONE_LEVELS.join(', ')}`,
        );
      }
    }
    const { names, languages, reference } = this.rowNames(values, 'name', at);
    for (const [language, name] of Object.entries(names)) unit.names[language] = { name, at };
    unit.languages = languages;
    if (reference !== undefined) unit.reference = reference;
    if ('population' in values) unit.population = parsePopulation(values.population ?? '', at, problems);
    this.units.set(pcode, unit);
  }

  /** A COD row: its deepest unit, with each ancestor beside it. */
  private readWide({ line, values }: TabularRow, levels: readonly number[]): void {
    const problems = this.problems;
    const at = this.place(line);
    const chain = levels.filter((n) => (values[`admin${n}pcode`] ?? '') !== '');
    if (chain.length === 0) {
      if (levels.length > 0) problems.at(at, `admin${levels.at(-1)}pcode`, 'required', 'give the P-code');
      return;
    }
    let parent: { pcode: string; field: string } | undefined;
    for (const [i, n] of chain.entries()) {
      const field = `admin${n}pcode`;
      const pcode = parsePcode(values[field] ?? '', at, field, problems);
      if (!pcode) return;
      const own = i === chain.length - 1;
      const { names, languages, reference } = this.rowNames(values, `admin${n}name`, at);
      let unit = this.units.get(pcode);
      if (unit && own && unit.own) {
        problems.at(at, field, 'duplicate', `${pcode} is also on ${placeText(unit.at)}`);
        return;
      }
      if (!unit) {
        unit = { pcode, at, pcodeField: field, own, names: {}, languages };
        this.units.set(pcode, unit);
      } else if (own) {
        Object.assign(unit, { at, own: true });
      }
      if (own && this.sheet !== undefined) unit.sheet = this.sheet;
      if (reference !== undefined) unit.reference ??= reference;
      for (const language of languages) unit.languages.add(language);
      for (const [language, name] of Object.entries(names)) {
        const before = unit.names[language];
        if (before && before.name !== name) {
          problems.at(
            at,
            this.nameFieldOf(`admin${n}name`, language),
            'conflict',
            `${pcode} is named "${before.name}" on ${placeText(before.at)}`,
          );
        } else if (!before) unit.names[language] = { name, at };
      }
      const givenParent = parent ? parent.pcode : n === 0 ? null : undefined;
      if (givenParent !== undefined) {
        if (unit.parent && unit.parent.pcode !== givenParent) {
          problems.at(
            at,
            parent?.field ?? field,
            'conflict',
            `${pcode} is under ${unit.parent.pcode ?? 'no unit'} on ${placeText(unit.parent.at)}`,
          );
        } else if (!unit.parent) unit.parent = { pcode: givenParent, at, field: parent?.field ?? field };
      }
      unit.level ??= { level: ADMIN_LEVELS[n]!, at, field };
      if (own && 'population' in values) unit.population = parsePopulation(values.population ?? '', at, problems);
      parent = { pcode, field };
    }
  }

  private nameFieldOf(prefix: string, language: string): string {
    const sources = this.names.get(prefix) ?? [];
    return sources.find((s) => 'language' in s && s.language === language)?.field ?? sources[0]?.field ?? prefix;
  }
}

const levelIndex = (level: string) => ZONE_LEVELS.indexOf(level as ZoneLevel);

/**
 * Places every unit of the file under its parent, at its level, with its names and population, reporting
 * what the hierarchy refuses (one problem for one cause: a parent missing under 300 units is one problem) and
 * warning of what it only doubts. Returns the rows to write, parents before children.
 */
export function resolveGazetteer(
  units: ReadonlyMap<string, UnitDraft>,
  stored: ReadonlyMap<string, StoredZone>,
  problems: ImportProblems,
  warnings: ImportWarnings,
  options: { hasEnglish?: boolean } = {},
): GazetteerRow[] {
  const exists = (pcode: string) => units.has(pcode) || stored.has(pcode);

  // 1. Each unit's parent: the one the file gives, or (when it gives none) the longest P-code prefix.
  const parents = new Map<string, string | null>();
  const missing = new Map<string, { count: number; at: Place; field: string }>();
  const isState = (pcode: string) => {
    const unit = units.get(pcode);
    if (unit) return unit.parent?.pcode === null || unit.level?.level === 'state';
    return stored.get(pcode)?.level === 'state';
  };
  for (const unit of units.values()) {
    const { pcode } = unit;
    if (unit.refused) continue;
    if (unit.parent) {
      const given = unit.parent.pcode;
      if (given === null) parents.set(pcode, null);
      else if (given === pcode) {
        problems.at(unit.parent.at, unit.parent.field, 'cycle', `${pcode} cannot be its own parent`);
      } else if (exists(given)) parents.set(pcode, given);
      else {
        // The global P-code list gives the country's ISO3 code (AFG) as the parent of AF01: the state whose
        // P-code begins the unit's is that country.
        const state = /^[A-Z]{3}$/.test(given)
          ? [3, 2].map((n) => pcode.slice(0, n)).find((prefix) => prefix !== pcode && exists(prefix) && isState(prefix))
          : undefined;
        if (state) {
          parents.set(pcode, state);
          warnings.add(
            `country:${given}:${state}`,
            pcode,
            (n, examples) =>
              `the parent ${given} (a country code) is not in the file or the gazetteer: ${counted(n, 'unit', 'units')} ` +
              `(${examples}) are placed under the state ${state}, whose P-code begins theirs`,
          );
        } else {
          const entry = missing.get(given);
          if (entry) entry.count++;
          else missing.set(given, { count: 1, at: unit.parent.at, field: unit.parent.field });
        }
      }
    } else if (unit.level?.level === 'state') {
      parents.set(pcode, null);
    } else {
      let parent: string | undefined;
      for (let length = pcode.length - 1; length >= 2 && parent === undefined; length--) {
        if (exists(pcode.slice(0, length))) parent = pcode.slice(0, length);
      }
      if (parent !== undefined) parents.set(pcode, parent);
      else if (/^[A-Z]{2,3}$/.test(pcode)) parents.set(pcode, null);
      else {
        problems.at(
          unit.at,
          unit.pcodeField,
          'no_parent',
          `nothing in the file or the gazetteer contains ${pcode}: give its parent (a parent_pcode column), or ` +
            'import its country and the units between first',
        );
      }
    }
  }
  for (const [given, { count, at, field }] of missing) {
    problems.at(
      at,
      field,
      'unknown_parent',
      `no unit ${given} in the file or the gazetteer` +
        (count > 1 ? ` (the parent of ${counted(count, 'unit', 'units')}; this is the first)` : '') +
        ': add it to the file, or import the gazetteer that holds it first',
    );
  }

  // 2. Parents before children, whatever their P-codes; a loop of parents is refused.
  const depths = new Map<string, number>();
  const depthOf = (pcode: string, path: string[]): number => {
    const known = depths.get(pcode);
    if (known !== undefined) return known;
    const parent = parents.get(pcode);
    if (parent === undefined) return -1;
    if (path.length > 1000) {
      // Far more ancestors than there are levels (the level check names the first unit too deep): no deeper.
      const unit = units.get(pcode)!;
      problems.at(unit.at, unit.pcodeField, 'too_deep', `${pcode} has more than 1,000 units above it`);
      return -1;
    }
    if (path.includes(pcode)) {
      const loop = [...path.slice(path.indexOf(pcode)), pcode];
      const unit = units.get(pcode)!;
      problems.at(
        unit.parent?.at ?? unit.at,
        unit.parent?.field ?? unit.pcodeField,
        'cycle',
        `the parents go round in a loop: ${loop.join(' → ')}`,
      );
      for (const member of loop) depths.set(member, -1);
      return -1;
    }
    const depth = parent === null ? 0 : units.has(parent) ? depthOf(parent, [...path, pcode]) : 0;
    const result = depth < 0 ? -1 : depth + 1;
    if (!depths.has(pcode)) depths.set(pcode, result);
    return depths.get(pcode)!;
  };
  const ordered = [...units.values()]
    .map((unit) => ({ unit, depth: depthOf(unit.pcode, []) }))
    .filter(({ depth }) => depth >= 0)
    .sort((a, b) => a.depth - b.depth || (a.unit.pcode < b.unit.pcode ? -1 : 1))
    .map(({ unit }) => unit);

  // 3. Levels, names and population, in that order.
  const levels = new Map<string, ZoneLevel>();
  const levelOf = (pcode: string) => levels.get(pcode) ?? (stored.get(pcode)?.level as ZoneLevel | undefined);
  const noEnglish = new Map<string, { count: number; at: Place; first: string }>();
  const rows: GazetteerRow[] = [];
  for (const unit of ordered) {
    const { pcode } = unit;
    const at = (field: string, code: string, message: string) => problems.at(unit.at, field, code, message);
    const parent = parents.get(pcode)!;
    const parentLevel = parent ? levelOf(parent) : undefined;
    // A parent that was refused has its own problem; its units wait for it.
    if (parent && !parentLevel) continue;
    if (parentLevel === 'location') {
      at(unit.pcodeField, 'too_deep', `${parent} is a location: a location contains no other unit`);
      continue;
    }
    let level: ZoneLevel | undefined = parentLevel ? ZONE_LEVELS[levelIndex(parentLevel) + 1] : 'state';
    if (unit.level) {
      const given = unit.level.level;
      const where = (code: string, message: string) => problems.at(unit.level!.at, unit.level!.field, code, message);
      if (given === 'state' && parent) {
        where('level', `${pcode} cannot be a state (level 0): it has the parent ${parent}`);
        continue;
      }
      if (given !== 'state' && !parent) {
        where('level', `${pcode} is ${given} but has no parent: only a state (level 0, the country) has none`);
        continue;
      }
      if (parentLevel && levelIndex(given) <= levelIndex(parentLevel)) {
        where('level', `${pcode} must be below its parent ${parent}, which is ${parentLevel}`);
        continue;
      }
      level = given;
    }
    if (level === undefined) continue;
    levels.set(pcode, level);
    if (parent && !pcode.startsWith(parent)) {
      warnings.add(
        'not_nested',
        `${pcode} in ${parent}`,
        (n, examples) =>
          `${counted(n, 'unit has a P-code that does', 'units have P-codes that do')} not begin with the parent's ` +
          `(${examples}): each was placed under the parent the file gives`,
      );
    }

    const before = stored.get(pcode);
    const names: Record<string, string> = {};
    for (const [language, name] of Object.entries(before?.names ?? {})) {
      if (!unit.languages.has(language)) names[language] = name;
    }
    for (const [language, { name }] of Object.entries(unit.names)) names[language] = name;
    if (names.en === undefined && unit.reference !== undefined) names.en = unit.reference;
    if (names.en === undefined) {
      const field = unit.pcodeField === 'pcode' ? 'name_en' : unit.pcodeField.replace(/pcode$/, 'name_en');
      const entry = noEnglish.get(field);
      if (entry) entry.count++;
      else noEnglish.set(field, { count: 1, at: unit.at, first: pcode });
      continue;
    }
    rows.push({
      pcode,
      parentPcode: parent,
      level,
      names: names as LocalizedText,
      population: unit.population !== undefined ? unit.population : (before?.population ?? null),
    });
  }
  for (const [field, { count, at, first }] of noEnglish) {
    problems.at(
      at,
      field,
      'required',
      options.hasEnglish === false
        ? `the file gives no English names: add a column of English names (name_en, adm1_en, adm1_ref, ` +
            `#adm1+name+i_en…); ${counted(count, 'unit has', 'units have')} none in the gazetteer either`
        : `give the English name of ${first}` +
            (count > 1
              ? ` (${counted(count - 1, 'other unit of this column has', 'other units of this column have')} none either)`
              : ''),
    );
  }

  // 4. Siblings whose P-codes differ in length: often a code cut short, or one mistyped.
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (row.parentPcode === null) continue;
    const list = children.get(row.parentPcode) ?? [];
    list.push(row.pcode);
    children.set(row.parentPcode, list);
  }
  for (const [parent, codes] of children) {
    const lengths = new Map<number, string>();
    for (const code of codes) if (!lengths.has(code.length)) lengths.set(code.length, code);
    if (lengths.size < 2) continue;
    const [shorter, longer] = [...lengths.entries()].sort((a, b) => a[0] - b[0]).map(([, code]) => code);
    warnings.add(
      'sibling_lengths',
      `${shorter} and ${longer} in ${parent}`,
      (n, examples) =>
        `${counted(n, 'unit has', 'units have')} children whose P-codes differ in length (${examples}): ` +
        'check that no code is cut short or mistyped',
    );
  }

  // Every unit is written or has a problem that says why not: never a part of the file in silence.
  if (rows.length < units.size && problems.size === 0) {
    const left = [...units.keys()].filter((pcode) => !levels.has(pcode) || !rows.some((r) => r.pcode === pcode));
    problems.add(
      'file',
      'unplaced',
      `${counted(left.length, 'unit', 'units')} could not be placed: ${left.slice(0, 5).join(', ')}`,
    );
  }
  return rows;
}

/** How the rows would change the gazetteer: created, updated (differing in any way) and unchanged. */
export function plannedChanges(
  rows: readonly GazetteerRow[],
  stored: ReadonlyMap<string, StoredZone>,
): { created: number; updated: number; unchanged: number } {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const sorted = (names: Record<string, string>) =>
    JSON.stringify(Object.entries(names).sort(([a], [b]) => (a < b ? -1 : 1)));
  for (const row of rows) {
    const before = stored.get(row.pcode);
    if (!before) counts.created++;
    else if (
      before.parentPcode === row.parentPcode &&
      before.level === row.level &&
      before.population === row.population &&
      sorted(before.names) === sorted(row.names)
    ) {
      counts.unchanged++;
    } else counts.updated++;
  }
  return counts;
}

/** The sheets of a workbook a gazetteer is read from, and those it ignores with the reason. */
export interface SheetChoice {
  read: string[];
  ignored: { sheet: string; reason: string }[];
}

/** A sheet of one admin level: ADM2, admin2, Admin 2, irq_admin2, IRQ_ADM2, adm2_pcodes. */
export const adminSheetLevel = (name: string): number | undefined => {
  const match = /^(?:[a-z]{2,3}[_\s-])?adm(?:in)?[_\s-]?([0-9])(?![0-9])/i.exec(name.trim());
  return match ? Number(match[1]) : undefined;
};

/**
 * Chooses the sheets of a gazetteer workbook: those `requested` (by --sheet), else every admin level sheet
 * (ADM0…ADM4, admin0…admin4, irq_admin1…) and any named like a gazetteer or P-code list, else the only sheet.
 * Throws the problems when there is nothing to read.
 */
export function chooseGazetteerSheets(
  sheets: readonly { name: string; hidden: boolean }[],
  requested: readonly string[] | undefined,
  problems: ImportProblems,
): SheetChoice {
  const names = sheets.map((s) => s.name).join(', ');
  if (requested && requested.length > 0) {
    const read: string[] = [];
    for (const wanted of requested) {
      const sheet = sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
      if (sheet) read.push(sheet.name);
      else problems.add('file', 'sheet', `the workbook has no sheet "${wanted}": its sheets are ${names}`);
    }
    problems.throwIfAny();
    return {
      read,
      ignored: sheets
        .filter((s) => !read.includes(s.name))
        .map((s) => ({ sheet: s.name, reason: 'not named with --sheet' })),
    };
  }
  const read: string[] = [];
  const ignored: SheetChoice['ignored'] = [];
  for (const sheet of sheets) {
    const level = adminSheetLevel(sheet.name);
    if (sheet.hidden) ignored.push({ sheet: sheet.name, reason: 'hidden' });
    else if (level !== undefined && level >= ADMIN_LEVELS.length) {
      problems.add(
        'file',
        'sheet',
        `sheet ${sheet.name}: admin level ${level} is deeper than Homeward holds (admin levels 0 to 4 and ` +
          'locations): name the sheets to import with --sheet',
      );
    } else if (level !== undefined || /gazetteer|zones|p-?codes?\b/i.test(sheet.name)) read.push(sheet.name);
    else ignored.push({ sheet: sheet.name, reason: 'not an admin level sheet' });
  }
  problems.throwIfAny();
  if (read.length === 0) {
    const visible = sheets.filter((s) => !s.hidden);
    if (visible.length === 1)
      return { read: [visible[0]!.name], ignored: ignored.filter((i) => i.sheet !== visible[0]!.name) };
    problems.add(
      'file',
      'no_admin_sheet',
      `the workbook has no admin level sheet (ADM0…ADM4, admin0…admin4, irq_admin1…): its sheets are ${names}. ` +
        'Name the sheet to import with --sheet',
    );
    problems.throwIfAny();
  }
  return { read, ignored };
}

/** The level counts of the rows, in level order: `{ state: 1, admin1: 18 }`. */
export function levelCounts(rows: readonly GazetteerRow[]): Partial<Record<ZoneLevel, number>> {
  const counts: Partial<Record<ZoneLevel, number>> = {};
  for (const level of ZONE_LEVELS) {
    const n = rows.filter((row) => row.level === level).length;
    if (n > 0) counts[level] = n;
  }
  return counts;
}

/** The sheet each unit's own row is on. */
export const sheetOfUnit = (units: ReadonlyMap<string, UnitDraft>, pcode: string): string | undefined =>
  units.get(pcode)?.sheet;
