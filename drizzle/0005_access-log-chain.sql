CREATE TABLE "access_log_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "access_log_head_single_row" CHECK ("access_log_head"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "hash" text;--> statement-breakpoint
-- Chains the rows already there in the order they were recorded, exactly as access-chain.ts hashes a row.
DO $$
DECLARE
  r record;
  n bigint := 0;
  prev text := repeat('0', 64);
  h text;
BEGIN
  FOR r IN SELECT * FROM "access_log" ORDER BY "recorded_at", "id" LOOP
    n := n + 1;
    h := encode(sha256(convert_to(concat_ws(E'\t', n, r."id", round(date_part('epoch', r."recorded_at") * 1000)::bigint,
      coalesce(r."actor_user_id"::text, ''), coalesce(r."organisation_id"::text, ''), r."record_type", r."record_id",
      r."purpose", prev), 'UTF8')), 'hex');
    UPDATE "access_log" SET "seq" = n, "prev_hash" = prev, "hash" = h WHERE "id" = r."id";
    prev := h;
  END LOOP;
  -- An empty database stays empty (a restore needs one): the first append creates the head.
  IF n > 0 THEN
    INSERT INTO "access_log_head" ("id", "size", "head_hash", "updated_at") VALUES (1, n, prev, now());
  END IF;
END
$$;
--> statement-breakpoint
ALTER TABLE "access_log" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ALTER COLUMN "prev_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ALTER COLUMN "hash" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "access_log_seq" ON "access_log" USING btree ("seq");
