CREATE TABLE "case_appeals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"lodged_by" text NOT NULL,
	"lodged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"grounds_enc" text NOT NULL,
	"reviewer_organisation_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"outcome_enc" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_arrivals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"movement_id" uuid,
	"arrived_on" date NOT NULL,
	"pcode" text NOT NULL,
	"people" smallint NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_arrivals_household_id_unique" UNIQUE("household_id")
);
--> statement-breakpoint
CREATE TABLE "case_conditions_addressed" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"pcode" text NOT NULL,
	"publication_id" uuid NOT NULL,
	"how_enc" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"given_on" date NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_channel" text,
	"withdrawn_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_corridor_points" (
	"corridor_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"transit_point_id" uuid NOT NULL,
	CONSTRAINT "case_corridor_points_corridor_id_position_pk" PRIMARY KEY("corridor_id","position")
);
--> statement-breakpoint
CREATE TABLE "case_corridors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"from_state_code" text NOT NULL,
	"to_state_code" text NOT NULL,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_corridors_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "case_counselling_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"counsellor_id" uuid NOT NULL,
	"language" text NOT NULL,
	"private" boolean NOT NULL,
	"notes_enc" text,
	"coercion_indicators" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"rationale_enc" text,
	"eligibility" jsonb,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"arrival_id" uuid NOT NULL,
	"months_after_arrival" smallint NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_go_and_see_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"pcode" text NOT NULL,
	"notes_enc" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"status_code_hash" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"asylum_state_code" text NOT NULL,
	"intended_pcode" text NOT NULL,
	"state_code" text NOT NULL,
	"stage" text NOT NULL,
	"possible_duplicate_of" uuid,
	"duplicate_review" text,
	"member_count" smallint NOT NULL,
	"case_officer_id" uuid,
	"registered_by" uuid,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "case_households_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "case_movement_households" (
	"movement_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"destination_pcode" text NOT NULL,
	"people" smallint NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "case_movement_households_movement_id_household_id_pk" PRIMARY KEY("movement_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "case_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"corridor_id" uuid NOT NULL,
	"departs_on" date NOT NULL,
	"shelter_id" uuid,
	"status" text NOT NULL,
	"suspended_reason" text,
	"suspended_detail" jsonb,
	"suspended_at" timestamp with time zone,
	"organisation_id" uuid NOT NULL,
	"planned_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"departed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"relationship" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year" smallint NOT NULL,
	"name_enc" text NOT NULL,
	"date_of_birth_enc" text NOT NULL,
	"documents_enc" text NOT NULL,
	"phones_enc" text NOT NULL,
	"document_status" text NOT NULL,
	"needs_enc" text NOT NULL,
	"needs_without_plan" smallint DEFAULT 0 NOT NULL,
	"has_specific_needs" boolean DEFAULT false NOT NULL,
	"unaccompanied" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_person_indexes" (
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "case_person_indexes_kind_value_person_id_pk" PRIMARY KEY("kind","value","person_id")
);
--> statement-breakpoint
CREATE TABLE "case_protection_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid,
	"indicators" text[] NOT NULL,
	"status" text NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"resolution_enc" text
);
--> statement-breakpoint
CREATE TABLE "case_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"agreement_id" uuid NOT NULL,
	"shared_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_shelters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"transit_point_id" uuid NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "case_shelters_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "case_transit_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"pcode" text,
	"operator_organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_transit_points_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "case_voluntariness_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"intention_on" date,
	"intention_enc" text,
	"declaration_signed_on" date,
	"declaration_witness_enc" text,
	"declaration_language" text,
	"declaration_scan_enc" text,
	"cooling_off_days" smallint NOT NULL,
	"cooling_off_ends_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_enc" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_voluntariness_files_person_id_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "case_zone_information" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"given_on" date NOT NULL,
	"pcode" text NOT NULL,
	"zone_class" text NOT NULL,
	"period" text,
	"publication_id" uuid,
	"shown" jsonb NOT NULL,
	"language" text NOT NULL,
	"given_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_decision_id_case_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."case_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_reviewer_organisation_id_organisations_id_fk" FOREIGN KEY ("reviewer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_arrivals" ADD CONSTRAINT "case_arrivals_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_arrivals" ADD CONSTRAINT "case_arrivals_movement_id_case_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."case_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_arrivals" ADD CONSTRAINT "case_arrivals_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_arrivals" ADD CONSTRAINT "case_arrivals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conditions_addressed" ADD CONSTRAINT "case_conditions_addressed_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conditions_addressed" ADD CONSTRAINT "case_conditions_addressed_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conditions_addressed" ADD CONSTRAINT "case_conditions_addressed_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_corridor_points" ADD CONSTRAINT "case_corridor_points_corridor_id_case_corridors_id_fk" FOREIGN KEY ("corridor_id") REFERENCES "public"."case_corridors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_corridor_points" ADD CONSTRAINT "case_corridor_points_transit_point_id_case_transit_points_id_fk" FOREIGN KEY ("transit_point_id") REFERENCES "public"."case_transit_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_counselling_sessions" ADD CONSTRAINT "case_counselling_sessions_file_id_case_voluntariness_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."case_voluntariness_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_counselling_sessions" ADD CONSTRAINT "case_counselling_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_counselling_sessions" ADD CONSTRAINT "case_counselling_sessions_counsellor_id_users_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_ups" ADD CONSTRAINT "case_follow_ups_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_ups" ADD CONSTRAINT "case_follow_ups_arrival_id_case_arrivals_id_fk" FOREIGN KEY ("arrival_id") REFERENCES "public"."case_arrivals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_go_and_see_visits" ADD CONSTRAINT "case_go_and_see_visits_file_id_case_voluntariness_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."case_voluntariness_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_go_and_see_visits" ADD CONSTRAINT "case_go_and_see_visits_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_go_and_see_visits" ADD CONSTRAINT "case_go_and_see_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_households" ADD CONSTRAINT "case_households_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_households" ADD CONSTRAINT "case_households_intended_pcode_zones_pcode_fk" FOREIGN KEY ("intended_pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_households" ADD CONSTRAINT "case_households_case_officer_id_users_id_fk" FOREIGN KEY ("case_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_households" ADD CONSTRAINT "case_households_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_movement_households" ADD CONSTRAINT "case_movement_households_movement_id_case_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."case_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_movement_households" ADD CONSTRAINT "case_movement_households_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_movement_households" ADD CONSTRAINT "case_movement_households_destination_pcode_zones_pcode_fk" FOREIGN KEY ("destination_pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_movements" ADD CONSTRAINT "case_movements_corridor_id_case_corridors_id_fk" FOREIGN KEY ("corridor_id") REFERENCES "public"."case_corridors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_movements" ADD CONSTRAINT "case_movements_shelter_id_case_shelters_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."case_shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_movements" ADD CONSTRAINT "case_movements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_movements" ADD CONSTRAINT "case_movements_planned_by_users_id_fk" FOREIGN KEY ("planned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notices" ADD CONSTRAINT "case_notices_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notices" ADD CONSTRAINT "case_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notices" ADD CONSTRAINT "case_notices_read_by_users_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_people" ADD CONSTRAINT "case_people_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person_indexes" ADD CONSTRAINT "case_person_indexes_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person_indexes" ADD CONSTRAINT "case_person_indexes_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_protection_flags" ADD CONSTRAINT "case_protection_flags_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_protection_flags" ADD CONSTRAINT "case_protection_flags_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_protection_flags" ADD CONSTRAINT "case_protection_flags_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_protection_flags" ADD CONSTRAINT "case_protection_flags_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_agreement_id_data_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."data_sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shelters" ADD CONSTRAINT "case_shelters_transit_point_id_case_transit_points_id_fk" FOREIGN KEY ("transit_point_id") REFERENCES "public"."case_transit_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transit_points" ADD CONSTRAINT "case_transit_points_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transit_points" ADD CONSTRAINT "case_transit_points_operator_organisation_id_organisations_id_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_voluntariness_files" ADD CONSTRAINT "case_voluntariness_files_household_id_case_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."case_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_voluntariness_files" ADD CONSTRAINT "case_voluntariness_files_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_zone_information" ADD CONSTRAINT "case_zone_information_file_id_case_voluntariness_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."case_voluntariness_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_zone_information" ADD CONSTRAINT "case_zone_information_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_zone_information" ADD CONSTRAINT "case_zone_information_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_appeals_household_id_index" ON "case_appeals" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_appeals_reviewer_organisation_id_status_index" ON "case_appeals" USING btree ("reviewer_organisation_id","status");--> statement-breakpoint
CREATE INDEX "case_arrivals_arrived_on_index" ON "case_arrivals" USING btree ("arrived_on");--> statement-breakpoint
CREATE INDEX "case_conditions_addressed_household_id_index" ON "case_conditions_addressed" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_consents_household_id_purpose_index" ON "case_consents" USING btree ("household_id","purpose");--> statement-breakpoint
CREATE INDEX "case_consents_person_id_index" ON "case_consents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_corridor_points_transit_point_id_index" ON "case_corridor_points" USING btree ("transit_point_id");--> statement-breakpoint
CREATE INDEX "case_counselling_sessions_file_id_index" ON "case_counselling_sessions" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "case_decisions_household_id_index" ON "case_decisions" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_decisions_status_due_on_index" ON "case_decisions" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "case_decisions_organisation_id_status_index" ON "case_decisions" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "case_follow_ups_household_id_months_after_arrival_index" ON "case_follow_ups" USING btree ("household_id","months_after_arrival");--> statement-breakpoint
CREATE INDEX "case_follow_ups_due_on_index" ON "case_follow_ups" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "case_go_and_see_visits_file_id_index" ON "case_go_and_see_visits" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "case_households_organisation_id_stage_index" ON "case_households" USING btree ("organisation_id","stage");--> statement-breakpoint
CREATE INDEX "case_households_intended_pcode_index" ON "case_households" USING btree ("intended_pcode");--> statement-breakpoint
CREATE INDEX "case_households_possible_duplicate_of_index" ON "case_households" USING btree ("possible_duplicate_of");--> statement-breakpoint
CREATE INDEX "case_households_state_code_registered_at_index" ON "case_households" USING btree ("state_code","registered_at");--> statement-breakpoint
CREATE INDEX "case_movement_households_destination_pcode_status_index" ON "case_movement_households" USING btree ("destination_pcode","status");--> statement-breakpoint
CREATE INDEX "case_movement_households_household_id_index" ON "case_movement_households" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_movements_status_departs_on_index" ON "case_movements" USING btree ("status","departs_on");--> statement-breakpoint
CREATE INDEX "case_movements_corridor_id_index" ON "case_movements" USING btree ("corridor_id");--> statement-breakpoint
CREATE INDEX "case_movements_shelter_id_departs_on_index" ON "case_movements" USING btree ("shelter_id","departs_on");--> statement-breakpoint
CREATE INDEX "case_notices_organisation_id_read_at_index" ON "case_notices" USING btree ("organisation_id","read_at");--> statement-breakpoint
CREATE INDEX "case_notices_household_id_index" ON "case_notices" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_people_household_id_index" ON "case_people" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_person_indexes_person_id_index" ON "case_person_indexes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_protection_flags_household_id_status_index" ON "case_protection_flags" USING btree ("household_id","status");--> statement-breakpoint
CREATE INDEX "case_shares_household_id_index" ON "case_shares" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_shares_to_organisation_id_index" ON "case_shares" USING btree ("to_organisation_id");--> statement-breakpoint
CREATE INDEX "case_shelters_transit_point_id_index" ON "case_shelters" USING btree ("transit_point_id");--> statement-breakpoint
CREATE INDEX "case_voluntariness_files_household_id_index" ON "case_voluntariness_files" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_zone_information_file_id_index" ON "case_zone_information" USING btree ("file_id");