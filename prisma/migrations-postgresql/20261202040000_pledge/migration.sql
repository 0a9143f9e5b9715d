-- AlterTable
ALTER TABLE "report_draft" ADD COLUMN     "pledge_text" TEXT;

