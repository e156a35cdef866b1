import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123044718 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "entitlement" drop constraint if exists "entitlement_line_item_id_unique";`);
    this.addSql(`alter table if exists "entitlement" drop constraint if exists "entitlement_token_unique";`);
    this.addSql(`create table if not exists "entitlement" ("id" text not null, "token" text not null, "customer_id" text not null, "order_id" text not null, "line_item_id" text not null, "product_title" text not null, "status" text check ("status" in ('active', 'revoked')) not null default 'active', "download_count" integer not null default 0, "revoked_at" timestamptz null, "revoked_reason" text null, "digital_file_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "entitlement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_entitlement_digital_file_id" ON "entitlement" ("digital_file_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_entitlement_deleted_at" ON "entitlement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_entitlement_token_unique" ON "entitlement" ("token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_entitlement_line_item_id_unique" ON "entitlement" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_entitlement_customer_id" ON "entitlement" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_entitlement_order_id" ON "entitlement" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "download_event" ("id" text not null, "ip_hash" text null, "user_agent" text null, "entitlement_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "download_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_download_event_entitlement_id" ON "download_event" ("entitlement_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_download_event_deleted_at" ON "download_event" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "entitlement" add constraint "entitlement_digital_file_id_foreign" foreign key ("digital_file_id") references "digital_file" ("id") on update cascade;`);

    this.addSql(`alter table if exists "download_event" add constraint "download_event_entitlement_id_foreign" foreign key ("entitlement_id") references "entitlement" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "download_event" drop constraint if exists "download_event_entitlement_id_foreign";`);

    this.addSql(`drop table if exists "entitlement" cascade;`);

    this.addSql(`drop table if exists "download_event" cascade;`);
  }

}
