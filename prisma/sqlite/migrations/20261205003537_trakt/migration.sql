-- AlterTable
ALTER TABLE "WatchEvent" ADD COLUMN "traktPlayId" INTEGER;
ALTER TABLE "WatchEvent" ADD COLUMN "traktSyncedAt" DATETIME;

-- CreateTable
CREATE TABLE "TraktLink" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "accessTokenEnc" TEXT NOT NULL,
    "refreshTokenEnc" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "statusMessage" TEXT,
    "traktUsername" TEXT,
    "traktSlug" TEXT,
    "lastActivities" TEXT,
    "lastSyncAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TraktLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraktAuthState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deviceCodeEnc" TEXT,
    "userCode" TEXT,
    "verificationUrl" TEXT,
    "intervalSecs" INTEGER,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TraktAuthState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceKey" (
    "userId" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "valueEnc" TEXT NOT NULL,
    "preview" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "serviceName"),
    CONSTRAINT "ServiceKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WatchOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "itemId" TEXT,
    "episodeId" TEXT,
    "watchedAt" DATETIME,
    "scrobbleProgress" REAL,
    "traktPlayIds" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WatchOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraktItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "traktId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER,
    "ids" TEXT NOT NULL,
    "itemId" TEXT,
    "plays" INTEGER NOT NULL DEFAULT 0,
    "lastWatchedAt" DATETIME,
    "seasons" TEXT,
    "rating" INTEGER,
    "watchlistedAt" DATETIME,
    "progress" REAL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TraktItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraktSyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "pulled" INTEGER NOT NULL DEFAULT 0,
    "pushed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    CONSTRAINT "TraktSyncRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TraktLink_traktSlug_idx" ON "TraktLink"("traktSlug");

-- CreateIndex
CREATE UNIQUE INDEX "TraktAuthState_stateHash_key" ON "TraktAuthState"("stateHash");

-- CreateIndex
CREATE INDEX "TraktAuthState_userId_idx" ON "TraktAuthState"("userId");

-- CreateIndex
CREATE INDEX "WatchOutbox_userId_nextAttemptAt_idx" ON "WatchOutbox"("userId", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WatchOutbox_nextAttemptAt_idx" ON "WatchOutbox"("nextAttemptAt");

-- CreateIndex
CREATE INDEX "TraktItem_userId_kind_lastWatchedAt_idx" ON "TraktItem"("userId", "kind", "lastWatchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TraktItem_userId_kind_traktId_key" ON "TraktItem"("userId", "kind", "traktId");

-- CreateIndex
CREATE INDEX "TraktSyncRun_userId_startedAt_idx" ON "TraktSyncRun"("userId", "startedAt");

