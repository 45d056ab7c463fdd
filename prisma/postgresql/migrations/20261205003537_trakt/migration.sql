-- AlterTable
ALTER TABLE "WatchEvent" ADD COLUMN     "traktPlayId" INTEGER,
ADD COLUMN     "traktSyncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TraktLink" (
    "userId" TEXT NOT NULL,
    "accessTokenEnc" TEXT NOT NULL,
    "refreshTokenEnc" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "statusMessage" TEXT,
    "traktUsername" TEXT,
    "traktSlug" TEXT,
    "lastActivities" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TraktLink_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TraktAuthState" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deviceCodeEnc" TEXT,
    "userCode" TEXT,
    "verificationUrl" TEXT,
    "intervalSecs" INTEGER,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraktAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceKey" (
    "userId" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "valueEnc" TEXT NOT NULL,
    "preview" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceKey_pkey" PRIMARY KEY ("userId","serviceName")
);

-- CreateTable
CREATE TABLE "WatchOutbox" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "itemId" TEXT,
    "episodeId" TEXT,
    "watchedAt" TIMESTAMP(3),
    "scrobbleProgress" DOUBLE PRECISION,
    "traktPlayIds" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraktItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "traktId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER,
    "ids" TEXT NOT NULL,
    "itemId" TEXT,
    "plays" INTEGER NOT NULL DEFAULT 0,
    "lastWatchedAt" TIMESTAMP(3),
    "seasons" TEXT,
    "rating" INTEGER,
    "watchlistedAt" TIMESTAMP(3),
    "progress" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TraktItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraktSyncRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "requests" INTEGER NOT NULL DEFAULT 0,
    "pulled" INTEGER NOT NULL DEFAULT 0,
    "pushed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,

    CONSTRAINT "TraktSyncRun_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "TraktLink" ADD CONSTRAINT "TraktLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraktAuthState" ADD CONSTRAINT "TraktAuthState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceKey" ADD CONSTRAINT "ServiceKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchOutbox" ADD CONSTRAINT "WatchOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraktItem" ADD CONSTRAINT "TraktItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraktSyncRun" ADD CONSTRAINT "TraktSyncRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

