CREATE TYPE "public"."tenant_suspension_mode" AS ENUM('GRACE', 'REFUSE');--> statement-breakpoint
CREATE TABLE "installation_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "suspension_mode" "tenant_suspension_mode";