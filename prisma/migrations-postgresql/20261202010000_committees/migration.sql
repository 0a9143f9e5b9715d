-- AlterTable
ALTER TABLE "cell" ADD COLUMN     "committee_id" TEXT;

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "committee_id" TEXT;

-- AlterTable
ALTER TABLE "report_round" ADD COLUMN     "committee_round_id" TEXT;

-- AlterTable
ALTER TABLE "report_draft" ADD COLUMN     "raised_text" TEXT;

-- CreateTable
CREATE TABLE "committee" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "parent_id" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "digest_day" INTEGER,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "committee_officer" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "appointed_by_id" TEXT NOT NULL,
    "appointed_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "committee_officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "committee_charge" (
    "cell_id" TEXT NOT NULL,
    "officer_id" TEXT NOT NULL,
    "assigned_by_id" TEXT NOT NULL,
    "assigned_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "committee_charge_pkey" PRIMARY KEY ("cell_id")
);

-- CreateTable
CREATE TABLE "committee_link" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "cell_id" TEXT,
    "child_committee_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requested_by_id" TEXT NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "committee_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "committee_round" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "template_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "committee_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "committee_notice" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "committee_notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_issue" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "raised_by_id" TEXT NOT NULL,
    "raised_at" TIMESTAMP(3) NOT NULL,
    "withdrawn_at" TIMESTAMP(3),

    CONSTRAINT "review_issue_pkey" PRIMARY KEY ("id")
);

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
CREATE INDEX "cell_committee_id_idx" ON "cell"("committee_id");

-- CreateIndex
CREATE INDEX "audit_log_committee_id_at_idx" ON "audit_log"("committee_id", "at");

-- CreateIndex
CREATE INDEX "report_round_committee_round_id_idx" ON "report_round"("committee_round_id");

-- AddForeignKey
ALTER TABLE "committee" ADD CONSTRAINT "committee_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "committee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_officer" ADD CONSTRAINT "committee_officer_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_officer" ADD CONSTRAINT "committee_officer_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_charge" ADD CONSTRAINT "committee_charge_officer_id_fkey" FOREIGN KEY ("officer_id") REFERENCES "committee_officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_charge" ADD CONSTRAINT "committee_charge_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_link" ADD CONSTRAINT "committee_link_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_round" ADD CONSTRAINT "committee_round_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_notice" ADD CONSTRAINT "committee_notice_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_issue" ADD CONSTRAINT "review_issue_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_issue" ADD CONSTRAINT "review_issue_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cell" ADD CONSTRAINT "cell_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_round" ADD CONSTRAINT "report_round_committee_round_id_fkey" FOREIGN KEY ("committee_round_id") REFERENCES "committee_round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

