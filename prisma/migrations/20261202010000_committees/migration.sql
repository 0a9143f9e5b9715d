-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN "committee_id" TEXT;

-- AlterTable
ALTER TABLE "report_draft" ADD COLUMN "raised_text" TEXT;

-- CreateTable
CREATE TABLE "committee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "parent_id" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "digest_day" INTEGER,
    "created_by_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    CONSTRAINT "committee_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "committee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "committee_officer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committee_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "appointed_by_id" TEXT NOT NULL,
    "appointed_at" DATETIME NOT NULL,
    "ended_at" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "committee_officer_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "committee_officer_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "committee_charge" (
    "cell_id" TEXT NOT NULL PRIMARY KEY,
    "officer_id" TEXT NOT NULL,
    "assigned_by_id" TEXT NOT NULL,
    "assigned_at" DATETIME NOT NULL,
    CONSTRAINT "committee_charge_officer_id_fkey" FOREIGN KEY ("officer_id") REFERENCES "committee_officer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "committee_charge_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "committee_link" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committee_id" TEXT NOT NULL,
    "cell_id" TEXT,
    "child_committee_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requested_by_id" TEXT NOT NULL,
    "requested_at" DATETIME NOT NULL,
    "decided_by_id" TEXT,
    "decided_at" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "committee_link_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "committee_round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committee_id" TEXT NOT NULL,
    "template_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    CONSTRAINT "committee_round_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "committee_notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committee_id" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    CONSTRAINT "committee_notice_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "review_issue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committee_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "raised_by_id" TEXT NOT NULL,
    "raised_at" DATETIME NOT NULL,
    "withdrawn_at" DATETIME,
    CONSTRAINT "review_issue_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "review_issue_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_cell" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "parent_committee" TEXT,
    "committee_id" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminder_offsets" TEXT NOT NULL DEFAULT '[4320,1440,120]',
    "summary_offset" INTEGER NOT NULL DEFAULT 120,
    "quiet_start" TEXT NOT NULL DEFAULT '21:30',
    "quiet_end" TEXT NOT NULL DEFAULT '06:30',
    CONSTRAINT "cell_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_cell" ("created_at", "id", "name", "parent_committee", "quiet_end", "quiet_start", "reminder_offsets", "summary_offset", "time_zone") SELECT "created_at", "id", "name", "parent_committee", "quiet_end", "quiet_start", "reminder_offsets", "summary_offset", "time_zone" FROM "cell";
DROP TABLE "cell";
ALTER TABLE "new_cell" RENAME TO "cell";
CREATE INDEX "cell_committee_id_idx" ON "cell"("committee_id");
CREATE TABLE "new_report_round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cell_id" TEXT NOT NULL,
    "template_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "categories" TEXT,
    "include_exempt" BOOLEAN NOT NULL DEFAULT false,
    "meeting_id" TEXT,
    "reminder_offsets" TEXT NOT NULL DEFAULT '[4320,1440]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "committee_round_id" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "closed_at" DATETIME,
    CONSTRAINT "report_round_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "report_round_committee_round_id_fkey" FOREIGN KEY ("committee_round_id") REFERENCES "committee_round" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_report_round" ("categories", "cell_id", "closed_at", "created_at", "created_by_id", "deadline", "id", "include_exempt", "meeting_id", "reminder_offsets", "status", "template_id", "title") SELECT "categories", "cell_id", "closed_at", "created_at", "created_by_id", "deadline", "id", "include_exempt", "meeting_id", "reminder_offsets", "status", "template_id", "title" FROM "report_round";
DROP TABLE "report_round";
ALTER TABLE "new_report_round" RENAME TO "report_round";
CREATE INDEX "report_round_cell_id_status_idx" ON "report_round"("cell_id", "status");
CREATE INDEX "report_round_committee_round_id_idx" ON "report_round"("committee_round_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "committee_code_key" ON "committee"("code");

-- CreateIndex
CREATE INDEX "committee_digest_day_idx" ON "committee"("digest_day");

-- CreateIndex
CREATE INDEX "committee_officer_person_id_status_idx" ON "committee_officer"("person_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "committee_officer_committee_id_person_id_key" ON "committee_officer"("committee_id", "person_id");

-- CreateIndex
CREATE INDEX "committee_charge_officer_id_idx" ON "committee_charge"("officer_id");

-- CreateIndex
CREATE INDEX "committee_link_committee_id_status_idx" ON "committee_link"("committee_id", "status");

-- CreateIndex
CREATE INDEX "committee_link_cell_id_status_idx" ON "committee_link"("cell_id", "status");

-- CreateIndex
CREATE INDEX "committee_link_child_committee_id_status_idx" ON "committee_link"("child_committee_id", "status");

-- CreateIndex
CREATE INDEX "committee_round_committee_id_created_at_idx" ON "committee_round"("committee_id", "created_at");

-- CreateIndex
CREATE INDEX "committee_notice_committee_id_created_at_idx" ON "committee_notice"("committee_id", "created_at");

-- CreateIndex
CREATE INDEX "review_issue_person_id_year_idx" ON "review_issue"("person_id", "year");

-- CreateIndex
CREATE INDEX "review_issue_committee_id_year_idx" ON "review_issue"("committee_id", "year");

-- CreateIndex
CREATE INDEX "audit_log_committee_id_at_idx" ON "audit_log"("committee_id", "at");

