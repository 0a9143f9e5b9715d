-- AlterTable
ALTER TABLE "person" ADD COLUMN "holds_post" BOOLEAN;

