-- AlterTable
ALTER TABLE "person" ADD COLUMN     "admitted_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "membership" ADD COLUMN     "suspended" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "report_draft" ADD COLUMN     "review_form" TEXT;

