import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123043434 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "rate_limit_bucket" drop constraint if exists "rate_limit_bucket_key_unique";`);
    this.addSql(`create table if not exists "rate_limit_bucket" ("id" text not null, "key" text not null, "window_started_at" timestamptz not null, "hits" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rate_limit_bucket_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rate_limit_bucket_deleted_at" ON "rate_limit_bucket" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rate_limit_bucket_key_unique" ON "rate_limit_bucket" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rate_limit_bucket_window_started_at" ON "rate_limit_bucket" ("window_started_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit_bucket" cascade;`);
  }

}
