import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('the cases settings', () => {
  it('keeps the default service levels and cooling-off period when nothing is set', () => {
    const config = loadConfig({});
    expect(config.serviceLevels).toEqual({ registration: 14, eligibility: 30, departure: 14, appeal: 30 });
    expect(config.coolingOffDays).toBe(7);
    expect(config.departureCheckMinutes).toBe(60);
  });

  it('changes only the service levels named, and reads the cooling-off days', () => {
    const config = loadConfig({
      HOMEWARD_SERVICE_LEVEL_DAYS: 'registration=7, appeal=21',
      HOMEWARD_COOLING_OFF_DAYS: '10',
    });
    expect(config.serviceLevels).toEqual({ registration: 7, eligibility: 30, departure: 14, appeal: 21 });
    expect(config.coolingOffDays).toBe(10);
  });

  it('refuses an unknown decision kind or a day count out of range, naming the setting and the part', () => {
    expect(() => loadConfig({ HOMEWARD_SERVICE_LEVEL_DAYS: 'asylum=7' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOMEWARD_SERVICE_LEVEL_DAYS: 'asylum=7' })).toThrow(
      /HOMEWARD_SERVICE_LEVEL_DAYS: "asylum=7": expected kind=days/,
    );
    expect(() => loadConfig({ HOMEWARD_SERVICE_LEVEL_DAYS: 'appeal=0' })).toThrow(/days must be 1 to 365/);
    expect(() => loadConfig({ HOMEWARD_COOLING_OFF_DAYS: '-1' })).toThrow(/HOMEWARD_COOLING_OFF_DAYS/);
  });
});
