import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123051841 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "digital_file_version" drop constraint if exists "digital_file_version_digital_file_id_number_unique";`);
    this.addSql(`alter table if exists "digital_file_version" drop constraint if exists "digital_file_version_storage_key_unique";`);
    this.addSql(`create table if not exists "digital_file_version" ("id" text not null, "number" integer not null, "storage_key" text not null, "file_name" text not null, "content_type" text not null default 'application/zip', "size" numeric not null, "sha256" text not null, "digital_file_id" text not null, "raw_size" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "digital_file_version_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_digital_file_version_digital_file_id" ON "digital_file_version" ("digital_file_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_digital_file_version_deleted_at" ON "digital_file_version" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_digital_file_version_storage_key_unique" ON "digital_file_version" ("storage_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_digital_file_version_digital_file_id_number_unique" ON "digital_file_version" ("digital_file_id", "number") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "digital_file_version" add constraint "digital_file_version_digital_file_id_foreign" foreign key ("digital_file_id") references "digital_file" ("id") on update cascade;`);

    this.addSql(`alter table if exists "digital_file" add column if not exists "current_version" integer not null default 1;`);
    // Files from before versions become their own version 1.
    this.addSql(`insert into "digital_file_version" ("id", "number", "storage_key", "file_name", "content_type", "size", "raw_size", "sha256", "digital_file_id", "created_at", "updated_at")
      select 'dfver_' || upper(substr(md5("id" || clock_timestamp()::text), 1, 26)), 1, "storage_key", "file_name", "content_type", "size", "raw_size", "sha256", "id", "created_at", now()
      from "digital_file" f
      where f."deleted_at" is null
        and not exists (select 1 from "digital_file_version" v where v."digital_file_id" = f."id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "digital_file_version" cascade;`);

    this.addSql(`alter table if exists "digital_file" drop column if exists "current_version";`);
  }

}
