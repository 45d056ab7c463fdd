-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "providerKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "profilePath" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Credit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "character" TEXT,
    "job" TEXT,
    "department" TEXT,
    "order" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Credit_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MediaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Credit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MediaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "libraryId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
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
    "matchStatus" TEXT NOT NULL DEFAULT 'none',
    "matchInfo" TEXT,
    "genres" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "missingSince" DATETIME,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MediaItem_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MediaItem" ("addedAt", "backdropPath", "id", "identityKey", "imdbId", "kind", "libraryId", "lockedFields", "missingSince", "overview", "posterPath", "sortTitle", "status", "title", "tmdbId", "tvdbId", "updatedAt", "year") SELECT "addedAt", "backdropPath", "id", "identityKey", "imdbId", "kind", "libraryId", "lockedFields", "missingSince", "overview", "posterPath", "sortTitle", "status", "title", "tmdbId", "tvdbId", "updatedAt", "year" FROM "MediaItem";
DROP TABLE "MediaItem";
ALTER TABLE "new_MediaItem" RENAME TO "MediaItem";
CREATE INDEX "MediaItem_libraryId_kind_sortTitle_idx" ON "MediaItem"("libraryId", "kind", "sortTitle");
CREATE INDEX "MediaItem_matchStatus_idx" ON "MediaItem"("matchStatus");
CREATE UNIQUE INDEX "MediaItem_libraryId_identityKey_key" ON "MediaItem"("libraryId", "identityKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Person_providerKey_key" ON "Person"("providerKey");

-- CreateIndex
CREATE INDEX "Credit_itemId_kind_order_idx" ON "Credit"("itemId", "kind", "order");

-- CreateIndex
CREATE INDEX "Credit_personId_idx" ON "Credit"("personId");

