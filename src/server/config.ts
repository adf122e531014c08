import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_COOLING_OFF_DAYS, DEFAULT_SERVICE_LEVEL_DAYS, type DecisionKind } from '../shared/cases/constants.ts';
import { DEFAULT_GATEWAY_SERVICE_LEVEL_DAYS, type HandlingStep } from '../shared/gateway/constants.ts';
import { type AlertThresholds, parseAlertThresholds } from './outcomes/rules/alerts.ts';
import { parseScoreWeights, type ScoreWeights } from './outcomes/rules/scores.ts';
import { parseWitnessKeys, type WitnessKey } from './platform/audit/witness-keys.ts';

/** Everything Homeward reads from its environment, validated once at boot. docs/configuration.md lists each variable. */
const EnvSchema = z.object({
  HOMEWARD_DATA_DIR: z.string().min(1).default('./.homeward'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  HOMEWARD_HOST: z.string().min(1).default('127.0.0.1'),
  HOMEWARD_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOMEWARD_MASTER_KEY: z.string().optional(),
  HOMEWARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOMEWARD_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  HOMEWARD_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  HOMEWARD_DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).default(10),
  HOMEWARD_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  HOMEWARD_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  HOMEWARD_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  /** How often the server signs a transparency-log checkpoint when the log grew; 0 turns the timer off. */
  HOMEWARD_CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  HOMEWARD_ZONE_CLASS_FRESH_MONTHS: z.coerce.number().int().min(1).max(24).default(3),
  /** Days between a signed declaration and the first day a departure may be scheduled. */
  HOMEWARD_COOLING_OFF_DAYS: z.coerce.number().int().min(0).max(90).default(DEFAULT_COOLING_OFF_DAYS),
  /** Days each kind of decision (and an appeal) is due in: `registration=14,eligibility=30,…`; unnamed kinds keep their default. */
  HOMEWARD_SERVICE_LEVEL_DAYS: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parseServiceLevels(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Days each gateway handling step is due in: `acknowledge=2,assign=3,…`; unnamed steps keep their default. */
  HOMEWARD_GATEWAY_SERVICE_LEVEL_DAYS: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parseGatewayServiceLevels(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Submissions one address may send in an hour through the portal and the API (counted under a daily keyed hash). */
  HOMEWARD_GATEWAY_SUBMISSIONS_PER_HOUR: z.coerce.number().int().positive().default(20),
  /** Receipt-code lookups one address may make in an hour; every wrong code also counts three times. */
  HOMEWARD_GATEWAY_LOOKUPS_PER_HOUR: z.coerce.number().int().positive().default(30),
  /** Least days a consultation on a zone criteria framework draft stays open for comments. */
  HOMEWARD_CONSULTATION_MIN_DAYS: z.coerce.number().int().min(1).max(365).default(21),
  /** Days the responsible organisation has to answer a watchdog flag. */
  HOMEWARD_FLAG_ANSWER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Public comments on consultations one address may send in an hour (counted under a daily keyed hash). */
  HOMEWARD_CONSULTATION_COMMENTS_PER_HOUR: z.coerce.number().int().positive().default(10),
  /** Days before its due date a scheduled follow-up of a returned household is opened for assignment. */
  HOMEWARD_OUTCOME_FOLLOW_UP_LEAD_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /** Days after a missed follow-up attempt before the next one is due. */
  HOMEWARD_OUTCOME_FOLLOW_UP_RETRY_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Missed attempts after which a follow-up must be marked lost. */
  HOMEWARD_OUTCOME_FOLLOW_UP_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Days a household's secure follow-up link (its code) keeps working. */
  HOMEWARD_OUTCOME_LINK_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Pages of the follow-up link form one address may post in an hour; a wrong code counts three times. */
  HOMEWARD_OUTCOME_LINK_REQUESTS_PER_HOUR: z.coerce.number().int().positive().default(60),
  /** Largest answers file (Kobo or ODK Central export) the API accepts, in bytes before base64. */
  HOMEWARD_OUTCOME_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** The base URL SMS gateways post to (behind a proxy the server cannot know it): Twilio signs the full URL. */
  HOMEWARD_SMS_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Twilio's auth token: checks X-Twilio-Signature on inbound SMS and signs in to its Messages API. */
  HOMEWARD_SMS_TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  HOMEWARD_SMS_TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC and 32 hex digits')
    .optional(),
  /** The number (E.164) or messaging service (MG…) queued replies are sent from. */
  HOMEWARD_SMS_TWILIO_FROM: z
    .string()
    .regex(/^(\+[0-9]{6,16}|MG[0-9a-fA-F]{32})$/, 'must be +digits or MG and 32 hex digits')
    .optional(),
  HOMEWARD_SMS_TWILIO_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.twilio.com'),
  /** The secret a RapidPro/TextIt flow webhook proves itself with (token header or HMAC-SHA256 of the body). */
  HOMEWARD_SMS_RAPIDPRO_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  HOMEWARD_SMS_RAPIDPRO_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  HOMEWARD_SMS_RAPIDPRO_API_TOKEN: z.string().min(1).optional(),
  /** How often queued SMS (staff replies, referral notices) are sent; 0 turns the sender off. */
  HOMEWARD_SMS_SEND_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Sending attempts before a queued SMS is marked failed. */
  HOMEWARD_SMS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Days a body an incident was referred to has to answer before the referral shows as overdue. */
  HOMEWARD_INCIDENT_RESPONSE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** How often the server checks the day's departures against eligibility again; 0 turns the timer off. */
  HOMEWARD_DEPARTURE_CHECK_MINUTES: z.coerce.number().int().min(0).default(60),
  /** The id of the key that signs checkpoints; start-up refuses a stored key that differs. */
  HOMEWARD_AUDIT_SIGNING_KEY_ID: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be a key id: 16 lower-case hex digits')
    .optional(),
  /** Witnesses whose countersignatures the server accepts: `name=base64 Ed25519 public key`, comma-separated. */
  HOMEWARD_WITNESS_KEYS: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parseWitnessKeys(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** The weight of each dimension in the composite reintegration score, as JSON: `{"economic":1,"social":1,"psychosocial":1}`. */
  HOMEWARD_OUTCOME_SCORE_WEIGHTS: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parseScoreWeights(value.trim() === '' ? {} : JSON.parse(value));
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** A fall of a score (0–1) since the previous round larger than this raises an alert. */
  HOMEWARD_OUTCOME_ALERT_DROP: z.coerce.number().gt(0).max(1).default(0.15),
  /** The other alert thresholds, as JSON: `{"childrenOutOfSchool":1,"moderateDistressRounds":2}`. */
  HOMEWARD_OUTCOME_ALERT_THRESHOLDS: z.string().default(''),
});

export type Config = {
  dataDir: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  masterKey: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['HOMEWARD_LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  disclosureThreshold: number;
  bodyLimitBytes: number;
  cookieSecure: 'auto' | 'true' | 'false';
  loginMaxAttempts: number;
  checkpointIntervalSeconds: number;
  auditSigningKeyId: string | undefined;
  witnessKeys: WitnessKey[];
  /** How many months a published zone class stays fresh enough to decide a return on. */
  zoneClassFreshMonths: number;
  coolingOffDays: number;
  /** Days each kind of decision, and an appeal, is due in from when it opens. */
  serviceLevels: ServiceLevels;
  departureCheckMinutes: number;
  /** Days each gateway handling step is due in, from the step before. */
  gatewayServiceLevels: GatewayServiceLevels;
  gatewaySubmissionsPerHour: number;
  gatewayLookupsPerHour: number;
  /** Outcome follow-ups: lead days, retry days, attempts, the household link's days and its hourly allowance. */
  outcomeFollowUps: OutcomeFollowUpConfig;
  /** SMS gateways: inbound webhooks and the outbox sender (gateway/sms/). */
  sms: SmsConfig;
  /** Largest answers file the API accepts (bytes, before base64). */
  outcomeImportMaxBytes: number;
  /** Days a referred incident's body has to answer before the tracker shows it overdue. */
  incidentResponseDays: number;
  /** The weight of each dimension in the composite reintegration score. */
  outcomeScoreWeights: ScoreWeights;
  /** What raises an alert about a returned household's round. */
  outcomeAlertThresholds: AlertThresholds;
  /** The forum: a consultation's least days, a flag's days to answer, public comments an hour from one address. */
  forum: { consultationMinDays: number; flagAnswerDays: number; publicCommentsPerHour: number };
};

export interface OutcomeFollowUpConfig {
  leadDays: number;
  retryDays: number;
  attempts: number;
  linkDays: number;
  linkRequestsPerHour: number;
}

export interface SmsConfig {
  publicUrl: string | undefined;
  twilio: { authToken?: string; accountSid?: string; from?: string; apiUrl: string };
  rapidpro: { secret?: string; apiUrl?: string; apiToken?: string };
  sendSeconds: number;
  maxAttempts: number;
}

export type GatewayServiceLevels = Record<HandlingStep, number>;

/** `acknowledge=1,respond=10` over the defaults; an unknown step or a day count that is not 1–365 is refused. */
export function parseGatewayServiceLevels(value: string): GatewayServiceLevels {
  return parseDayCounts(value, { ...DEFAULT_GATEWAY_SERVICE_LEVEL_DAYS }, 'step');
}

export type ServiceLevels = Record<DecisionKind | 'appeal', number>;

/** `registration=14,appeal=21` over the defaults; an unknown kind or a day count that is not 1–365 is refused. */
export function parseServiceLevels(value: string): ServiceLevels {
  return parseDayCounts(value, { ...DEFAULT_SERVICE_LEVEL_DAYS }, 'kind');
}

/** `name=days` pairs, comma-separated, over `levels`' defaults. */
function parseDayCounts<T extends Record<string, number>>(value: string, levels: T, noun: string): T {
  for (const part of value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^([a-z_]+)\s*=\s*(\d+)$/.exec(part);
    const kind = match?.[1] as keyof T | undefined;
    const days = Number(match?.[2]);
    if (!match || !kind || !(kind in levels)) {
      throw new Error(`"${part}": expected ${noun}=days, ${noun} one of ${Object.keys(levels).join(', ')}`);
    }
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error(`"${part}": days must be 1 to 365`);
    levels[kind] = days as T[keyof T];
  }
  return levels;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  let outcomeAlertThresholds: AlertThresholds;
  try {
    outcomeAlertThresholds = parseAlertThresholds(e.HOMEWARD_OUTCOME_ALERT_DROP, e.HOMEWARD_OUTCOME_ALERT_THRESHOLDS);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  HOMEWARD_OUTCOME_ALERT_THRESHOLDS: ${(error as Error).message}`);
  }
  if (e.HOMEWARD_SMS_TWILIO_AUTH_TOKEN && !e.HOMEWARD_SMS_PUBLIC_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  HOMEWARD_SMS_PUBLIC_URL: required with HOMEWARD_SMS_TWILIO_AUTH_TOKEN (Twilio signs the URL it posts to)',
    );
  }
  return {
    dataDir: path.resolve(overrides.dataDir ?? e.HOMEWARD_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    host: e.HOMEWARD_HOST,
    port: e.HOMEWARD_PORT,
    masterKey: e.HOMEWARD_MASTER_KEY,
    logLevel: e.HOMEWARD_LOG_LEVEL,
    sessionIdleMinutes: e.HOMEWARD_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.HOMEWARD_SESSION_ABSOLUTE_HOURS,
    disclosureThreshold: e.HOMEWARD_DISCLOSURE_THRESHOLD,
    bodyLimitBytes: e.HOMEWARD_BODY_LIMIT_BYTES,
    cookieSecure: e.HOMEWARD_COOKIE_SECURE,
    loginMaxAttempts: e.HOMEWARD_LOGIN_MAX_ATTEMPTS,
    checkpointIntervalSeconds: e.HOMEWARD_CHECKPOINT_INTERVAL_SECONDS,
    auditSigningKeyId: e.HOMEWARD_AUDIT_SIGNING_KEY_ID,
    witnessKeys: e.HOMEWARD_WITNESS_KEYS,
    zoneClassFreshMonths: e.HOMEWARD_ZONE_CLASS_FRESH_MONTHS,
    coolingOffDays: e.HOMEWARD_COOLING_OFF_DAYS,
    serviceLevels: e.HOMEWARD_SERVICE_LEVEL_DAYS,
    departureCheckMinutes: e.HOMEWARD_DEPARTURE_CHECK_MINUTES,
    gatewayServiceLevels: e.HOMEWARD_GATEWAY_SERVICE_LEVEL_DAYS,
    gatewaySubmissionsPerHour: e.HOMEWARD_GATEWAY_SUBMISSIONS_PER_HOUR,
    forum: {
      consultationMinDays: e.HOMEWARD_CONSULTATION_MIN_DAYS,
      flagAnswerDays: e.HOMEWARD_FLAG_ANSWER_DAYS,
      publicCommentsPerHour: e.HOMEWARD_CONSULTATION_COMMENTS_PER_HOUR,
    },
    gatewayLookupsPerHour: e.HOMEWARD_GATEWAY_LOOKUPS_PER_HOUR,
    outcomeFollowUps: {
      leadDays: e.HOMEWARD_OUTCOME_FOLLOW_UP_LEAD_DAYS,
      retryDays: e.HOMEWARD_OUTCOME_FOLLOW_UP_RETRY_DAYS,
      attempts: e.HOMEWARD_OUTCOME_FOLLOW_UP_ATTEMPTS,
      linkDays: e.HOMEWARD_OUTCOME_LINK_DAYS,
      linkRequestsPerHour: e.HOMEWARD_OUTCOME_LINK_REQUESTS_PER_HOUR,
    },
    outcomeImportMaxBytes: e.HOMEWARD_OUTCOME_IMPORT_MAX_BYTES,
    sms: {
      publicUrl: e.HOMEWARD_SMS_PUBLIC_URL?.replace(/\/+$/, ''),
      twilio: {
        authToken: e.HOMEWARD_SMS_TWILIO_AUTH_TOKEN,
        accountSid: e.HOMEWARD_SMS_TWILIO_ACCOUNT_SID,
        from: e.HOMEWARD_SMS_TWILIO_FROM,
        apiUrl: e.HOMEWARD_SMS_TWILIO_API_URL.replace(/\/+$/, ''),
      },
      rapidpro: {
        secret: e.HOMEWARD_SMS_RAPIDPRO_SECRET,
        apiUrl: e.HOMEWARD_SMS_RAPIDPRO_API_URL?.replace(/\/+$/, ''),
        apiToken: e.HOMEWARD_SMS_RAPIDPRO_API_TOKEN,
      },
      sendSeconds: e.HOMEWARD_SMS_SEND_SECONDS,
      maxAttempts: e.HOMEWARD_SMS_MAX_ATTEMPTS,
    },
    incidentResponseDays: e.HOMEWARD_INCIDENT_RESPONSE_DAYS,
    outcomeScoreWeights: e.HOMEWARD_OUTCOME_SCORE_WEIGHTS,
    outcomeAlertThresholds,
    ...overrides,
  };
}
