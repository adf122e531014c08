/**
 * The return-zones API's shapes as the screens use them. Types only: the schemas stay on the server (they would
 * bring the schema library into the browser); the constants they need come from shared/zones/constants.ts.
 */
export type {
  Assessment,
  Classification,
  CorrectObservationRequest,
  CriterionAssessment,
  CriterionDefinition,
  CriterionKind,
  CriterionStatus,
  DecidingReason,
  Direction,
  EvidenceFile,
  FrameworkDefinition,
  FrameworkVersion,
  IndicatorAssessment,
  IndicatorDefinition,
  IndicatorStatus,
  LocalizedText,
  Observation,
  ObservationHistory,
  ObservationInput,
  ObservationSource,
  ObservationStatus,
  ObservationVersion,
  PeriodReview,
  PublicationSummary,
  Unit,
  VerificationDecision,
  Zone,
  ZoneClass,
  ZoneDetail,
  ZoneLevel,
  ZoneSummary,
} from '../../../shared/zones/schemas.ts';

import type { IndicatorAssessment, Observation, ZoneSummary } from '../../../shared/zones/schemas.ts';

export interface ZonePage {
  total: number;
  items: ZoneSummary[];
}

export interface ObservationPage {
  total: number;
  items: Observation[];
}

export type Verification = Observation['verifications'][number];
export type IndicatorBasis = IndicatorAssessment['basis'];
