-- CreateEnum
CREATE TYPE "MediaKind" AS ENUM ('movie', 'show', 'video');

-- CreateEnum
CREATE TYPE "PresenceStatus" AS ENUM ('ok', 'missing');

-- AlterTable
ALTER TABLE "Library" ADD COLUMN     "scanRequestedAt" TIMESTAMP(3),
ADD COLUMN     "watchStatus" TEXT;

-- CreateTable
CREATE TABLE "MediaItem" (
    "id" TEXT NOT NULL,
    "libraryId" TEXT NOT NULL,
    "kind" "MediaKind" NOT NULL,
    "identityKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sortTitle" TEXT NOT NULL,
    "year" INTEGER,
    "overview" TEXT,
    "tmdbId" TEXT,
    "tvdbId" TEXT,
    "imdbId" TEXT,
    "posterPath" TEXT,
    "backdropPath" TEXT,
    "lockedFields" TEXT NOT NULL DEFAULT '[]',
    "status" "PresenceStatus" NOT NULL DEFAULT 'ok',
    "missingSince" TIMESTAMP(3),
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Season" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "posterPath" TEXT,
    "lockedFields" TEXT NOT NULL DEFAULT '[]',
    "status" "PresenceStatus" NOT NULL DEFAULT 'ok',

    CONSTRAINT "Season_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Episode" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "seasonId" TEXT NOT NULL,
    "seasonNumber" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT,
    "overview" TEXT,
    "airDate" TEXT,
    "absoluteNumber" INTEGER,
    "thumbPath" TEXT,
    "lockedFields" TEXT NOT NULL DEFAULT '[]',
    "status" "PresenceStatus" NOT NULL DEFAULT 'ok',
    "missingSince" TIMESTAMP(3),
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Episode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaFile" (
    "id" TEXT NOT NULL,
    "libraryId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mtimeMs" BIGINT NOT NULL,
    "inode" TEXT,
    "headTailHash" TEXT,
    "mediaInfo" JSONB,
    "probeError" TEXT,
    "probedAt" TIMESTAMP(3),
    "status" "PresenceStatus" NOT NULL DEFAULT 'ok',
    "missingSince" TIMESTAMP(3),
    "itemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeFile" (
    "fileId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,

    CONSTRAINT "EpisodeFile_pkey" PRIMARY KEY ("fileId","episodeId")
);

-- CreateTable
CREATE TABLE "ScanIssue" (
    "id" TEXT NOT NULL,
    "libraryId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScanIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "MediaItem_libraryId_kind_sortTitle_idx" ON "MediaItem"("libraryId", "kind", "sortTitle");

-- CreateIndex
CREATE UNIQUE INDEX "MediaItem_libraryId_identityKey_key" ON "MediaItem"("libraryId", "identityKey");

-- CreateIndex
CREATE UNIQUE INDEX "Season_showId_number_key" ON "Season"("showId", "number");

-- CreateIndex
CREATE INDEX "Episode_showId_seasonNumber_number_idx" ON "Episode"("showId", "seasonNumber", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Episode_seasonId_number_key" ON "Episode"("seasonId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_path_key" ON "MediaFile"("path");

-- CreateIndex
CREATE INDEX "MediaFile_libraryId_status_idx" ON "MediaFile"("libraryId", "status");

-- CreateIndex
CREATE INDEX "MediaFile_itemId_idx" ON "MediaFile"("itemId");

-- CreateIndex
CREATE INDEX "MediaFile_inode_idx" ON "MediaFile"("inode");

-- CreateIndex
CREATE INDEX "EpisodeFile_episodeId_idx" ON "EpisodeFile"("episodeId");

-- CreateIndex
CREATE UNIQUE INDEX "ScanIssue_libraryId_path_key" ON "ScanIssue"("libraryId", "path");

-- AddForeignKey
ALTER TABLE "MediaItem" ADD CONSTRAINT "MediaItem_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Season" ADD CONSTRAINT "Season_showId_fkey" FOREIGN KEY ("showId") REFERENCES "MediaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_showId_fkey" FOREIGN KEY ("showId") REFERENCES "MediaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_seasonId_fkey" FOREIGN KEY ("seasonId") REFERENCES "Season"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaFile" ADD CONSTRAINT "MediaFile_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaFile" ADD CONSTRAINT "MediaFile_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MediaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeFile" ADD CONSTRAINT "EpisodeFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MediaFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeFile" ADD CONSTRAINT "EpisodeFile_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanIssue" ADD CONSTRAINT "ScanIssue_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE CASCADE ON UPDATE CASCADE;

