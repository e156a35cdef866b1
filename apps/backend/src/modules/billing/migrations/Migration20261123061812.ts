import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123061812 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_incident" drop constraint if exists "payment_incident_stripe_id_unique";`);
    this.addSql(`create table if not exists "payment_incident" ("id" text not null, "stripe_id" text not null, "kind" text check ("kind" in ('refund', 'dispute')) not null, "status" text not null, "order_id" text null, "payment_intent_id" text not null, "amount" integer not null, "currency_code" text not null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_incident_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_incident_deleted_at" ON "payment_incident" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_incident_stripe_id_unique" ON "payment_incident" ("stripe_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_incident_order_id" ON "payment_incident" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_incident" cascade;`);
  }

}
