-- AlterTable
ALTER TABLE "meeting" ADD COLUMN "chair_name" TEXT;
ALTER TABLE "meeting" ADD COLUMN "ended_at" DATETIME;
ALTER TABLE "meeting" ADD COLUMN "recorder_name" TEXT;

