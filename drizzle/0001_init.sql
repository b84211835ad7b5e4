CREATE TYPE "public"."tenant_status" AS ENUM('TRIAL', 'ACTIVE', 'SUSPENDED');--> statement-breakpoint
CREATE TYPE "public"."auth_session_kind" AS ENUM('WEB', 'API');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('SUPER_ADMIN', 'ADMIN', 'STAFF', 'VIEWER');--> statement-breakpoint
CREATE TYPE "public"."connection_type" AS ENUM('PPPOE', 'HOTSPOT', 'DHCP', 'STATIC');--> statement-breakpoint
CREATE TYPE "public"."validity_unit" AS ENUM('MINUTES', 'HOURS', 'DAYS', 'MONTHS');--> statement-breakpoint
CREATE TYPE "public"."nas_status" AS ENUM('UNKNOWN', 'ONLINE', 'OFFLINE');--> statement-breakpoint
CREATE TYPE "public"."nas_type" AS ENUM('MIKROTIK', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."customer_status" AS ENUM('ACTIVE', 'SUSPENDED', 'EXPIRED', 'DISABLED');--> statement-breakpoint
CREATE TYPE "public"."voucher_status" AS ENUM('AVAILABLE', 'USED', 'EXPIRED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('DRAFT', 'OPEN', 'PAID', 'VOID');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('CASH', 'MPESA', 'BANK_TRANSFER', 'CARD', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."payment_purpose" AS ENUM('RENEWAL', 'WALLET_TOPUP', 'VOUCHER');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('PENDING', 'COMPLETED', 'FAILED', 'REFUNDED');--> statement-breakpoint
CREATE TYPE "public"."sms_status" AS ENUM('QUEUED', 'SENT', 'FAILED');--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"status" "tenant_status" DEFAULT 'TRIAL' NOT NULL,
	"country" text DEFAULT 'KE' NOT NULL,
	"currency" text DEFAULT 'KES' NOT NULL,
	"timezone" text DEFAULT 'Africa/Nairobi' NOT NULL,
	"trial_ends_at" timestamp with time zone,
	"suspended_reason" text,
	"logo_url" text,
	"contact_email" text,
	"contact_phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'VIEWER' NOT NULL,
	"created_by_user_id" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"tenant_id" uuid,
	"kind" "auth_session_kind" NOT NULL,
	"refresh_token_hash" text,
	"ip" text,
	"user_agent" text,
	"acting_tenant_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"tenant_id" uuid,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'STAFF' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"totp_secret_sealed" text,
	"totp_enabled_at" timestamp with time zone,
	"recovery_code_hashes" text[],
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "package_routers" (
	"tenant_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"nas_id" uuid NOT NULL,
	CONSTRAINT "package_routers_package_id_nas_id_pk" PRIMARY KEY("package_id","nas_id")
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"type" "connection_type" NOT NULL,
	"price" integer NOT NULL,
	"validity_value" integer NOT NULL,
	"validity_unit" "validity_unit" NOT NULL,
	"download_kbps" integer NOT NULL,
	"upload_kbps" integer NOT NULL,
	"burst_download_kbps" integer,
	"burst_upload_kbps" integer,
	"burst_threshold_download_kbps" integer,
	"burst_threshold_upload_kbps" integer,
	"burst_time_seconds" integer,
	"priority" integer,
	"data_quota_bytes" bigint,
	"session_time_limit_seconds" integer,
	"fup_download_kbps" integer,
	"fup_upload_kbps" integer,
	"shared_users" integer DEFAULT 1 NOT NULL,
	"idle_timeout_seconds" integer,
	"address_list" text,
	"all_routers" boolean DEFAULT true NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"ip_address" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"type" "nas_type" DEFAULT 'MIKROTIK' NOT NULL,
	"router_os_version" text,
	"coa_port" integer DEFAULT 3799 NOT NULL,
	"require_message_authenticator" boolean DEFAULT true NOT NULL,
	"location" text,
	"latitude" double precision,
	"longitude" double precision,
	"api_username" text,
	"api_password_sealed" text,
	"api_port" integer,
	"api_tls" boolean DEFAULT false NOT NULL,
	"snmp_community_sealed" text,
	"snmp_port" integer DEFAULT 161 NOT NULL,
	"status" "nas_status" DEFAULT 'UNKNOWN' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"ip" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_pools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"cidr" text NOT NULL,
	"range_start" text NOT NULL,
	"range_end" text NOT NULL,
	"gateway" text,
	"nas_id" uuid,
	"package_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"type" "connection_type" NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"username" text NOT NULL,
	"password_sealed" text,
	"package_id" uuid,
	"status" "customer_status" DEFAULT 'ACTIVE' NOT NULL,
	"expires_at" timestamp with time zone,
	"mac_address" text,
	"static_ip" text,
	"ip_pool_id" uuid,
	"latitude" double precision,
	"longitude" double precision,
	"address" text,
	"notes" text,
	"wallet_balance" integer DEFAULT 0 NOT NULL,
	"auto_renew" boolean DEFAULT true NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"last_seen_at" timestamp with time zone,
	"usage_period_start" timestamp with time zone DEFAULT now() NOT NULL,
	"used_bytes" bigint DEFAULT 0 NOT NULL,
	"used_seconds" bigint DEFAULT 0 NOT NULL,
	"quota_exceeded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_history" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"nas_id" uuid NOT NULL,
	"customer_id" uuid,
	"voucher_id" uuid,
	"username" text NOT NULL,
	"acct_session_id" text NOT NULL,
	"framed_ip" text,
	"calling_station_id" text,
	"called_station_id" text,
	"nas_port_id" text,
	"nas_port_type" text,
	"service_type" text,
	"class" text,
	"started_at" timestamp with time zone NOT NULL,
	"session_time" integer DEFAULT 0 NOT NULL,
	"input_octets" bigint DEFAULT 0 NOT NULL,
	"output_octets" bigint DEFAULT 0 NOT NULL,
	"input_packets" bigint DEFAULT 0 NOT NULL,
	"output_packets" bigint DEFAULT 0 NOT NULL,
	"stopped_at" timestamp with time zone NOT NULL,
	"terminate_cause" text,
	CONSTRAINT "session_history_id_stopped_at_pk" PRIMARY KEY("id","stopped_at")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"nas_id" uuid NOT NULL,
	"customer_id" uuid,
	"voucher_id" uuid,
	"username" text NOT NULL,
	"acct_session_id" text NOT NULL,
	"framed_ip" text,
	"calling_station_id" text,
	"called_station_id" text,
	"nas_port_id" text,
	"nas_port_type" text,
	"service_type" text,
	"class" text,
	"started_at" timestamp with time zone NOT NULL,
	"session_time" integer DEFAULT 0 NOT NULL,
	"input_octets" bigint DEFAULT 0 NOT NULL,
	"output_octets" bigint DEFAULT 0 NOT NULL,
	"input_packets" bigint DEFAULT 0 NOT NULL,
	"output_packets" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rate_limit" text
);
--> statement-breakpoint
CREATE TABLE "voucher_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"package_id" uuid NOT NULL,
	"count" integer NOT NULL,
	"prefix" text DEFAULT '' NOT NULL,
	"code_length" integer NOT NULL,
	"charset" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"batch_id" uuid,
	"package_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" "voucher_status" DEFAULT 'AVAILABLE' NOT NULL,
	"redeem_by" timestamp with time zone,
	"used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"mac_address" text,
	"used_bytes" bigint DEFAULT 0 NOT NULL,
	"used_seconds" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'EXPENSE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"account_id" uuid,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"description" text NOT NULL,
	"spent_on" date NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid,
	"number" integer NOT NULL,
	"status" "invoice_status" DEFAULT 'OPEN' NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"due_date" date,
	"payment_id" uuid,
	"lines" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid,
	"package_id" uuid,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"method" "payment_method" NOT NULL,
	"status" "payment_status" DEFAULT 'PENDING' NOT NULL,
	"purpose" "payment_purpose" DEFAULT 'RENEWAL' NOT NULL,
	"reference" text,
	"checkout_request_id" text,
	"phone" text,
	"notes" text,
	"receipt_number" integer,
	"recorded_by_user_id" uuid,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspot_portals" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"title" text,
	"welcome_message" text,
	"logo_url" text,
	"primary_color" text DEFAULT '#2563eb' NOT NULL,
	"background_color" text DEFAULT '#f8fafc' NOT NULL,
	"custom_css" text,
	"terms_url" text,
	"privacy_url" text,
	"redirect_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid,
	"to" text NOT NULL,
	"body" text NOT NULL,
	"status" "sms_status" DEFAULT 'QUEUED' NOT NULL,
	"provider_message_id" text,
	"error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"provider" text DEFAULT 'NONE' NOT NULL,
	"sender_id" text,
	"credentials_sealed" text,
	"templates" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"actor_label" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nas_metrics" (
	"tenant_id" uuid NOT NULL,
	"nas_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"cpu_load" integer,
	"memory_used_percent" double precision,
	"uptime_seconds" bigint,
	"active_sessions" integer,
	"rx_bytes" bigint,
	"tx_bytes" bigint,
	"latency_ms" double precision,
	"temperature_c" double precision,
	"reachable" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "nas_metrics_nas_id_recorded_at_pk" PRIMARY KEY("nas_id","recorded_at")
);
--> statement-breakpoint
CREATE TABLE "radius_log" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"nas_id" uuid,
	"nas_ip" text NOT NULL,
	"kind" text NOT NULL,
	"username" text,
	"outcome" text NOT NULL,
	"reason" text,
	"detail" jsonb,
	"latency_ms" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "radius_log_id_created_at_pk" PRIMARY KEY("id","created_at")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_acting_tenant_id_tenants_id_fk" FOREIGN KEY ("acting_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_routers" ADD CONSTRAINT "package_routers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_routers" ADD CONSTRAINT "package_routers_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_routers" ADD CONSTRAINT "package_routers_nas_id_nas_id_fk" FOREIGN KEY ("nas_id") REFERENCES "public"."nas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nas" ADD CONSTRAINT "nas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_assignments" ADD CONSTRAINT "ip_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_assignments" ADD CONSTRAINT "ip_assignments_pool_id_ip_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."ip_pools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_pools" ADD CONSTRAINT "ip_pools_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_pools" ADD CONSTRAINT "ip_pools_nas_id_nas_id_fk" FOREIGN KEY ("nas_id") REFERENCES "public"."nas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_pools" ADD CONSTRAINT "ip_pools_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_ip_pool_id_ip_pools_id_fk" FOREIGN KEY ("ip_pool_id") REFERENCES "public"."ip_pools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_nas_id_nas_id_fk" FOREIGN KEY ("nas_id") REFERENCES "public"."nas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_batches" ADD CONSTRAINT "voucher_batches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_batches" ADD CONSTRAINT "voucher_batches_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_batches" ADD CONSTRAINT "voucher_batches_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_batch_id_voucher_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."voucher_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_portals" ADD CONSTRAINT "hotspot_portals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_settings" ADD CONSTRAINT "sms_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "tenants_status_idx" ON "tenants" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_tenant_idx" ON "api_keys" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "auth_sessions_refresh_key" ON "auth_sessions" USING btree ("refresh_token_hash");--> statement-breakpoint
CREATE INDEX "mail_outbox_tenant_idx" ON "mail_outbox" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "password_reset_tokens_hash_key" ON "password_reset_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_tenant_idx" ON "users" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "package_routers_tenant_idx" ON "package_routers" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "packages_tenant_name_key" ON "packages" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "packages_tenant_type_idx" ON "packages" USING btree ("tenant_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "nas_ip_address_key" ON "nas" USING btree ("ip_address");--> statement-breakpoint
CREATE UNIQUE INDEX "nas_tenant_name_key" ON "nas" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "nas_tenant_idx" ON "nas" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_assignments_tenant_ip_key" ON "ip_assignments" USING btree ("tenant_id","ip");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_assignments_pool_customer_key" ON "ip_assignments" USING btree ("pool_id","customer_id");--> statement-breakpoint
CREATE INDEX "ip_assignments_customer_idx" ON "ip_assignments" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_pools_tenant_name_key" ON "ip_pools" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "ip_pools_tenant_idx" ON "ip_pools" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_tenant_username_key" ON "customers" USING btree ("tenant_id","username");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_tenant_static_ip_key" ON "customers" USING btree ("tenant_id","static_ip") WHERE "customers"."static_ip" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_tenant_created_idx" ON "customers" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "customers_tenant_status_idx" ON "customers" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "customers_tenant_expires_idx" ON "customers" USING btree ("tenant_id","expires_at");--> statement-breakpoint
CREATE INDEX "customers_tenant_package_idx" ON "customers" USING btree ("tenant_id","package_id");--> statement-breakpoint
CREATE INDEX "customers_tenant_mac_idx" ON "customers" USING btree ("tenant_id","mac_address");--> statement-breakpoint
CREATE INDEX "customers_expiry_scan_idx" ON "customers" USING btree ("expires_at") WHERE "customers"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "customers_search_trgm_idx" ON "customers" USING gin (("name" || ' ' || "username" || ' ' || coalesce("phone", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "session_history_tenant_stopped_idx" ON "session_history" USING btree ("tenant_id","stopped_at");--> statement-breakpoint
CREATE INDEX "session_history_tenant_customer_idx" ON "session_history" USING btree ("tenant_id","customer_id","stopped_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_nas_acct_user_key" ON "sessions" USING btree ("nas_id","acct_session_id","username");--> statement-breakpoint
CREATE INDEX "sessions_tenant_started_idx" ON "sessions" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE INDEX "sessions_tenant_customer_idx" ON "sessions" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "sessions_tenant_username_idx" ON "sessions" USING btree ("tenant_id","username");--> statement-breakpoint
CREATE INDEX "sessions_updated_idx" ON "sessions" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "voucher_batches_tenant_idx" ON "voucher_batches" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_tenant_code_key" ON "vouchers" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "vouchers_tenant_status_idx" ON "vouchers" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "vouchers_batch_idx" ON "vouchers" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_tenant_name_key" ON "accounts" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "expenses_tenant_spent_idx" ON "expenses" USING btree ("tenant_id","spent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_tenant_number_key" ON "invoices" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "invoices_tenant_customer_idx" ON "invoices" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_tenant_reference_key" ON "payments" USING btree ("tenant_id","reference") WHERE "payments"."reference" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_checkout_key" ON "payments" USING btree ("checkout_request_id") WHERE "payments"."checkout_request_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_tenant_receipt_key" ON "payments" USING btree ("tenant_id","receipt_number");--> statement-breakpoint
CREATE INDEX "payments_tenant_paid_idx" ON "payments" USING btree ("tenant_id","paid_at");--> statement-breakpoint
CREATE INDEX "payments_tenant_customer_idx" ON "payments" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "sms_messages_tenant_created_idx" ON "sms_messages" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_created_idx" ON "audit_log" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_action_idx" ON "audit_log" USING btree ("tenant_id","action");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("tenant_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "nas_metrics_tenant_idx" ON "nas_metrics" USING btree ("tenant_id","recorded_at");--> statement-breakpoint
CREATE INDEX "radius_log_tenant_created_idx" ON "radius_log" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "radius_log_tenant_user_idx" ON "radius_log" USING btree ("tenant_id","username","created_at");