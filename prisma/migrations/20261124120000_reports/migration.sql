-- CreateTable
CREATE TABLE "report_round" (
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
    "created_by_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "closed_at" DATETIME,
    CONSTRAINT "report_round_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "report_draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "round_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "state" TEXT,
    "follow_up_text" TEXT,
    "follow_up_version_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "last_edited_by_id" TEXT,
    "created_at" DATETIME NOT NULL,
    "started_at" DATETIME,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "report_draft_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "report_round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "report_draft_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "report_version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draft_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "template_id" TEXT NOT NULL,
    "template_version" INTEGER NOT NULL,
    "entered_by_id" TEXT NOT NULL,
    "proxy" BOOLEAN NOT NULL DEFAULT false,
    "submitted_at" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "decided_by_id" TEXT,
    "decided_at" DATETIME,
    "return_comment" TEXT,
    "withdrawn_at" DATETIME,
    CONSTRAINT "report_version_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "report_draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "report_round_cell_id_status_idx" ON "report_round"("cell_id", "status");

-- CreateIndex
CREATE INDEX "report_draft_person_id_status_idx" ON "report_draft"("person_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "report_draft_round_id_person_id_key" ON "report_draft"("round_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_version_draft_id_number_key" ON "report_version"("draft_id", "number");

