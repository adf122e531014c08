CREATE TABLE "audit_witness_signatures" (
	"tree_size" bigint NOT NULL,
	"key_id" text NOT NULL,
	"witness" text NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "audit_witness_signatures_tree_size_key_id_pk" PRIMARY KEY("tree_size","key_id")
);
