CREATE TABLE "zone_evidence_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"observation_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	"observation_version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_observation_versions" (
	"observation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state_code" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"method" text NOT NULL,
	"evidence_notes" text,
	"status" text NOT NULL,
	"correction_reason" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"replaced_by" uuid,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zone_observation_versions_observation_id_version_pk" PRIMARY KEY("observation_id","version")
);
--> statement-breakpoint
ALTER TABLE "zone_observations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "zone_observations" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "zone_evidence_files" ADD CONSTRAINT "zone_evidence_files_observation_id_zone_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."zone_observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_evidence_files" ADD CONSTRAINT "zone_evidence_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_evidence_files" ADD CONSTRAINT "zone_evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_observation_versions" ADD CONSTRAINT "zone_observation_versions_observation_id_zone_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."zone_observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_observation_versions" ADD CONSTRAINT "zone_observation_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_observation_versions" ADD CONSTRAINT "zone_observation_versions_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "zone_evidence_files_observation_id_index" ON "zone_evidence_files" USING btree ("observation_id");