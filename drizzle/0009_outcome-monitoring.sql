CREATE TABLE "outcome_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb NOT NULL,
	"status" text NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_reason" text
);
--> statement-breakpoint
CREATE TABLE "outcome_follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_follow_up_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assigned_organisation_id" uuid,
	"assigned_to" uuid,
	"pcode" text NOT NULL,
	"state_code" text NOT NULL,
	"cohort" text NOT NULL,
	"round" smallint NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"mode" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_on" date,
	"lost_reason" text,
	"link_token_hash" text,
	"link_expires_at" timestamp with time zone,
	"response_id" uuid,
	"head_sex" text NOT NULL,
	"head_age_group" text NOT NULL,
	"disability" boolean NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_follow_ups_case_follow_up_id_unique" UNIQUE("case_follow_up_id"),
	CONSTRAINT "outcome_follow_ups_link_token_hash_unique" UNIQUE("link_token_hash")
);
--> statement-breakpoint
CREATE TABLE "outcome_instruments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"form_id" text NOT NULL,
	"version" text NOT NULL,
	"title" jsonb NOT NULL,
	"default_language" text NOT NULL,
	"languages" jsonb NOT NULL,
	"definition" jsonb NOT NULL,
	"source_hash" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_referral_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note_enc" text,
	"organisation_id" uuid NOT NULL,
	"by" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_id" uuid,
	"household_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"service" text NOT NULL,
	"consent_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"note_enc" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outcome_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instrument_id" uuid NOT NULL,
	"submission_id" text NOT NULL,
	"population" text NOT NULL,
	"follow_up_id" uuid,
	"household_id" uuid,
	"organisation_id" uuid NOT NULL,
	"pcode" text NOT NULL,
	"state_code" text NOT NULL,
	"cohort" text,
	"round" smallint NOT NULL,
	"collected_on" date NOT NULL,
	"source" text NOT NULL,
	"answers_enc" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"economic" real,
	"social" real,
	"psychosocial" real,
	"composite" real,
	"family_unity" real,
	"services_access" real,
	"head_sex" text NOT NULL,
	"head_age_group" text NOT NULL,
	"disability" boolean NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_responses_follow_up_id_unique" UNIQUE("follow_up_id")
);
--> statement-breakpoint
CREATE TABLE "outcome_zone_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pcode" text NOT NULL,
	"period" text NOT NULL,
	"indicator" text NOT NULL,
	"value" real NOT NULL,
	"respondents" smallint NOT NULL,
	"observation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"entered_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outcome_alerts" ADD CONSTRAINT "outcome_alerts_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_alerts" ADD CONSTRAINT "outcome_alerts_response_id_outcome_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."outcome_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_alerts" ADD CONSTRAINT "outcome_alerts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_alerts" ADD CONSTRAINT "outcome_alerts_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_follow_ups" ADD CONSTRAINT "outcome_follow_ups_case_follow_up_id_case_follow_ups_id_fk" FOREIGN KEY ("case_follow_up_id") REFERENCES "public"."case_follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_follow_ups" ADD CONSTRAINT "outcome_follow_ups_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_follow_ups" ADD CONSTRAINT "outcome_follow_ups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_follow_ups" ADD CONSTRAINT "outcome_follow_ups_assigned_organisation_id_organisations_id_fk" FOREIGN KEY ("assigned_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_follow_ups" ADD CONSTRAINT "outcome_follow_ups_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_follow_ups" ADD CONSTRAINT "outcome_follow_ups_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_instruments" ADD CONSTRAINT "outcome_instruments_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referral_updates" ADD CONSTRAINT "outcome_referral_updates_referral_id_outcome_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."outcome_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referral_updates" ADD CONSTRAINT "outcome_referral_updates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referral_updates" ADD CONSTRAINT "outcome_referral_updates_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referrals" ADD CONSTRAINT "outcome_referrals_alert_id_outcome_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."outcome_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referrals" ADD CONSTRAINT "outcome_referrals_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referrals" ADD CONSTRAINT "outcome_referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referrals" ADD CONSTRAINT "outcome_referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referrals" ADD CONSTRAINT "outcome_referrals_consent_id_case_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."case_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referrals" ADD CONSTRAINT "outcome_referrals_agreement_id_data_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."data_sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_referrals" ADD CONSTRAINT "outcome_referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_responses" ADD CONSTRAINT "outcome_responses_instrument_id_outcome_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."outcome_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_responses" ADD CONSTRAINT "outcome_responses_follow_up_id_outcome_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."outcome_follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_responses" ADD CONSTRAINT "outcome_responses_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_responses" ADD CONSTRAINT "outcome_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_responses" ADD CONSTRAINT "outcome_responses_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_responses" ADD CONSTRAINT "outcome_responses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_zone_entries" ADD CONSTRAINT "outcome_zone_entries_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_zone_entries" ADD CONSTRAINT "outcome_zone_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_zone_entries" ADD CONSTRAINT "outcome_zone_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_alerts_response_id_kind_index" ON "outcome_alerts" USING btree ("response_id","kind");--> statement-breakpoint
CREATE INDEX "outcome_alerts_organisation_id_status_index" ON "outcome_alerts" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "outcome_alerts_household_id_index" ON "outcome_alerts" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "outcome_follow_ups_status_due_on_index" ON "outcome_follow_ups" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "outcome_follow_ups_assigned_organisation_id_status_index" ON "outcome_follow_ups" USING btree ("assigned_organisation_id","status");--> statement-breakpoint
CREATE INDEX "outcome_follow_ups_organisation_id_status_index" ON "outcome_follow_ups" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "outcome_follow_ups_household_id_index" ON "outcome_follow_ups" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_instruments_form_id_version_index" ON "outcome_instruments" USING btree ("form_id","version");--> statement-breakpoint
CREATE INDEX "outcome_referral_updates_referral_id_index" ON "outcome_referral_updates" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "outcome_referrals_to_organisation_id_status_index" ON "outcome_referrals" USING btree ("to_organisation_id","status");--> statement-breakpoint
CREATE INDEX "outcome_referrals_from_organisation_id_status_index" ON "outcome_referrals" USING btree ("from_organisation_id","status");--> statement-breakpoint
CREATE INDEX "outcome_referrals_household_id_index" ON "outcome_referrals" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_responses_instrument_id_submission_id_index" ON "outcome_responses" USING btree ("instrument_id","submission_id");--> statement-breakpoint
CREATE INDEX "outcome_responses_population_pcode_round_index" ON "outcome_responses" USING btree ("population","pcode","round");--> statement-breakpoint
CREATE INDEX "outcome_responses_household_id_round_index" ON "outcome_responses" USING btree ("household_id","round");--> statement-breakpoint
CREATE INDEX "outcome_responses_state_code_cohort_index" ON "outcome_responses" USING btree ("state_code","cohort");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_zone_entries_pcode_period_indicator_organisation_id_index" ON "outcome_zone_entries" USING btree ("pcode","period","indicator","organisation_id");