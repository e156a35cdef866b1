import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123034247 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "digital_file" drop constraint if exists "digital_file_storage_key_unique";`);
    this.addSql(`create table if not exists "digital_file" ("id" text not null, "storage_key" text not null, "file_name" text not null, "content_type" text not null default 'application/zip', "size" numeric not null, "sha256" text not null, "raw_size" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "digital_file_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_digital_file_deleted_at" ON "digital_file" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_digital_file_storage_key_unique" ON "digital_file" ("storage_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "digital_file" cascade;`);
  }

}
