-- AlterTable
ALTER TABLE "inbound_dedup" ADD COLUMN "handled_at" DATETIME;
ALTER TABLE "inbound_dedup" ADD COLUMN "payload" TEXT;

-- CreateIndex
CREATE INDEX "inbound_dedup_platform_handled_at_idx" ON "inbound_dedup"("platform", "handled_at");

