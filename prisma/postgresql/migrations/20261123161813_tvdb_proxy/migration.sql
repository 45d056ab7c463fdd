-- CreateEnum
CREATE TYPE "ProxyKeyKind" AS ENUM ('licensed', 'user_supported');

-- CreateTable
CREATE TABLE "ProxyKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "ProxyKeyKind" NOT NULL DEFAULT 'licensed',
    "keyHash" TEXT NOT NULL,
    "preview" TEXT NOT NULL,
    "pinHash" TEXT,
    "rateLimit" INTEGER NOT NULL,
    "burst" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "expiresAt" TIMESTAMP(3),
    "totalRequests" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProxyKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProxyKeyUsage" (
    "keyId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProxyKeyUsage_pkey" PRIMARY KEY ("keyId","day")
);

-- CreateTable
CREATE TABLE "TvdbCacheEntry" (
    "key" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "recordType" TEXT,
    "recordId" INTEGER,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "freshUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TvdbCacheEntry_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProxyKey_keyHash_key" ON "ProxyKey"("keyHash");

-- CreateIndex
CREATE INDEX "ProxyKey_name_idx" ON "ProxyKey"("name");

-- CreateIndex
CREATE INDEX "ProxyKeyUsage_day_idx" ON "ProxyKeyUsage"("day");

-- CreateIndex
CREATE INDEX "TvdbCacheEntry_recordType_recordId_idx" ON "TvdbCacheEntry"("recordType", "recordId");

-- AddForeignKey
ALTER TABLE "ProxyKeyUsage" ADD CONSTRAINT "ProxyKeyUsage_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ProxyKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

