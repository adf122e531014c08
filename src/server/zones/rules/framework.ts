import { type FrameworkDefinition, type IndicatorDefinition, UNITS } from '../../../shared/zones/schemas.ts';
import type { FieldError } from '../../platform/http/errors.ts';

/**
 * Checks on a criteria framework beyond its shape (the Zod schema checks that): thresholds that agree with
 * their direction and fit their unit, codes that are unique, yes/no thresholds that are answers. Field paths
 * are relative to the request body, e.g. `definition.criteria.0.indicators.2.red`.
 */

/** Every problem with the framework, in the order they appear; empty when it can be saved. */
export function checkFramework(definition: FrameworkDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const criterionCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  definition.criteria.forEach((criterion, c) => {
    const at = `definition.criteria.${c}`;
    if (criterionCodes.has(criterion.code)) {
      errors.push({ field: `${at}.code`, code: 'duplicate_code', message: 'Another criterion has this code.' });
    }
    criterionCodes.add(criterion.code);
    criterion.indicators.forEach((indicator, i) => {
      const field = `${at}.indicators.${i}`;
      if (indicatorCodes.has(indicator.code)) {
        errors.push({
          field: `${field}.code`,
          code: 'duplicate_code',
          message: 'Another indicator of the framework has this code.',
        });
      }
      indicatorCodes.add(indicator.code);
      errors.push(...checkThresholds(indicator, field));
    });
  });
  return errors;
}

function checkThresholds(indicator: IndicatorDefinition, field: string): FieldError[] {
  const errors: FieldError[] = [];
  const thresholds = [
    ['green', indicator.green],
    ['red', indicator.red],
  ] as const;
  const range = UNITS[indicator.unit];
  for (const [name, value] of thresholds) {
    if (indicator.unit === 'yes_no') {
      if (value !== 0 && value !== 1) {
        errors.push({
          field: `${field}.${name}`,
          code: 'not_yes_no',
          message: 'A yes/no threshold must be 0 (no) or 1 (yes).',
        });
      }
    } else if (!(value >= range.min && value <= range.max)) {
      errors.push({
        field: `${field}.${name}`,
        code: 'out_of_range',
        message: `Must be between ${range.min} and ${range.max} for the unit ${indicator.unit}.`,
      });
    }
  }
  const higher = indicator.direction === 'higher_is_better';
  if (higher ? indicator.green < indicator.red : indicator.green > indicator.red) {
    errors.push({
      field: `${field}.red`,
      code: 'contradicts_direction',
      message: higher
        ? 'Higher is better here, so the green threshold must be at or above the red one.'
        : 'Lower is better here, so the green threshold must be at or below the red one.',
    });
  }
  return errors;
}

/** The framework's indicators by code, each with its criterion's code (the first, should a code repeat). */
export function indicatorsOf(
  definition: FrameworkDefinition,
): Map<string, IndicatorDefinition & { criterion: string }> {
  const indicators = new Map<string, IndicatorDefinition & { criterion: string }>();
  for (const criterion of definition.criteria) {
    for (const indicator of criterion.indicators) {
      if (!indicators.has(indicator.code)) indicators.set(indicator.code, { ...indicator, criterion: criterion.code });
    }
  }
  return indicators;
}

/** Why a value cannot be recorded for this indicator, or null when it can. */
export function checkValue(indicator: Pick<IndicatorDefinition, 'unit'>, value: number): string | null {
  const range = UNITS[indicator.unit];
  if (!Number.isFinite(value)) return 'The value must be a number.';
  if (indicator.unit === 'yes_no') {
    return value === 0 || value === 1 ? null : 'The value must be 0 (no) or 1 (yes).';
  }
  if (value < range.min || value > range.max) {
    return `The value must be between ${range.min} and ${range.max} (${indicator.unit}).`;
  }
  if (range.integer && !Number.isInteger(value)) return `The value must be a whole number (${indicator.unit}).`;
  return null;
}
