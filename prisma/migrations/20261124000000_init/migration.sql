-- CreateTable
CREATE TABLE "person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "full_name" TEXT,
    "party_status" TEXT,
    "category" TEXT,
    "phone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "active_cell_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "identity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "person_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "unreachable" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "identity_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "cell" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "parent_committee" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cell_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "requested_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" DATETIME,
    "decided_by_id" TEXT,
    "ended_at" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "membership_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "membership_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cell_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" DATETIME,
    "revoked_at" DATETIME,
    CONSTRAINT "invite_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cell_id" TEXT,
    "actor_person_id" TEXT,
    "action" TEXT NOT NULL,
    "target_person_id" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "dialogue_state" (
    "person_id" TEXT NOT NULL PRIMARY KEY,
    "flow" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "dialogue_state_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "identity_person_id_idx" ON "identity"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "identity_platform_user_id_key" ON "identity"("platform", "user_id");

-- CreateIndex
CREATE INDEX "membership_cell_id_status_idx" ON "membership"("cell_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "membership_cell_id_person_id_key" ON "membership"("cell_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "invite_code_key" ON "invite"("code");

-- CreateIndex
CREATE INDEX "invite_cell_id_idx" ON "invite"("cell_id");

-- CreateIndex
CREATE INDEX "audit_log_cell_id_at_idx" ON "audit_log"("cell_id", "at");

