CREATE TABLE "zone_observed_indicators" (
	"pcode" text NOT NULL,
	"indicator" text NOT NULL,
	CONSTRAINT "zone_observed_indicators_pcode_indicator_pk" PRIMARY KEY("pcode","indicator")
);
--> statement-breakpoint
ALTER TABLE "zone_observed_indicators" ADD CONSTRAINT "zone_observed_indicators_pcode_zones_pcode_fk" FOREIGN KEY ("pcode") REFERENCES "public"."zones"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
COMMENT ON TABLE "zone_observed_indicators" IS 'derived: kept by the zone_observations_observed_indicators trigger; left out of backups and rebuilt on restore';
--> statement-breakpoint
CREATE FUNCTION "zone_observations_record_indicators"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "zone_observed_indicators" ("pcode", "indicator")
    SELECT DISTINCT "pcode", "indicator" FROM inserted
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "zone_observations_observed_indicators" AFTER INSERT ON "zone_observations"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "zone_observations_record_indicators"();
--> statement-breakpoint
INSERT INTO "zone_observed_indicators" ("pcode", "indicator")
  SELECT DISTINCT "pcode", "indicator" FROM "zone_observations"
  ON CONFLICT DO NOTHING;
