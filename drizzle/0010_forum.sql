CREATE TABLE "forum_agenda_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"framework_version" integer,
	"treatment" text,
	"treated_at" timestamp with time zone,
	"treated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "forum_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"position_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_bodies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"state_codes" jsonb NOT NULL,
	"chair_organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_bodies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "forum_body_members" (
	"body_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seat" text NOT NULL,
	CONSTRAINT "forum_body_members_body_id_organisation_id_pk" PRIMARY KEY("body_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "forum_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"target" text,
	"source" text NOT NULL,
	"organisation_id" uuid,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"withheld" boolean DEFAULT false NOT NULL,
	"answer" text,
	"answer_reason" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_commitment_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"reasons" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_commitment_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_commitments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid,
	"decision_id" uuid,
	"text" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"state_code" text,
	"pcode" text,
	"due_on" date NOT NULL,
	"indicator_kind" text NOT NULL,
	"indicator_ref" text,
	"status" text NOT NULL,
	"closed_on" date,
	"closing_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"framework_id" uuid NOT NULL,
	"framework_version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"minimum_days" smallint NOT NULL,
	"closed_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"opened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"decided_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_ref" text NOT NULL,
	"pcode" text,
	"state_code" text,
	"raised_by_organisation_id" uuid NOT NULL,
	"concern" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"responsible_organisation_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"screening" text NOT NULL,
	"screened_by" uuid,
	"screened_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer_screening" text,
	"raised_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"channel" text NOT NULL,
	"place" text,
	"status" text NOT NULL,
	"positions_due_on" date NOT NULL,
	"minutes" text,
	"minutes_recorded_at" timestamp with time zone,
	"minutes_approved_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_minutes_approvals" (
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_minutes_approvals_meeting_id_organisation_id_pk" PRIMARY KEY("meeting_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "forum_participants" (
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seat" text NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	CONSTRAINT "forum_participants_meeting_id_organisation_id_pk" PRIMARY KEY("meeting_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "forum_positions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"visibility" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"treatment" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_timeline" (
	"id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"action" text NOT NULL,
	"state_code" text,
	"pcode" text,
	"body_code" text,
	"subject_ref" text,
	"params" jsonb NOT NULL,
	"audit_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_timeline_cursor" (
	"id" smallint PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_treated_by_users_id_fk" FOREIGN KEY ("treated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_attachments" ADD CONSTRAINT "forum_attachments_position_id_forum_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."forum_positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_bodies" ADD CONSTRAINT "forum_bodies_chair_organisation_id_organisations_id_fk" FOREIGN KEY ("chair_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_bodies" ADD CONSTRAINT "forum_bodies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_body_members" ADD CONSTRAINT "forum_body_members_body_id_forum_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."forum_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_body_members" ADD CONSTRAINT "forum_body_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_comments" ADD CONSTRAINT "forum_comments_consultation_id_forum_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."forum_consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_comments" ADD CONSTRAINT "forum_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_comments" ADD CONSTRAINT "forum_comments_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_comments" ADD CONSTRAINT "forum_comments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitment_assessments" ADD CONSTRAINT "forum_commitment_assessments_commitment_id_forum_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."forum_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitment_assessments" ADD CONSTRAINT "forum_commitment_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitment_assessments" ADD CONSTRAINT "forum_commitment_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitment_updates" ADD CONSTRAINT "forum_commitment_updates_commitment_id_forum_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."forum_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitment_updates" ADD CONSTRAINT "forum_commitment_updates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitment_updates" ADD CONSTRAINT "forum_commitment_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitments" ADD CONSTRAINT "forum_commitments_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitments" ADD CONSTRAINT "forum_commitments_decision_id_forum_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."forum_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitments" ADD CONSTRAINT "forum_commitments_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitments" ADD CONSTRAINT "forum_commitments_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_commitments" ADD CONSTRAINT "forum_commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultations" ADD CONSTRAINT "forum_consultations_framework_id_zone_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."zone_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultations" ADD CONSTRAINT "forum_consultations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_agenda_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_raised_by_organisation_id_organisations_id_fk" FOREIGN KEY ("raised_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_body_id_forum_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."forum_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes_approvals" ADD CONSTRAINT "forum_minutes_approvals_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes_approvals" ADD CONSTRAINT "forum_minutes_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes_approvals" ADD CONSTRAINT "forum_minutes_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_participants" ADD CONSTRAINT "forum_participants_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_participants" ADD CONSTRAINT "forum_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_positions" ADD CONSTRAINT "forum_positions_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_positions" ADD CONSTRAINT "forum_positions_agenda_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_positions" ADD CONSTRAINT "forum_positions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_positions" ADD CONSTRAINT "forum_positions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "forum_agenda_items_meeting_id_position_index" ON "forum_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "forum_attachments_position_id_index" ON "forum_attachments" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "forum_comments_consultation_id_created_at_index" ON "forum_comments" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_commitment_assessments_commitment_id_created_at_index" ON "forum_commitment_assessments" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_commitment_updates_commitment_id_created_at_index" ON "forum_commitment_updates" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_commitments_status_due_on_index" ON "forum_commitments" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "forum_commitments_owner_organisation_id_index" ON "forum_commitments" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_consultations_framework_version_index" ON "forum_consultations" USING btree ("framework_version");--> statement-breakpoint
CREATE INDEX "forum_decisions_meeting_id_index" ON "forum_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "forum_flags_responsible_organisation_id_answered_at_index" ON "forum_flags" USING btree ("responsible_organisation_id","answered_at");--> statement-breakpoint
CREATE INDEX "forum_flags_pcode_index" ON "forum_flags" USING btree ("pcode") WHERE answered_at is null;--> statement-breakpoint
CREATE INDEX "forum_meetings_body_id_held_on_index" ON "forum_meetings" USING btree ("body_id","held_on");--> statement-breakpoint
CREATE INDEX "forum_participants_organisation_id_index" ON "forum_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "forum_positions_meeting_id_index" ON "forum_positions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "forum_positions_organisation_id_index" ON "forum_positions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "forum_timeline_occurred_at_id_index" ON "forum_timeline" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "forum_timeline_kind_occurred_at_id_index" ON "forum_timeline" USING btree ("kind","occurred_at","id");--> statement-breakpoint
CREATE INDEX "forum_timeline_state_code_occurred_at_id_index" ON "forum_timeline" USING btree ("state_code","occurred_at","id");--> statement-breakpoint
CREATE INDEX "forum_timeline_pcode_occurred_at_id_index" ON "forum_timeline" USING btree ("pcode","occurred_at","id");--> statement-breakpoint
CREATE INDEX "forum_timeline_body_code_occurred_at_id_index" ON "forum_timeline" USING btree ("body_code","occurred_at","id");--> statement-breakpoint
CREATE INDEX "forum_timeline_audit_seq_index" ON "forum_timeline" USING btree ("audit_seq");