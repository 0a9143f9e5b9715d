-- AlterTable
ALTER TABLE "person" ADD COLUMN "preferred_platform" TEXT;

-- CreateTable
CREATE TABLE "meeting_rule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cell_id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "place" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "meeting_rule_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cell_id" TEXT NOT NULL,
    "rule_id" TEXT,
    "occurrence" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT,
    "topic" TEXT,
    "starts_at" DATETIME NOT NULL,
    "place" TEXT,
    "agenda" TEXT,
    "preparation" TEXT,
    "documents" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "version" INTEGER NOT NULL DEFAULT 1,
    "notes" TEXT,
    "attendance_recorded_at" DATETIME,
    "attendance_recorded_by_id" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "meeting_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "meeting_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "meeting_rule" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "meeting_response" (
    "meeting_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "reason" TEXT,
    "reason_text" TEXT,
    "entered_by_id" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("meeting_id", "person_id"),
    CONSTRAINT "meeting_response_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "meeting_response_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "attendance" (
    "meeting_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "recorded_by_id" TEXT NOT NULL,
    "recorded_at" DATETIME NOT NULL,

    PRIMARY KEY ("meeting_id", "person_id"),
    CONSTRAINT "attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "attendance_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "inbound_dedup" (
    "platform" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "received_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("platform", "message_id")
);

-- CreateTable
CREATE TABLE "choice_memory" (
    "platform" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "choices" TEXT NOT NULL DEFAULT '[]',
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("platform", "chat_id")
);

-- CreateTable
CREATE TABLE "link_code" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "person_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" DATETIME NOT NULL,
    "used_at" DATETIME,
    CONSTRAINT "link_code_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "cell_id" TEXT,
    "subject_id" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "due_at" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "claimed_by" TEXT,
    "claimed_at" DATETIME,
    "sent_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_cell" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "parent_committee" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminder_offsets" TEXT NOT NULL DEFAULT '[4320,1440,120]',
    "summary_offset" INTEGER NOT NULL DEFAULT 120,
    "quiet_start" TEXT NOT NULL DEFAULT '21:30',
    "quiet_end" TEXT NOT NULL DEFAULT '06:30'
);
INSERT INTO "new_cell" ("created_at", "id", "name", "parent_committee", "time_zone") SELECT "created_at", "id", "name", "parent_committee", "time_zone" FROM "cell";
DROP TABLE "cell";
ALTER TABLE "new_cell" RENAME TO "cell";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "meeting_rule_cell_id_active_idx" ON "meeting_rule"("cell_id", "active");

-- CreateIndex
CREATE INDEX "meeting_cell_id_starts_at_idx" ON "meeting"("cell_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_rule_id_occurrence_key" ON "meeting"("rule_id", "occurrence");

-- CreateIndex
CREATE INDEX "attendance_person_id_idx" ON "attendance"("person_id");

-- CreateIndex
CREATE INDEX "inbound_dedup_received_at_idx" ON "inbound_dedup"("received_at");

-- CreateIndex
CREATE INDEX "link_code_person_id_idx" ON "link_code"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_key_key" ON "outbox_message"("key");

-- CreateIndex
CREATE INDEX "outbox_message_status_due_at_idx" ON "outbox_message"("status", "due_at");

-- CreateIndex
CREATE INDEX "outbox_message_subject_id_status_idx" ON "outbox_message"("subject_id", "status");

