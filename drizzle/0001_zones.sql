CREATE TABLE "zone_assessments" (
	"pcode" text NOT NULL,
	"period" text NOT NULL,
	"state_code" text NOT NULL,
	"framework_version" integer NOT NULL,
	"class" text NOT NULL,
	"classification" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zone_assessments_pcode_period_pk" PRIMARY KEY("pcode","period")
);
--> statement-breakpoint
CREATE TABLE "zone_frameworks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"definition" jsonb NOT NULL,
	"definition_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "zone_frameworks_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "zone_observations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pcode" text NOT NULL,
	"state_code" text NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"method" text NOT NULL,
	"evidence_notes" text,
	"status" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "zone_publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"framework_version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"audit_seq" integer NOT NULL,
	"replaces_id" uuid,
	"reason" text,
	"zone_count" integer NOT NULL,
	"published_by" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_published_classes" (
	"publication_id" uuid NOT NULL,
	"pcode" text NOT NULL,
	"state_code" text NOT NULL,
	"period" text NOT NULL,
	"class" text NOT NULL,
	"classification" jsonb NOT NULL,
	CONSTRAINT "zone_published_classes_publication_id_pcode_pk" PRIMARY KEY("publication_id","pcode")
);
--> statement-breakpoint
CREATE TABLE "zone_verifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"observation_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"verifier_id" uuid NOT NULL,
	"verifier_organisation_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"pcode" text PRIMARY KEY NOT NULL,
	"parent_pcode" text,
	"state_code" text NOT NULL,
	"level" text NOT NULL,
	"names" jsonb NOT NULL,
	"shape" jsonb,
	"population" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "zone_assessments" ADD CONSTRAINT "zone_assessments_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_frameworks" ADD CONSTRAINT "zone_frameworks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_frameworks" ADD CONSTRAINT "zone_frameworks_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_observations" ADD CONSTRAINT "zone_observations_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_observations" ADD CONSTRAINT "zone_observations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_observations" ADD CONSTRAINT "zone_observations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_publications" ADD CONSTRAINT "zone_publications_replaces_id_zone_publications_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."zone_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_publications" ADD CONSTRAINT "zone_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_publications" ADD CONSTRAINT "zone_publications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_published_classes" ADD CONSTRAINT "zone_published_classes_publication_id_zone_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."zone_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_published_classes" ADD CONSTRAINT "zone_published_classes_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_verifications" ADD CONSTRAINT "zone_verifications_observation_id_zone_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."zone_observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_verifications" ADD CONSTRAINT "zone_verifications_verifier_id_users_id_fk" FOREIGN KEY ("verifier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_verifications" ADD CONSTRAINT "zone_verifications_verifier_organisation_id_organisations_id_fk" FOREIGN KEY ("verifier_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_parent_pcode_zones_pcode_fk" FOREIGN KEY ("parent_pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "zone_assessments_period_index" ON "zone_assessments" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "zone_observations_live_key" ON "zone_observations" USING btree ("pcode","indicator","period","organisation_id") WHERE status <> 'rejected';--> statement-breakpoint
CREATE INDEX "zone_observations_period_pcode_index" ON "zone_observations" USING btree ("period","pcode");--> statement-breakpoint
CREATE INDEX "zone_observations_status_organisation_id_index" ON "zone_observations" USING btree ("status","organisation_id");--> statement-breakpoint
CREATE INDEX "zone_publications_period_index" ON "zone_publications" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "zone_publications_replaces_once" ON "zone_publications" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "zone_published_classes_pcode_period_index" ON "zone_published_classes" USING btree ("pcode","period");--> statement-breakpoint
CREATE INDEX "zone_verifications_observation_id_index" ON "zone_verifications" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "zones_parent_pcode_index" ON "zones" USING btree ("parent_pcode");--> statement-breakpoint
CREATE INDEX "zones_level_index" ON "zones" USING btree ("level");