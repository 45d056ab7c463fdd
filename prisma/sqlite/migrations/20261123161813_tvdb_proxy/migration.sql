-- CreateTable
CREATE TABLE "ProxyKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'licensed',
    "keyHash" TEXT NOT NULL,
    "preview" TEXT NOT NULL,
    "pinHash" TEXT,
    "rateLimit" INTEGER NOT NULL,
    "burst" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "expiresAt" DATETIME,
    "totalRequests" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProxyKeyUsage" (
    "keyId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("keyId", "day"),
    CONSTRAINT "ProxyKeyUsage_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ProxyKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TvdbCacheEntry" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "recordType" TEXT,
    "recordId" INTEGER,
    "fetchedAt" DATETIME NOT NULL,
    "freshUntil" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ProxyKey_keyHash_key" ON "ProxyKey"("keyHash");

-- CreateIndex
CREATE INDEX "ProxyKey_name_idx" ON "ProxyKey"("name");

-- CreateIndex
CREATE INDEX "ProxyKeyUsage_day_idx" ON "ProxyKeyUsage"("day");

-- CreateIndex
CREATE INDEX "TvdbCacheEntry_recordType_recordId_idx" ON "TvdbCacheEntry"("recordType", "recordId");

