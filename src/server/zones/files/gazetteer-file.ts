import { type LocalizedText, PCODE, ZONE_LEVELS, type ZoneLevel } from '../../../shared/zones/schemas.ts';
import type { GazetteerRow } from '../gazetteer.ts';
import type { ImportProblems } from './import-problems.ts';
import type { TabularRow } from './tabular.ts';

/**
 * A gazetteer spreadsheet read into zones, checked against itself and the gazetteer already stored. Two
 * shapes are accepted:
 *
 * - one row per unit: `pcode`, optional `parent_pcode` and `level`, `name_en` (or `name`) and any `name_xx`,
 *   optional `population`;
 * - the OCHA COD wide shape, one row per deepest unit with its ancestors beside it: `admin0Pcode`,
 *   `admin0Name_en`, `admin1Pcode`, `admin1Name_en`, … (admin0 to admin3), optional `population` (of the
 *   deepest unit of the row).
 *
 * A missing parent is the unit whose P-code is the longest prefix of this one, in the file or the gazetteer;
 * a missing level is one below the parent's (a two-letter P-code is a state). A column the file does not have
 * (population, a language) keeps what the gazetteer holds.
 */

/** The unit levels of the wide shape's admin0…admin3 columns. */
const ADMIN_LEVELS: readonly ZoneLevel[] = ['state', 'admin1', 'admin2', 'location'];
const POPULATION_MAX = 2_147_483_647;
const NAME_MAX = 300;

const LEVEL_ALIASES: Record<string, ZoneLevel> = {
  state: 'state',
  country: 'state',
  admin0: 'state',
  adm0: 'state',
  admin1: 'admin1',
  adm1: 'admin1',
  admin2: 'admin2',
  adm2: 'admin2',
  location: 'location',
  admin3: 'location',
  adm3: 'location',
  loc: 'location',
};

/** Renames the headers operations use for the same thing (HDX COD tables, P-code lists) to one field name. */
export function gazetteerColumn(header: string): string {
  if (['p_code', 'p-code', 'pcode'].includes(header)) return 'pcode';
  if (['parent', 'parent_p_code', 'parent_p-code', 'parentpcode', 'parent_code'].includes(header)) {
    return 'parent_pcode';
  }
  if (['name', 'name_english', 'english_name'].includes(header)) return 'name_en';
  if (['admin_level', 'adm_level'].includes(header)) return 'level';
  if (['pop', 'total_population'].includes(header)) return 'population';
  const code = /^adm(?:in)?_?([0-9])_?p_?-?code$/.exec(header);
  if (code) return `admin${code[1]}pcode`;
  const name = /^adm(?:in)?_?([0-9])_?name(?:_([a-z]{2,3}))?$/.exec(header);
  if (name) return `admin${name[1]}name_${name[2] ?? 'en'}`;
  // HDX COD-AB attribute tables: ADM2_EN, ADM2_AR.
  const codName = /^adm([0-9])_([a-z]{2})$/.exec(header);
  if (codName) return `admin${codName[1]}name_${codName[2]}`;
  return header;
}

export const isGazetteerField = (field: string): boolean =>
  ['pcode', 'parent_pcode', 'level', 'population'].includes(field) ||
  /^name_[a-z]{2,3}$/.test(field) ||
  /^admin[0-9](pcode|name_[a-z]{2,3})$/.test(field);

/** What the file says of one unit, and where. */
interface UnitDraft {
  pcode: string;
  line: number;
  /** The column of its P-code: `pcode` or `admin2pcode`. */
  pcodeField: string;
  /** The prefix of its name columns: `name_` or `admin2name_`. */
  nameField: string;
  /** Whether a row is this unit's own (not only an ancestor beside a deeper unit). */
  own: boolean;
  parent?: { pcode: string | null; line: number; field: string };
  level?: { level: ZoneLevel; line: number; field: string };
  names: Record<string, { name: string; line: number }>;
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

function parsePcode(raw: string, line: number, field: string, problems: ImportProblems): string | undefined {
  if (raw === '') {
    problems.at(line, field, 'required', 'give the P-code');
    return undefined;
  }
  const pcode = raw.toUpperCase();
  if (!PCODE.test(pcode)) {
    problems.at(line, field, 'format', `"${raw}" is not a P-code: two capital letters then digits (e.g. QM0101)`);
    return undefined;
  }
  return pcode;
}

function parsePopulation(raw: string, line: number, problems: ImportProblems): number | null | undefined {
  if (raw === '') return null;
  const digits = /^\d{1,3}(,\d{3})+$/.test(raw) ? raw.replaceAll(',', '') : raw;
  const value = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > POPULATION_MAX) {
    problems.at(line, 'population', 'not_a_count', `"${raw}" is not a population: give a whole number, 0 or more`);
    return undefined;
  }
  return value;
}

/** The names a row gives under one prefix (`name_`, `admin1name_`), checked for length. */
function rowNames(
  values: Record<string, string>,
  prefix: string,
  line: number,
  problems: ImportProblems,
): { names: Record<string, string>; languages: Set<string> } {
  const names: Record<string, string> = {};
  const languages = new Set<string>();
  for (const [field, value] of Object.entries(values)) {
    if (!field.startsWith(prefix)) continue;
    const language = field.slice(prefix.length);
    if (!/^[a-z]{2,3}$/.test(language)) continue;
    languages.add(language);
    if (value === '') continue;
    if (value.length > NAME_MAX) {
      problems.at(line, field, 'too_long', `a name has at most ${NAME_MAX} characters`);
      continue;
    }
    names[language] = value;
  }
  return { names, languages };
}

/** Reads the file's rows into units, reporting what is wrong with a row by itself. */
export class GazetteerReader {
  readonly units = new Map<string, UnitDraft>();
  private wideLevels: number[] | undefined;
  private fields: readonly string[] = [];
  private readonly problems: ImportProblems;

  constructor(problems: ImportProblems) {
    this.problems = problems;
  }

  /** Takes the header; refuses a file with no P-code column. */
  header(fields: readonly string[], line: number): void {
    this.fields = fields;
    if (fields.includes('pcode')) return;
    const levels = fields
      .map((field) => /^admin([0-9])pcode$/.exec(field)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .filter((n) => n < ADMIN_LEVELS.length)
      .sort((a, b) => a - b);
    if (levels.length > 0) this.wideLevels = levels;
    else {
      this.problems.at(
        line,
        'pcode',
        'missing_column',
        'the file has no P-code column: give pcode (one row per unit) or admin0Pcode, admin1Pcode… (the COD shape)',
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

  private readUnitRow({ line, values }: TabularRow): void {
    const problems = this.problems;
    const pcode = parsePcode(values.pcode ?? '', line, 'pcode', problems);
    if (!pcode) return;
    const earlier = this.units.get(pcode);
    if (earlier) {
      problems.at(line, 'pcode', 'duplicate', `${pcode} is also on line ${earlier.line}`);
      return;
    }
    const unit: UnitDraft = {
      pcode,
      line,
      pcodeField: 'pcode',
      nameField: 'name_',
      own: true,
      names: {},
      languages: new Set(),
    };
    const parentRaw = values.parent_pcode ?? '';
    if (parentRaw !== '') {
      const parent = parsePcode(parentRaw, line, 'parent_pcode', problems);
      if (parent) unit.parent = { pcode: parent, line, field: 'parent_pcode' };
    }
    const levelRaw = (values.level ?? '').toLowerCase().replace(/\s+/g, '');
    if (levelRaw !== '') {
      const level = LEVEL_ALIASES[levelRaw];
      if (level) unit.level = { level, line, field: 'level' };
      else problems.at(line, 'level', 'enum', `"${values.level}" is not a level: give ${ZONE_LEVELS.join(', ')}`);
    }
    const { names, languages } = rowNames(values, 'name_', line, problems);
    for (const [language, name] of Object.entries(names)) unit.names[language] = { name, line };
    unit.languages = languages;
    if ('population' in values) unit.population = parsePopulation(values.population ?? '', line, problems);
    this.units.set(pcode, unit);
  }

  /** A COD row: its deepest unit, with each ancestor beside it. */
  private readWide({ line, values }: TabularRow, levels: readonly number[]): void {
    const problems = this.problems;
    const chain = levels.filter((n) => (values[`admin${n}pcode`] ?? '') !== '');
    if (chain.length === 0) {
      problems.at(line, `admin${levels.at(-1)}pcode`, 'required', 'give the P-code');
      return;
    }
    let parent: { pcode: string; field: string } | undefined;
    for (const [i, n] of chain.entries()) {
      const field = `admin${n}pcode`;
      const pcode = parsePcode(values[field] ?? '', line, field, problems);
      if (!pcode) return;
      const own = i === chain.length - 1;
      const { names, languages } = rowNames(values, `admin${n}name_`, line, problems);
      let unit = this.units.get(pcode);
      if (unit && own && unit.own) {
        problems.at(line, field, 'duplicate', `${pcode} is also on line ${unit.line}`);
        return;
      }
      if (!unit) {
        unit = { pcode, line, pcodeField: field, nameField: `admin${n}name_`, own, names: {}, languages };
        this.units.set(pcode, unit);
      } else if (own) {
        Object.assign(unit, { line, own: true });
      }
      for (const language of languages) unit.languages.add(language);
      for (const [language, name] of Object.entries(names)) {
        const before = unit.names[language];
        if (before && before.name !== name) {
          problems.at(
            line,
            `admin${n}name_${language}`,
            'conflict',
            `${pcode} is named "${before.name}" on line ${before.line}`,
          );
        } else if (!before) unit.names[language] = { name, line };
      }
      const givenParent = parent ? parent.pcode : n === 0 ? null : undefined;
      if (givenParent !== undefined) {
        if (unit.parent && unit.parent.pcode !== givenParent) {
          problems.at(
            line,
            parent?.field ?? field,
            'conflict',
            `${pcode} is under ${unit.parent.pcode ?? 'no unit'} on line ${unit.parent.line}`,
          );
        } else if (!unit.parent) unit.parent = { pcode: givenParent, line, field: parent?.field ?? field };
      }
      unit.level ??= { level: ADMIN_LEVELS[n]!, line, field };
      if (own && 'population' in values) unit.population = parsePopulation(values.population ?? '', line, problems);
      parent = { pcode, field };
    }
  }
}

const levelIndex = (level: string) => ZONE_LEVELS.indexOf(level as ZoneLevel);

/**
 * Places every unit of the file under its parent, at its level, with its names and population, reporting
 * what the hierarchy refuses. Returns the rows to write, parents before children.
 */
export function resolveGazetteer(
  units: ReadonlyMap<string, UnitDraft>,
  stored: ReadonlyMap<string, StoredZone>,
  problems: ImportProblems,
): GazetteerRow[] {
  const exists = (pcode: string) => units.has(pcode) || stored.has(pcode);
  const levels = new Map<string, ZoneLevel>();
  const levelOf = (pcode: string) => levels.get(pcode) ?? (stored.get(pcode)?.level as ZoneLevel | undefined);
  const rows: GazetteerRow[] = [];
  const ordered = [...units.values()].sort((a, b) => a.pcode.length - b.pcode.length || (a.pcode < b.pcode ? -1 : 1));
  for (const unit of ordered) {
    const { pcode } = unit;
    const at = (field: string, code: string, message: string) => problems.at(unit.line, field, code, message);
    let parent: string | null | undefined;
    if (unit.parent) {
      const given = unit.parent.pcode;
      const where = (code: string, message: string) =>
        problems.at(unit.parent!.line, unit.parent!.field, code, message);
      if (given === null) {
        parent = null;
      } else if (pcode.length === 2) {
        where('state_has_parent', `${pcode} is a state (a two-letter P-code): it has no parent`);
      } else if (!exists(given)) {
        where('unknown_parent', `no unit ${given} in the file or the gazetteer`);
      } else if (!pcode.startsWith(given) || pcode.length <= given.length) {
        where('not_nested', `${pcode} is not inside ${given}: a unit's P-code starts with its parent's`);
      } else {
        parent = given;
      }
    } else if (pcode.length === 2) {
      parent = null;
    } else {
      for (let length = pcode.length - 1; length >= 2 && parent === undefined; length--) {
        if (exists(pcode.slice(0, length))) parent = pcode.slice(0, length);
      }
      if (parent === undefined) {
        at(
          unit.pcodeField,
          'no_parent',
          `no unit in the file or the gazetteer contains ${pcode}: add its state ${pcode.slice(0, 2)} and the units between, or give parent_pcode`,
        );
      }
    }
    if (parent === null && pcode.length > 2) {
      at(unit.pcodeField, 'no_parent', `${pcode} needs a parent: only a state (a two-letter P-code) has none`);
      continue;
    }

    const parentLevel = parent ? levelOf(parent) : undefined;
    let level: ZoneLevel | undefined;
    if (parent === null) level = 'state';
    else if (parentLevel) level = ZONE_LEVELS[levelIndex(parentLevel) + 1];
    if (parentLevel === 'location') {
      at(unit.pcodeField, 'too_deep', `${parent} is a location: a location contains no other unit`);
      continue;
    }
    if (unit.level) {
      const given = unit.level.level;
      const where = (code: string, message: string) => problems.at(unit.level!.line, unit.level!.field, code, message);
      if ((given === 'state') !== (pcode.length === 2)) {
        where(
          'level',
          given === 'state'
            ? `${pcode} cannot be a state: a state has a two-letter P-code`
            : `${pcode} is a state (a two-letter P-code)`,
        );
        continue;
      }
      if (parentLevel && levelIndex(given) <= levelIndex(parentLevel)) {
        where('level', `${pcode} must be below its parent ${parent}, which is ${parentLevel}`);
        continue;
      }
      level = given;
    }
    if (parent === undefined || level === undefined) continue;
    levels.set(pcode, level);

    const before = stored.get(pcode);
    const names: Record<string, string> = {};
    for (const [language, name] of Object.entries(before?.names ?? {})) {
      if (!unit.languages.has(language)) names[language] = name;
    }
    for (const [language, { name }] of Object.entries(unit.names)) names[language] = name;
    if (names.en === undefined) {
      at(`${unit.nameField}en`, 'required', `give the English name of ${pcode}`);
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
  return rows;
}
