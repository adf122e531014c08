import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('the outcome score and alert settings', () => {
  it('default to equal weights and a 0.15 drop', () => {
    const config = loadConfig({});
    expect(config.outcomeScoreWeights).toEqual({ economic: 1, social: 1, psychosocial: 1 });
    expect(config.outcomeAlertThresholds).toEqual({ drop: 0.15, childrenOutOfSchool: 1, moderateDistressRounds: 2 });
  });

  it('read the weights and thresholds given', () => {
    const config = loadConfig({
      HOMEWARD_OUTCOME_SCORE_WEIGHTS: '{"psychosocial": 2}',
      HOMEWARD_OUTCOME_ALERT_DROP: '0.2',
      HOMEWARD_OUTCOME_ALERT_THRESHOLDS: '{"childrenOutOfSchool": 2}',
    });
    expect(config.outcomeScoreWeights.psychosocial).toBe(2);
    expect(config.outcomeAlertThresholds).toMatchObject({ drop: 0.2, childrenOutOfSchool: 2 });
  });

  it('stop the start-up naming the setting at fault', () => {
    expect(() => loadConfig({ HOMEWARD_OUTCOME_SCORE_WEIGHTS: '{"economic": -1}' })).toThrow(
      /HOMEWARD_OUTCOME_SCORE_WEIGHTS: economic/,
    );
    expect(() => loadConfig({ HOMEWARD_OUTCOME_SCORE_WEIGHTS: 'equal' })).toThrow(/HOMEWARD_OUTCOME_SCORE_WEIGHTS/);
    expect(() => loadConfig({ HOMEWARD_OUTCOME_ALERT_DROP: '2' })).toThrow(/HOMEWARD_OUTCOME_ALERT_DROP/);
    expect(() => loadConfig({ HOMEWARD_OUTCOME_ALERT_THRESHOLDS: '{"loud": 1}' })).toThrow(ConfigError);
  });
});
