CREATE TABLE "gateway_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"entry" text NOT NULL,
	"account_id" uuid,
	"organisation_id" uuid,
	"note_enc" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_incident_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"entry" text NOT NULL,
	"account_id" uuid,
	"note_enc" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_incident_submissions" (
	"incident_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "gateway_incident_submissions_incident_id_submission_id_pk" PRIMARY KEY("incident_id","submission_id")
);
--> statement-breakpoint
CREATE TABLE "gateway_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"pcode" text,
	"transit_point_id" uuid,
	"corridor_id" uuid,
	"state_code" text NOT NULL,
	"perpetrator_category" text NOT NULL,
	"affected_girls" smallint DEFAULT 0 NOT NULL,
	"affected_boys" smallint DEFAULT 0 NOT NULL,
	"affected_women" smallint DEFAULT 0 NOT NULL,
	"affected_men" smallint DEFAULT 0 NOT NULL,
	"affected_older_women" smallint DEFAULT 0 NOT NULL,
	"affected_older_men" smallint DEFAULT 0 NOT NULL,
	"affected_unknown" smallint DEFAULT 0 NOT NULL,
	"identities_enc" text,
	"narrative_enc" text NOT NULL,
	"source" text NOT NULL,
	"verification" text NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"accountability" text NOT NULL,
	"referred_to" text,
	"referred_on" date,
	"response_enc" text,
	"sanction_enc" text,
	"closed_on" date,
	"observation_id" uuid,
	"organisation_id" uuid NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_incidents_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "gateway_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"author" text NOT NULL,
	"account_id" uuid,
	"organisation_id" uuid,
	"body_enc" text NOT NULL,
	"delivery" text DEFAULT 'receipt' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_rate_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "gateway_rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "gateway_reveal_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"justification_enc" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_routing_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text,
	"pcode" text,
	"state_code" text,
	"sensitive" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_sms_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"submission_id" uuid,
	"gateway" text NOT NULL,
	"to_enc" text NOT NULL,
	"body_enc" text NOT NULL,
	"status" text NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gateway_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"receipt_hash" text NOT NULL,
	"kind" text NOT NULL,
	"complaint_category" text,
	"about_named_person" boolean DEFAULT false NOT NULL,
	"sensitive" boolean NOT NULL,
	"disclosure" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"pcode" text,
	"state_code" text,
	"transit_point_id" uuid,
	"case_reference_enc" text,
	"body_enc" text NOT NULL,
	"contact_enc" text,
	"contact_consent" boolean DEFAULT false NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assignee_id" uuid,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_in_time" boolean,
	"responded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"satisfaction" text,
	"referrals" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_submissions_reference_unique" UNIQUE("reference"),
	CONSTRAINT "gateway_submissions_receipt_hash_unique" UNIQUE("receipt_hash")
);
--> statement-breakpoint
ALTER TABLE "gateway_history" ADD CONSTRAINT "gateway_history_submission_id_gateway_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."gateway_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_history" ADD CONSTRAINT "gateway_history_account_id_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_history" ADD CONSTRAINT "gateway_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incident_history" ADD CONSTRAINT "gateway_incident_history_incident_id_gateway_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."gateway_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incident_history" ADD CONSTRAINT "gateway_incident_history_account_id_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incident_submissions" ADD CONSTRAINT "gateway_incident_submissions_incident_id_gateway_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."gateway_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incident_submissions" ADD CONSTRAINT "gateway_incident_submissions_submission_id_gateway_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."gateway_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incidents" ADD CONSTRAINT "gateway_incidents_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incidents" ADD CONSTRAINT "gateway_incidents_transit_point_id_case_transit_points_id_fk" FOREIGN KEY ("transit_point_id") REFERENCES "public"."case_transit_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incidents" ADD CONSTRAINT "gateway_incidents_corridor_id_case_corridors_id_fk" FOREIGN KEY ("corridor_id") REFERENCES "public"."case_corridors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incidents" ADD CONSTRAINT "gateway_incidents_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incidents" ADD CONSTRAINT "gateway_incidents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_incidents" ADD CONSTRAINT "gateway_incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_messages" ADD CONSTRAINT "gateway_messages_submission_id_gateway_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."gateway_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_messages" ADD CONSTRAINT "gateway_messages_account_id_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_messages" ADD CONSTRAINT "gateway_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_reveal_requests" ADD CONSTRAINT "gateway_reveal_requests_submission_id_gateway_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."gateway_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_reveal_requests" ADD CONSTRAINT "gateway_reveal_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_reveal_requests" ADD CONSTRAINT "gateway_reveal_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_routing_rules" ADD CONSTRAINT "gateway_routing_rules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_routing_rules" ADD CONSTRAINT "gateway_routing_rules_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_routing_rules" ADD CONSTRAINT "gateway_routing_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_sms_outbox" ADD CONSTRAINT "gateway_sms_outbox_submission_id_gateway_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."gateway_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_submissions" ADD CONSTRAINT "gateway_submissions_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_submissions" ADD CONSTRAINT "gateway_submissions_transit_point_id_case_transit_points_id_fk" FOREIGN KEY ("transit_point_id") REFERENCES "public"."case_transit_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_submissions" ADD CONSTRAINT "gateway_submissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_submissions" ADD CONSTRAINT "gateway_submissions_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_history_submission_id_at_index" ON "gateway_history" USING btree ("submission_id","at");--> statement-breakpoint
CREATE INDEX "gateway_incident_history_incident_id_at_index" ON "gateway_incident_history" USING btree ("incident_id","at");--> statement-breakpoint
CREATE INDEX "gateway_incident_submissions_submission_id_index" ON "gateway_incident_submissions" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "gateway_incidents_occurred_on_index" ON "gateway_incidents" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "gateway_incidents_pcode_index" ON "gateway_incidents" USING btree ("pcode");--> statement-breakpoint
CREATE INDEX "gateway_incidents_transit_point_id_index" ON "gateway_incidents" USING btree ("transit_point_id");--> statement-breakpoint
CREATE INDEX "gateway_messages_submission_id_created_at_index" ON "gateway_messages" USING btree ("submission_id","created_at");--> statement-breakpoint
CREATE INDEX "gateway_reveal_requests_submission_id_index" ON "gateway_reveal_requests" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "gateway_sms_outbox_status_created_at_index" ON "gateway_sms_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "gateway_submissions_organisation_id_status_due_at_index" ON "gateway_submissions" USING btree ("organisation_id","status","due_at");--> statement-breakpoint
CREATE INDEX "gateway_submissions_received_at_index" ON "gateway_submissions" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "gateway_submissions_transit_point_id_index" ON "gateway_submissions" USING btree ("transit_point_id");--> statement-breakpoint
CREATE INDEX "gateway_submissions_pcode_index" ON "gateway_submissions" USING btree ("pcode");